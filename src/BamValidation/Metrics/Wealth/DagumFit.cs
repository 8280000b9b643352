using BamValidation.Numerics;

namespace BamValidation.Metrics.Wealth;

/// <summary>
/// Dagum in scipy's Mielke (Burr III) form, shapes (k, s) and scale σ: <c>F(x) = z^k / (1 + z^s)^(k/s)</c>,
/// z = x/σ. This is Dagum with <c>a = s</c>, <c>p = k/s</c>: <c>F = (1 + z^−s)^(−p)</c>. For fixed s and σ the
/// maximum-likelihood p is <c>n / Σ ln(1 + z^−s)</c>, so Nelder–Mead searches (ln s, ln σ) on the profiled
/// likelihood; the overflow fallback fixes k and searches (ln s, ln σ) directly.
/// </summary>
public static class DagumFit
{
    /// <summary>The fallback grid of k (validation.md §8 H13).</summary>
    public static ReadOnlySpan<double> ShapeGrid => [5, 10, 15, 20, 30, 50];

    public static DistributionFit Fit(WealthSample sample)
    {
        var free = new Objective(sample, double.NaN);
        Span<double> theta = [Math.Log(FitSettings.LogisticShape(sample.StdLog)), Math.Log(sample.Median)];
        NelderMead.Minimize(ref free, theta, FitSettings.Step, FitSettings.MaxEvaluationsFree, FitSettings.RelativeTolerance, FitSettings.PointTolerance);
        double s = Math.Exp(theta[0]), logScale = theta[1];
        double ll = ProfiledLogLikelihood(sample, s, logScale, out double p);
        if (!double.IsFinite(ll))
        {
            return DistributionFit.Failed;
        }

        double k = p * s;
        return FittedCdf.OverflowsAtStart(sample, Cdf, k, s, Math.Exp(logScale))
            ? FitOnGrid(sample, s)
            : FittedCdf.Finish(sample, Cdf, k, s, Math.Exp(logScale), ll);
    }

    /// <summary>The CDF as scipy 1.10 evaluates it, <c>z^k / (1 + z^s)^(k/s)</c>: NaN once z^k overflows.</summary>
    public static double Cdf(double x, double k, double s, double scale)
    {
        double z = x / scale;
        return Math.Pow(z, k) / Math.Pow(1.0 + Math.Pow(z, s), k / s);
    }

    /// <summary>The profiled log-likelihood at (s, ln σ), and the p that maximises it there.</summary>
    internal static double ProfiledLogLikelihood(WealthSample sample, double s, double logScale, out double p)
    {
        int n = sample.Count;
        double sumLog1p = SoftplusSum.Compute(sample.Logs, -s, s * logScale);
        p = n / sumLog1p;
        if (!(p > 0.0) || !double.IsFinite(p) || !(s > 0.0) || !double.IsFinite(s))
        {
            return double.NaN;
        }

        double sumLogZ = sample.SumLog - n * logScale;
        return n * Math.Log(s) + n * Math.Log(p) - (1.0 + s) * sumLogZ - n - sumLog1p - n * logScale;
    }

    /// <summary>The log-likelihood with k fixed: <c>n ln k − (1+s)Σ ln z − (1 + k/s)Σ ln(1 + z^−s) − n ln σ</c>.</summary>
    internal static double FixedKLogLikelihood(WealthSample sample, double k, double s, double logScale)
    {
        int n = sample.Count;
        if (!(s > 0.0) || !double.IsFinite(s))
        {
            return double.NaN;
        }

        double sumLog1p = SoftplusSum.Compute(sample.Logs, -s, s * logScale);
        double sumLogZ = sample.SumLog - n * logScale;
        return n * Math.Log(k) - (1.0 + s) * sumLogZ - (1.0 + k / s) * sumLog1p - n * logScale;
    }

