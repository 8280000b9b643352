namespace BamModel.Roles;

/// <summary>The household as a shareholder (bam-model §1.3).</summary>
public sealed class Shareholder
{
    public Shareholder(int nHouseholds)
    {
        Count = nHouseholds;
        Dividends = new double[nHouseholds];
    }

    public int Count { get; }

    /// <summary>This period's dividend per household, D / NH. Overwritten by FirmsPayDividends every period.</summary>
    public double[] Dividends { get; }
}
