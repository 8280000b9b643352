namespace BamModel.Roles;

/// <summary>Extra household state of the buffer-stock extension (bam-model §3.2); all 0 initially.</summary>
public sealed class BufferStock
{
    public BufferStock(int nHouseholds)
    {
        Count = nHouseholds;
        PrevIncome = new double[nHouseholds];
        Propensity = new double[nHouseholds];
    }

    public int Count { get; }

    /// <summary>W_{t−1}: last period's wage income. Written by ConsumersDecideBufferStockSpending.</summary>
    public double[] PrevIncome { get; }

    /// <summary>c_t (may exceed 1). Written by ConsumersCalcBufferStockPropensity.</summary>
    public double[] Propensity { get; }
}
