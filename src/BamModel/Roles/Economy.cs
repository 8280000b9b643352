namespace BamModel.Roles;

/// <summary>
/// Economy-wide state (bam-model §1.6). The original's price and inflation histories are unbounded lists; the model
/// reads only their lengths and the last five prices, so this keeps the counts and a ring of the last five prices.
/// </summary>
public sealed class Economy
{
    private const int Ring = 5;
    private readonly double[] _priceRing = new double[Ring];

    public Economy(int nFirms, int nBanks, int nHouseholds, int minWageRevPeriod)
    {
        MinWageRevPeriod = minWageRevPeriod;
        ExitingFirms = new int[nFirms];
        ExitingBanks = new int[nBanks];
        FirmExiting = new bool[nFirms];
        BankExiting = new bool[nBanks];
        TrimScratch = new double[Math.Max(nFirms, nHouseholds)];
    }

    /// <summary>P̄, the current average market price. Written by UpdateAvgMktPrice (#23).</summary>
    public double AvgMktPrice { get; set; }

    /// <summary>Length of avg_mkt_price_history: 1 at t = 0 (P̄_0), one more per #23.</summary>
    public int PriceHistoryCount { get; private set; }

    /// <summary>The last value appended to inflation_history (π_t, written by CalcInflationRate; 0 at t = 0).</summary>
    public double Inflation { get; private set; }

    /// <summary>Length of inflation_history: 1 at t = 0, one more per #7.</summary>
    public int InflationCount { get; private set; }

    /// <summary>ŵ, the minimum wage. Revised by AdjustMinimumWage.</summary>
    public double MinWage { get; set; }

    /// <summary>The revision interval of the minimum wage (the original's docstring wrongly calls it a period).</summary>
    public int MinWageRevPeriod { get; }

    /// <summary>This period's bankrupt firms, ascending: the first <see cref="NExitingFirms"/> entries. Written by #34.</summary>
    public int[] ExitingFirms { get; }

    public int NExitingFirms { get; set; }

    /// <summary>This period's bankrupt banks, ascending: the first <see cref="NExitingBanks"/> entries. Written by #35.</summary>
    public int[] ExitingBanks { get; }

    public int NExitingBanks { get; set; }

    /// <summary>Set when every firm or every bank failed in one period (#36, #37); the run then stops.</summary>
    public bool Collapsed { get; set; }

    /// <summary>P̄ history entry <paramref name="back"/> places from the end (0 = last); back ≤ 4.</summary>
    public double PriceHistory(int back) => _priceRing[(PriceHistoryCount - 1 - back) % Ring];

    /// <summary>Appends P̄ to avg_mkt_price_history and makes it the current average price.</summary>
    public void AppendPrice(double price)
    {
        AvgMktPrice = price;
        _priceRing[PriceHistoryCount % Ring] = price;
        PriceHistoryCount++;
    }

    /// <summary>Appends π to inflation_history.</summary>
    public void AppendInflation(double inflation)
    {
        Inflation = inflation;
        InflationCount++;
    }

    // Scratch: not model state.

    /// <summary>Marks the firms in <see cref="ExitingFirms"/> (valid from #34 to #36).</summary>
    public bool[] FirmExiting { get; }

    /// <summary>Marks the banks in <see cref="ExitingBanks"/> (valid from #35 to #37).</summary>
    public bool[] BankExiting { get; }

    public double[] TrimScratch { get; }
}
