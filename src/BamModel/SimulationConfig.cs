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
    /// <summary><c>n_firms</c> (bam-model §1.7).</summary>
    public int NFirms { get; init; } = 100;

    /// <summary><c>n_households</c> (bam-model §1.7).</summary>
    public int NHouseholds { get; init; } = 500;

    /// <summary><c>n_banks</c> (bam-model §1.7).</summary>
    public int NBanks { get; init; } = 10;

    /// <summary>The RNG seed of the run.</summary>
    public long Seed { get; init; }

    /// <summary><c>h_rho</c> (bam-model §1.7).</summary>
    public double HRho { get; init; } = 0.10;

    /// <summary><c>h_xi</c> (bam-model §1.7).</summary>
    public double HXi { get; init; } = 0.05;

    /// <summary><c>h_phi</c> (bam-model §1.7).</summary>
    public double HPhi { get; init; } = 0.10;

    /// <summary><c>h_eta</c> (bam-model §1.7).</summary>
    public double HEta { get; init; } = 0.10;

    /// <summary><c>max_M</c> (bam-model §1.7).</summary>
    public int MaxM { get; init; } = 4;

    /// <summary><c>max_H</c> (bam-model §1.7).</summary>
    public int MaxH { get; init; } = 2;

    /// <summary><c>max_Z</c> (bam-model §1.7).</summary>
    public int MaxZ { get; init; } = 2;

    /// <summary><c>labor_productivity</c> (bam-model §1.7).</summary>
    public double LaborProductivity { get; init; } = 0.50;

    /// <summary><c>min_wage_rev_period</c> (bam-model §1.7).</summary>
    public int MinWageRevPeriod { get; init; } = 4;

    /// <summary><c>theta</c> (bam-model §1.7).</summary>
    public int Theta { get; init; } = 8;

    /// <summary><c>v</c> (bam-model §1.7).</summary>
    public double V { get; init; } = 0.10;

    /// <summary><c>r_bar</c> (bam-model §1.7).</summary>
    public double RBar { get; init; } = 0.02;

    /// <summary><c>beta</c> (bam-model §1.7).</summary>
    public double Beta { get; init; } = 2.50;

    /// <summary><c>delta</c> (bam-model §1.7).</summary>
    public double Delta { get; init; } = 0.10;

    /// <summary><c>price_init</c> (bam-model §1.7).</summary>
    public double PriceInit { get; init; } = 0.5;

    /// <summary><c>min_wage_ratio</c> (bam-model §1.7).</summary>
    public double MinWageRatio { get; init; } = 0.5;

    /// <summary><c>net_worth_ratio</c> (bam-model §1.7).</summary>
    public double NetWorthRatio { get; init; } = 6.0;

    /// <summary>Initial net worth of every firm; NaN means "derived from <see cref="NetWorthRatio"/>".</summary>
    public double NetWorthInit { get; init; } = double.NaN;

    /// <summary><c>equity_base_init</c> (bam-model §1.7).</summary>
    public double EquityBaseInit { get; init; } = 5.0;

    /// <summary><c>savings_init</c> (bam-model §1.7).</summary>
    public double SavingsInit { get; init; } = 1.0;

    /// <summary><c>new_firm_size_factor</c> (bam-model §1.7).</summary>
    public double NewFirmSizeFactor { get; init; } = 0.5;

    /// <summary><c>new_firm_production_factor</c> (bam-model §1.7).</summary>
    public double NewFirmProductionFactor { get; init; } = 0.5;

    /// <summary><c>new_firm_wage_factor</c> (bam-model §1.7).</summary>
    public double NewFirmWageFactor { get; init; } = 0.5;

    /// <summary><c>new_firm_price_markup</c> (bam-model §1.7).</summary>
    public double NewFirmPriceMarkup { get; init; } = 1.20;

    /// <summary><c>max_loan_to_net_worth</c> (bam-model §1.7).</summary>
    public double MaxLoanToNetWorth { get; init; } = 2;

    /// <summary><c>max_leverage</c> (bam-model §1.7).</summary>
    public double MaxLeverage { get; init; } = 10;

    /// <summary>Cap on the breakeven price as a multiple of the price; NaN means no cap (applied only when &gt; 1).</summary>
    public double CapFactor { get; init; } = double.NaN;

    /// <summary><c>job_search_method</c> (bam-model §1.7).</summary>
    public JobSearchMethod JobSearchMethod { get; init; } = JobSearchMethod.AllFirms;

    /// <summary><c>consumer_matching</c> (bam-model §1.7).</summary>
    public ConsumerMatching ConsumerMatching { get; init; } = ConsumerMatching.Loyalty;

    /// <summary>Attach the R&amp;D / Growth+ extension (bam-model §3.1).</summary>
    public bool EnableRnD { get; init; }

    /// <summary><c>sigma_min</c> (bam-model §3.1).</summary>
    public double SigmaMin { get; init; } = 0.0;

    /// <summary><c>sigma_max</c> (bam-model §3.1).</summary>
    public double SigmaMax { get; init; } = 0.1;

    /// <summary><c>sigma_decay</c> (bam-model §3.1).</summary>
    public double SigmaDecay { get; init; } = -1.0;

    /// <summary>Attach the buffer-stock consumption extension (bam-model §3.2).</summary>
    public bool EnableBufferStock { get; init; }

    /// <summary><c>buffer_stock_h</c> (bam-model §3.2).</summary>
    public double BufferStockH { get; init; } = 2.0;
}
