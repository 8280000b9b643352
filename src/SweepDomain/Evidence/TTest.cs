using MathNet.Numerics.Distributions;
using SweepDomain.Selection;

namespace SweepDomain.Evidence;

/// <summary>
/// A one-sample Student t-test of a mean against 0: the mean, its standard error, its two-sided confidence interval,
/// t and the two-sided p-value. Undefined figures (fewer than two values) are null.
/// </summary>
public sealed record TTestResult(int N, double Mean, double? StandardError, double? CiLow, double? CiHigh, double? T, double? P);

/// <summary>
/// Student's t-test. On the differences of two candidates' seed scores it is the paired t-test; on one candidate's
/// seed scores its interval is the 95 % interval of that candidate's mean.
/// </summary>
public static class TTest
{
    /// <summary>The confidence level of every interval the sweep reports.</summary>
    public const double Confidence = 0.95;

    /// <summary>
    /// Tests the mean of <paramref name="values"/> against 0, two-sided, with n − 1 degrees of freedom. When every
    /// value is the same the standard error is 0: p is 1 if they are all 0, and 0 otherwise (a difference that never
    /// varies is certain); the interval is then that single value.
    /// </summary>
    public static TTestResult OneSample(IReadOnlyList<double> values)
    {
        int n = values.Count;
        double mean = SeedStatistics.Mean(values);
        if (n < 2)
        {
            return new TTestResult(n, mean, null, null, null, null, null);
        }

        double se = SeedStatistics.SampleStd(values) / Math.Sqrt(n);
        if (se == 0)
        {
            return new TTestResult(n, mean, 0, mean, mean, mean == 0 ? 0 : Math.CopySign(double.PositiveInfinity, mean), mean == 0 ? 1 : 0);
        }

        int df = n - 1;
        double t = mean / se;
        double p = Math.Min(1, 2 * StudentT.CDF(0, 1, df, -Math.Abs(t)));
        double q = StudentT.InvCDF(0, 1, df, 1 - (1 - Confidence) / 2);
        return new TTestResult(n, mean, se, mean - q * se, mean + q * se, t, p);
    }
}
