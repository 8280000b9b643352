namespace BamModel.Roles;

/// <summary>Extra firm state of the R&amp;D / Growth+ extension (bam-model §3.1); all 0 initially, never reset at entry.</summary>
public sealed class RnD
{
    public RnD(int nFirms)
    {
        Count = nFirms;
        Sigma = new double[nFirms];
        RnDIntensity = new double[nFirms];
        ProductivityIncrement = new double[nFirms];
        Fragility = new double[nFirms];
    }

    public int Count { get; }

    /// <summary>σ_i, the R&amp;D share of profits. Written by FirmsComputeRnDIntensity.</summary>
    public double[] Sigma { get; }

    /// <summary>μ_i, the expected productivity gain. Written by FirmsComputeRnDIntensity.</summary>
    public double[] RnDIntensity { get; }

    /// <summary>z_i, this period's productivity gain. Written by FirmsApplyProductivityGrowth.</summary>
    public double[] ProductivityIncrement { get; }

    /// <summary>W_i / A_i. Written by FirmsComputeRnDIntensity.</summary>
    public double[] Fragility { get; }
}
