using BamValidation.Numerics;

namespace BamValidation.Metrics.Wealth;

/// <summary>A two-shape, one-scale CDF with location 0: <c>F(x; shape1, shape2, scale)</c>.</summary>
public delegate double ShapeScaleCdf(double x, double shape1, double shape2, double scale);

/// <summary>The steps that the Singh–Maddala and Dagum fits share, given their CDF (validation.md §8 H13).</summary>
internal static class FittedCdf
{
    /// <summary>True when the CDF is not finite at one of the first positive values in array order (the overflow test).</summary>
    public static bool OverflowsAtStart(WealthSample sample, ShapeScaleCdf cdf, double shape1, double shape2, double scale)
    {
        var values = sample.Values;
        for (int i = 0; i < Math.Min(FitSettings.OverflowProbe, values.Length); i++)
        {
            if (!double.IsFinite(cdf(values[i], shape1, shape2, scale)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The fit, with H12's CCDF R² of the fitted CDF over the sorted sample.</summary>
    public static DistributionFit Finish(WealthSample sample, ShapeScaleCdf cdf, double shape1, double shape2, double scale, double ll)
    {
        var sorted = sample.Sorted;
        var values = sample.Cdf;
        for (int i = 0; i < sorted.Length; i++)
        {
            values[i] = cdf(sorted[i], shape1, shape2, scale);
        }

        return new DistributionFit(true, shape1, shape2, scale, ll, CcdfFit.RSquared(sorted, values));
    }
}
