using BamValidation.Metrics.Wealth;

namespace BamValidation.Metrics;

/// <summary>
/// Scratch buffers for reducing one run to scalars, sized on first use and grown only when a run is longer or a
/// population larger. One per thread (<see cref="ForCurrentThread"/>); never share an instance between threads.
/// </summary>
public sealed class MetricWorkspace
{
    [ThreadStatic]
    private static MetricWorkspace? _current;

    /// <summary>This thread's workspace.</summary>
    public static MetricWorkspace ForCurrentThread => _current ??= new MetricWorkspace();

    public ScalarTable Values { get; } = new();

    public WealthSample Wealth { get; } = new();

    // ---- Derived per-period series (validation.md §7.1), length T; growth series length T − 1 -----------
    internal double[] Unemployment = [];
    internal double[] Gdp = [];
    internal double[] LogGdp = [];
    internal double[] Productivity = [];
    internal double[] AvgWage = [];
    internal double[] RealWage = [];
    internal double[] VacancyRate = [];
    internal double[] WageInflation = [];
    internal double[] GdpGrowth = [];
    internal double[] UnemploymentGrowth = [];

    // ---- Growth+ per-period series over the post-burn-in window --------------------------------------------
    internal double[] Fragility = [];
    internal double[] PriceRatio = [];
    internal double[] PriceDispersion = [];
    internal double[] EquityDispersion = [];
    internal double[] SalesDispersion = [];
    internal double[] RealRate = [];
    internal double[] Ratio = [];
    internal double[] SmoothedLogGdp = [];

    // ---- General scratch, length T ------------------------------------------------------------------------
    internal double[] ScratchA = [];
    internal double[] ScratchB = [];
    internal double[] ScratchC = [];
    internal double[] ScratchD = [];
    internal bool[] Flags = [];
    internal int[] Peaks = [];
    internal int[] Troughs = [];
    internal int[] PeakScratch = [];

    // ---- Cross-sections ------------------------------------------------------------------------------------
    internal double[] FirmA = [];
    internal double[] FirmB = [];
    internal double[] HouseholdA = [];
    internal double[] HouseholdB = [];
    internal double[] HouseholdC = [];

    /// <summary>Grows the buffers to hold <paramref name="periods"/> periods and the given populations.</summary>
    public void EnsureCapacity(int periods, int firms, int households)
    {
        int t = Math.Max(periods, 1);
        if (Unemployment.Length < t)
        {
            AllocatePeriodBuffers(t);
        }

        if (FirmA.Length < firms)
        {
            FirmA = new double[firms];
            FirmB = new double[firms];
        }

        if (HouseholdA.Length < households)
        {
            HouseholdA = new double[households];
            HouseholdB = new double[households];
            HouseholdC = new double[households];
        }
    }

    private void AllocatePeriodBuffers(int t)
    {
        Unemployment = new double[t];
        Gdp = new double[t];
        LogGdp = new double[t];
        Productivity = new double[t];
        AvgWage = new double[t];
        RealWage = new double[t];
        VacancyRate = new double[t];
        WageInflation = new double[t];
        GdpGrowth = new double[t];
        UnemploymentGrowth = new double[t];
        Fragility = new double[t];
        PriceRatio = new double[t];
        PriceDispersion = new double[t];
        EquityDispersion = new double[t];
        SalesDispersion = new double[t];
        RealRate = new double[t];
        Ratio = new double[t];
        SmoothedLogGdp = new double[t];
        ScratchA = new double[t];
        ScratchB = new double[t];
        ScratchC = new double[t];
        ScratchD = new double[t];
        Flags = new bool[t];
        Peaks = new int[t / 2 + 2];
        Troughs = new int[t / 2 + 2];
        PeakScratch = new int[t / 2 + 2];
    }
}
