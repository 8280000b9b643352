namespace BamValidation.Metrics.Wealth;

/// <summary>
/// A fitted wealth distribution with location 0: two shapes and a scale, the maximised log-likelihood and H12's
/// CCDF R² on the fitted data. A failed fit has <see cref="Succeeded"/> false and R² 0 (validation.md §8 H13).
/// </summary>
public readonly record struct DistributionFit(bool Succeeded, double Shape1, double Shape2, double Scale, double LogLikelihood, double RSquared)
{
    public static DistributionFit Failed { get; } = new(false, double.NaN, double.NaN, double.NaN, double.NaN, 0.0);
}
