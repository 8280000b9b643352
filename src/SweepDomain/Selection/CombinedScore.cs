namespace SweepDomain.Selection;

/// <summary>
/// The combined score <c>mean × pass_rate × (1 − k × std)</c> (sweep-semantics §7). The caller fixes the std
/// convention: the sweep's tiers and its cross-scenario check pass the SAMPLE std; the validation stability test
/// passes the POPULATION std.
/// </summary>
public static class CombinedScore
{
    /// <summary>The convention the sweep uses, stated in every report it writes.</summary>
    public const string SweepConvention = "combined = mean * pass_rate * (1 - k * std), std = sample standard deviation (n - 1) over the seed scores";

    public static double Compute(double mean, double passRate, double std, double k) => mean * passRate * (1 - k * std);
}
