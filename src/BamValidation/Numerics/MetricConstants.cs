namespace BamValidation.Numerics;

/// <summary>Constants of the metric definitions (validation.md §2).</summary>
public static class MetricConstants
{
    /// <summary>EPS of the guarded denominators.</summary>
    public const double Eps = 1e-9;
}
