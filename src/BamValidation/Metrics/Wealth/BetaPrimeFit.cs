using BamValidation.Numerics;

namespace BamValidation.Metrics.Wealth;

/// <summary>
/// GB2, approximated as in the original by the beta-prime distribution with shapes (a, b) and scale σ:
/// <c>F(x) = I_{z/(1+z)}(a, b)</c>, z = x/σ. Nelder–Mead searches (ln a, ln b, ln σ); each evaluation is one
/// vectorised pass over the data plus a log-beta.
/// </summary>
public static class BetaPrimeFit
{
    public static DistributionFit Fit(WealthSample sample)
    {
        // Equal shapes put E[ln z] at 0 and Var[ln z] = 2ψ'(a) ≈ 2/(a − ½): match the log data.
        double shape = 0.5 + 2.0 / Math.Max(sample.StdLog * sample.StdLog, 1e-6);
        var objective = new Objective(sample);
        Span<double> theta = [Math.Log(shape), Math.Log(shape), sample.MeanLog];
        NelderMead.Minimize(ref objective, theta, FitSettings.Step, FitSettings.MaxEvaluations3D);
        double a = Math.Exp(theta[0]), b = Math.Exp(theta[1]);
        double ll = LogLikelihood(sample, a, b, theta[2]);
        if (!double.IsFinite(ll))
        {
            return DistributionFit.Failed;
        }

        double scale = Math.Exp(theta[2]);
        var sorted = sample.Sorted;
        var cdf = sample.Cdf;
        for (int i = 0; i < sorted.Length; i++)
        {
            cdf[i] = Cdf(sorted[i], a, b, scale);
        }

        return new DistributionFit(true, a, b, scale, ll, CcdfFit.RSquared(sorted, cdf));
    }

    /// <summary>The CDF as scipy 1.10 evaluates it: <c>betainc(a, b, z/(1+z))</c>.</summary>
    public static double Cdf(double x, double a, double b, double scale)
    {
        double z = x / scale;
        return SpecialFunctions.RegularizedIncompleteBeta(a, b, z / (1.0 + z));
    }

    /// <summary><c>(a−1)Σ ln z − (a+b)Σ ln(1+z) − n ln B(a,b) − n ln σ</c>.</summary>
    internal static double LogLikelihood(WealthSample sample, double a, double b, double logScale)
    {
        if (!(a > 0.0 && b > 0.0) || !double.IsFinite(a) || !double.IsFinite(b))
        {
            return double.NaN;
        }

        int n = sample.Count;
        double sumLog1p = SoftplusSum.Compute(sample.Logs, 1.0, -logScale);
        double sumLogZ = sample.SumLog - n * logScale;
        return (a - 1.0) * sumLogZ - (a + b) * sumLog1p - n * SpecialFunctions.LogBeta(a, b) - n * logScale;
    }

    private readonly struct Objective(WealthSample sample) : IObjective
    {
        public double Evaluate(ReadOnlySpan<double> theta) =>
            -LogLikelihood(sample, Math.Exp(theta[0]), Math.Exp(theta[1]), theta[2]);
    }
}
