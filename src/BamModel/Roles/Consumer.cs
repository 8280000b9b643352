namespace BamModel.Roles;

/// <summary>The household as a consumer (bam-model §1.3).</summary>
public sealed class Consumer
{
    public Consumer(int nHouseholds, int nFirms, int maxZ)
    {
        Count = nHouseholds;
        MaxZ = maxZ;
        Income = new double[nHouseholds];
        Savings = new double[nHouseholds];
        IncomeToSpend = new double[nHouseholds];
        Propensity = new double[nHouseholds];
        LargestProdPrev = new int[nHouseholds];
        ShopVisitsTargets = new int[nHouseholds * maxZ];
        ShopVisitsHead = new int[nHouseholds];
        Array.Fill(LargestProdPrev, -1);
        Array.Fill(ShopVisitsTargets, -1);
        Array.Fill(ShopVisitsHead, -1);
        Buyers = new int[nHouseholds];
        Perm = new int[nFirms];
        Undo = new int[Math.Max(maxZ, 1)];
    }

    public int Count { get; }

    /// <summary>Columns of the shop queue (max_Z).</summary>
    public int MaxZ { get; }

    /// <summary>Wage income of this period. Raised by WorkersReceiveWage, zeroed by the spending decision (#26).</summary>
    public double[] Income { get; }

    /// <summary>Wealth SA_j carried between periods. Changed by #25/#26, #29 (unspent budget) and #32 (dividends).</summary>
    public double[] Savings { get; }

    /// <summary>Consumption budget. Set by #26, spent by GoodsMarketRound, moved back to savings and zeroed by #29.</summary>
    public double[] IncomeToSpend { get; }

    /// <summary>c_j. Written by ConsumersCalcPropensity (baseline rule only).</summary>
    public double[] Propensity { get; }

    /// <summary>Loyalty firm for shopping, −1 = none. Updated by ConsumersDecideFirmsToVisit in loyalty mode.</summary>
    public int[] LargestProdPrev { get; }

    /// <summary>Row j (max_Z columns): shops by ascending price, −1 = empty. Cleared and rebuilt by #27.</summary>
    public int[] ShopVisitsTargets { get; }

    /// <summary>Flat cursor into <see cref="ShopVisitsTargets"/>, −1 = none. Set by #27; −1 once GoodsMarketRound served the consumer.</summary>
    public int[] ShopVisitsHead { get; }

    // Scratch: not model state.

    public int[] Buyers { get; }

    public int[] Perm { get; }

    public int[] Undo { get; }
}
