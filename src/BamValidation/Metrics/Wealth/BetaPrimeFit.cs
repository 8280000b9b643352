using BamValidation.Numerics;

namespace BamValidation.Metrics.Wealth;

/// <summary>
/// GB2, approximated as in the original by the beta-prime distribution with shapes (a, b) and scale σ:
/// <c>F(x) = I_{z/(1+z)}(a, b)</c>, z = x/σ. For a fixed σ, <c>u = z/(1+z)</c> is beta(a, b), so the best shapes
/// follow from two sums over the data (<see cref="BetaMle"/>); Nelder–Mead then searches ln σ alone on this
/// profiled likelihood, one vectorised data pass per evaluation.
/// </summary>
public static class BetaPrimeFit
{
    public static DistributionFit Fit(WealthSample sample)
    {
        var objective = new Objective(sample);
        Span<double> theta = [sample.MeanLog];
        NelderMead.Minimize(ref objective, theta, FitSettings.ScaleStep, FitSettings.MaxEvaluations1D, FitSettings.RelativeTolerance, FitSettings.PointTolerance);
        double ll = objective.ProfiledLogLikelihood(theta[0], out double a, out double b);
        if (!double.IsFinite(ll))
        {
            return DistributionFit.Failed;
        }

        double scale = Math.Exp(theta[0]);
        double logBeta = SpecialFunctions.LogBeta(a, b);
        var sorted = sample.Sorted;
        var cdf = sample.Cdf;
        for (int i = 0; i < sorted.Length; i++)
        {
            double z = sorted[i] / scale;
            cdf[i] = SpecialFunctions.RegularizedIncompleteBeta(a, b, z / (1.0 + z), logBeta);
        }

        return new DistributionFit(true, a, b, scale, ll, CcdfFit.RSquared(sorted, cdf));
    }

    /// <summary>The CDF as scipy 1.10 evaluates it: <c>betainc(a, b, z/(1+z))</c>.</summary>
    public static double Cdf(double x, double a, double b, double scale)
    {
        double z = x / scale;
        return SpecialFunctions.RegularizedIncompleteBeta(a, b, z / (1.0 + z));
    }

    /// <summary>
    /// <c>(a−1)Σ ln z − (a+b)Σ ln(1+z) − n ln B(a,b) − n ln σ</c>, evaluated as
    /// <c>−(a−1)Σ softplus(−ln z) − (b+1)Σ softplus(ln z) − …</c>, which has no cancellation when a is large.
    /// </summary>
    internal static double LogLikelihood(WealthSample sample, double a, double b, double logScale)
    {
        if (!(a > 0.0 && b > 0.0) || !double.IsFinite(a) || !double.IsFinite(b))
        {
            return double.NaN;
        }

        int n = sample.Count;
        var (positive, negative, tails) = SoftplusSum.ComputeBoth(sample.Logs, 1.0, -logScale);
        return -(a - 1.0) * (negative + tails) - (b + 1.0) * (positive + tails) - n * SpecialFunctions.LogBeta(a, b) - n * logScale;
    }

    /// <summary>
    /// The negative log-likelihood maximised over the shapes for a given ln σ. Keeps the last shapes as the warm
    /// start of the next evaluation (a class, so the state survives the optimiser's calls).
    /// </summary>
    private sealed class Objective(WealthSample sample) : IObjective
    {
        private double _a = 1.0, _b = 1.0;

        public double Evaluate(ReadOnlySpan<double> theta) => -ProfiledLogLikelihood(theta[0], out _, out _);

        public double ProfiledLogLikelihood(double logScale, out double a, out double b)
        {
            a = b = double.NaN;
            if (!FitSettings.InBox(sample, 0.0, 0.0, logScale))
            {
                return double.NaN;
            }

            // ln u = −softplus(−ln z), ln(1 − u) = −softplus(ln z).
            int n = sample.Count;
            var (positive, negative, tails) = SoftplusSum.ComputeBoth(sample.Logs, 1.0, -logScale);
            double m1 = -(negative + tails) / n, m2 = -(positive + tails) / n;
            double g = BetaMle.Solve(m1, m2, FitSettings.ShapeMin, FitSettings.ShapeCap, ref _a, ref _b);
            (a, b) = (_a, _b);

            // Per observation: ln f = (a−1) ln u + (b+1) ln(1−u) − ln B − ln σ = g + 2·m2 − ln σ.
            return n * (g + 2.0 * m2 - logScale);
        }
    }
}