    /// <summary>
    /// The overflow fallback: the best fit with k fixed at each grid value. The grid points are fitted to a coarse
    /// tolerance (enough to rank their likelihoods), each warm-started from the previous one; the winner is then
    /// refined to the normal tolerance.
    /// </summary>
    private static DistributionFit FitOnGrid(WealthSample sample, double freeS)
    {
        double s = double.IsFinite(freeS) && freeS > 0.0 ? freeS : FitSettings.LogisticShape(sample.StdLog);
        double step = FitSettings.Step;
        double bestK = double.NaN, bestLl = double.NegativeInfinity, bestLogS = 0.0, bestLogScale = 0.0;
        Span<double> previous = stackalloc double[3];   // ln k, ln s, ln σ of the last grid optimum
        Span<double> beforePrevious = stackalloc double[3];
        int solved = 0;
        foreach (double k in ShapeGrid)
        {
            // Warm start: from the first point on, the previous optimum; from the third, a linear extrapolation in
            // ln k of the last two optima (the optimum moves smoothly along the grid).
            var fixedK = new Objective(sample, k);
            Span<double> theta = [Math.Log(s), MedianMatchingLogScale(sample.Median, k / s, s)];
            if (solved >= 2)
            {
                double f = (Math.Log(k) - previous[0]) / (previous[0] - beforePrevious[0]);
                theta[0] = previous[1] + f * (previous[1] - beforePrevious[1]);
                theta[1] = previous[2] + f * (previous[2] - beforePrevious[2]);
            }

            NelderMead.Minimize(ref fixedK, theta, step, FitSettings.MaxEvaluations2D, FitSettings.CoarseRelativeTolerance, FitSettings.CoarsePointTolerance);
            step = FitSettings.WarmStep;
            s = Math.Exp(theta[0]);
            previous.CopyTo(beforePrevious);
            (previous[0], previous[1], previous[2]) = (Math.Log(k), theta[0], theta[1]);
            solved++;
            double ll = FixedKLogLikelihood(sample, k, s, theta[1]);
            if (double.IsFinite(ll) && ll > bestLl)
            {
                (bestK, bestLl, bestLogS, bestLogScale) = (k, ll, theta[0], theta[1]);
            }
        }

        if (double.IsNaN(bestK))
        {
            return DistributionFit.Failed;
        }

        var winner = new Objective(sample, bestK);
        Span<double> refined = [bestLogS, bestLogScale];
        NelderMead.Minimize(ref winner, refined, FitSettings.WarmStep, FitSettings.MaxEvaluations2D, FitSettings.RelativeTolerance, FitSettings.PointTolerance);
        double refinedS = Math.Exp(refined[0]);
        double refinedLl = FixedKLogLikelihood(sample, bestK, refinedS, refined[1]);
        return double.IsFinite(refinedLl) && refinedLl >= bestLl
            ? FittedCdf.Finish(sample, Cdf, bestK, refinedS, Math.Exp(refined[1]), refinedLl)
            : FittedCdf.Finish(sample, Cdf, bestK, Math.Exp(bestLogS), Math.Exp(bestLogScale), bestLl);
    }

    /// <summary>ln σ such that <c>(1 + (m/σ)^−s)^−p = ½</c>: σ = m·(2^(1/p) − 1)^(1/s).</summary>
    private static double MedianMatchingLogScale(double median, double p, double s) =>
        Math.Log(median) + Math.Log(Math.Pow(2.0, 1.0 / p) - 1.0) / s;

    /// <summary>The negative log-likelihood over (ln s, ln σ): profiled in p when k is free, else with k fixed.</summary>
    private readonly struct Objective(WealthSample sample, double fixedK) : IObjective
    {
        public double Evaluate(ReadOnlySpan<double> theta)
        {
            if (!FitSettings.InBox(sample, theta[0], 0.0, theta[1]))
            {
                return double.PositiveInfinity;
            }

            double s = Math.Exp(theta[0]);
            return double.IsNaN(fixedK)
                ? -ProfiledLogLikelihood(sample, s, theta[1], out _)
                : -FixedKLogLikelihood(sample, fixedK, s, theta[1]);
        }
    }
}
