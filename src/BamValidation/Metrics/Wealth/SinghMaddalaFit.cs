using BamValidation.Numerics;

namespace BamValidation.Metrics.Wealth;

/// <summary>
/// Singh–Maddala (Burr XII) with shapes (c, d) and scale σ: <c>F(x) = 1 − (1 + (x/σ)^c)^(−d)</c>. For fixed c and
/// σ the maximum-likelihood d has a closed form, <c>d = n / Σ ln(1 + (x/σ)^c)</c>, so Nelder–Mead searches only
/// (ln c, ln σ) on the profiled likelihood (ln σ alone when c is fixed by the overflow fallback).
/// </summary>
public static class SinghMaddalaFit
{
    /// <summary>The fallback grid of c (validation.md §8 H13).</summary>
    public static ReadOnlySpan<double> ShapeGrid => [2, 5, 10, 15, 20, 30, 50];

    public static DistributionFit Fit(WealthSample sample)
    {
        var free = new Objective(sample, double.NaN);
        Span<double> theta = [Math.Log(FitSettings.LogisticShape(sample.StdLog)), Math.Log(sample.Median)];
        NelderMead.Minimize(ref free, theta, FitSettings.Step, FitSettings.MaxEvaluations2D, FitSettings.RelativeTolerance, FitSettings.PointTolerance);
        double c = Math.Exp(theta[0]), logScale = theta[1];
        double ll = ProfiledLogLikelihood(sample, c, logScale, out double d);
        if (!double.IsFinite(ll))
        {
            return DistributionFit.Failed;
        }

        return FittedCdf.OverflowsAtStart(sample, Cdf, c, d, Math.Exp(logScale))
            ? FitOnGrid(sample, d)
            : FittedCdf.Finish(sample, Cdf, c, d, Math.Exp(logScale), ll);
    }

    /// <summary>The CDF as scipy 1.10 evaluates it: <c>−expm1(−d·log1p(z^c))</c>, z = x/σ.</summary>
    public static double Cdf(double x, double c, double d, double scale) =>
        -double.ExpM1(-d * double.LogP1(Math.Pow(x / scale, c)));

    /// <summary>The profiled log-likelihood at (c, ln σ), and the d that maximises it there.</summary>
    internal static double ProfiledLogLikelihood(WealthSample sample, double c, double logScale, out double d)
    {
        int n = sample.Count;
        double sumLog1p = SoftplusSum.Compute(sample.Logs, c, -c * logScale);
        d = n / sumLog1p;
        if (!(d > 0.0) || !double.IsFinite(d) || !(c > 0.0) || !double.IsFinite(c))
        {
            return double.NaN;
        }

        double sumLogZ = sample.SumLog - n * logScale;
        return n * Math.Log(c) + n * Math.Log(d) - n * logScale + (c - 1.0) * sumLogZ - n - sumLog1p;
    }

    private static DistributionFit FitOnGrid(WealthSample sample, double freeD)
    {
        double d0 = freeD > 0.0 && double.IsFinite(freeD) ? freeD : 1.0;
        var best = DistributionFit.Failed;
        foreach (double c in ShapeGrid)
        {
            var fixedC = new Objective(sample, c);
            Span<double> theta = [Math.Log(sample.Median) - Math.Log(Math.Pow(2.0, 1.0 / d0) - 1.0) / c];
            NelderMead.Minimize(ref fixedC, theta, FitSettings.ScaleStep, FitSettings.MaxEvaluations1D, FitSettings.RelativeTolerance, FitSettings.PointTolerance);
            double ll = ProfiledLogLikelihood(sample, c, theta[0], out double d);
            if (double.IsFinite(ll) && (!best.Succeeded || ll > best.LogLikelihood))
            {
                best = new DistributionFit(true, c, d, Math.Exp(theta[0]), ll, 0.0);
            }
        }

        return best.Succeeded ? FittedCdf.Finish(sample, Cdf, best.Shape1, best.Shape2, best.Scale, best.LogLikelihood) : best;
    }

    /// <summary>The negative profiled log-likelihood over (ln c, ln σ), or over ln σ when c is fixed.</summary>
    private readonly struct Objective(WealthSample sample, double fixedC) : IObjective
    {
        public double Evaluate(ReadOnlySpan<double> theta)
        {
            bool free = double.IsNaN(fixedC);
            double logC = free ? theta[0] : Math.Log(fixedC);
            double logScale = free ? theta[1] : theta[0];
            return FitSettings.InBox(sample, logC, 0.0, logScale)
                ? -ProfiledLogLikelihood(sample, Math.Exp(logC), logScale, out _)
                : double.PositiveInfinity;
        }
    }
}
