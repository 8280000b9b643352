namespace BamModel;

/// <summary>Model-wide constants (bam-model §0).</summary>
public static class Constants
{
    /// <summary>The global tolerance (bamengine utils.EPS). Some tests use it, others compare with exact zero (§7.1 item 10).</summary>
    public const double Eps = 1.0e-9;
}
