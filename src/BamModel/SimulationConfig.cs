namespace BamModel;

/// <summary>How an unemployed worker picks the firms to apply to (bam-model §2.2 #10).</summary>
public enum JobSearchMethod
{
    /// <summary>Sample any firm; applications to firms without vacancies are wasted.</summary>
    AllFirms,

    /// <summary>Sample only firms with vacancies.</summary>
    VacanciesOnly,
}

/// <summary>How a consumer picks the shops to visit (bam-model §2.5 #27).</summary>
public enum ConsumerMatching
{
    /// <summary>The previous largest producer is always among the visited shops.</summary>
    Loyalty,

    /// <summary>No loyalty.</summary>
    Random,
}

/// <summary>
/// Every parameter of one simulation (bam-model §1.7 and §3), already validated. The defaults are the engine's
/// (defaults.yml). Build one through <see cref="BamScenarios.CreateConfig"/> to validate overrides by name.
/// </summary>
public sealed record SimulationConfig
{
    public int NFirms { get; init; } = 100;
    public int NHouseholds { get; init; } = 500;
    public int NBanks { get; init; } = 10;
    public long Seed { get; init; }

    public double HRho { get; init; } = 0.10;
    public double HXi { get; init; } = 0.05;
    public double HPhi { get; init; } = 0.10;
    public double HEta { get; init; } = 0.10;

    public int MaxM { get; init; } = 4;
    public int MaxH { get; init; } = 2;
    public int MaxZ { get; init; } = 2;

    public double LaborProductivity { get; init; } = 0.50;
    public int MinWageRevPeriod { get; init; } = 4;
    public int Theta { get; init; } = 8;
    public double V { get; init; } = 0.10;
    public double RBar { get; init; } = 0.02;
    public double Beta { get; init; } = 2.50;
    public double Delta { get; init; } = 0.10;

    public double PriceInit { get; init; } = 0.5;
    public double MinWageRatio { get; init; } = 0.5;
    public double NetWorthRatio { get; init; } = 6.0;

    /// <summary>Initial net worth of every firm; NaN means "derived from <see cref="NetWorthRatio"/>".</summary>
    public double NetWorthInit { get; init; } = double.NaN;

    public double EquityBaseInit { get; init; } = 5.0;
    public double SavingsInit { get; init; } = 1.0;

    public double NewFirmSizeFactor { get; init; } = 0.5;
    public double NewFirmProductionFactor { get; init; } = 0.5;
    public double NewFirmWageFactor { get; init; } = 0.5;
    public double NewFirmPriceMarkup { get; init; } = 1.20;

    public double MaxLoanToNetWorth { get; init; } = 2;
    public double MaxLeverage { get; init; } = 10;

    /// <summary>Cap on the breakeven price as a multiple of the price; NaN means no cap (applied only when &gt; 1).</summary>
    public double CapFactor { get; init; } = double.NaN;

    public JobSearchMethod JobSearchMethod { get; init; } = JobSearchMethod.AllFirms;
    public ConsumerMatching ConsumerMatching { get; init; } = ConsumerMatching.Loyalty;

    /// <summary>Attach the R&amp;D / Growth+ extension (bam-model §3.1).</summary>
    public bool EnableRnD { get; init; }
    public double SigmaMin { get; init; } = 0.0;
    public double SigmaMax { get; init; } = 0.1;
    public double SigmaDecay { get; init; } = -1.0;

    /// <summary>Attach the buffer-stock consumption extension (bam-model §3.2).</summary>
    public bool EnableBufferStock { get; init; }
    public double BufferStockH { get; init; } = 2.0;
}
