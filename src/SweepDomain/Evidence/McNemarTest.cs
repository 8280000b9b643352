using MathNet.Numerics.Distributions;

namespace SweepDomain.Evidence;

/// <summary>
/// The exact McNemar test of paired pass/fail outcomes: only the seeds where exactly one of the two fails carry
/// information, and under the null hypothesis each such seed is equally likely to go either way, so the count is
/// binomial(n, 1/2). Two-sided p = min(1, 2 × P(X ≤ min(b, c))).
/// </summary>
public static class McNemarTest
{
    /// <param name="onlyFirstFails">Seeds where the first fails and the second passes.</param>
    /// <param name="onlySecondFails">Seeds where the second fails and the first passes.</param>
    /// <returns>1 when no seed is discordant.</returns>
    public static double ExactTwoSidedP(int onlyFirstFails, int onlySecondFails)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(onlyFirstFails);
        ArgumentOutOfRangeException.ThrowIfNegative(onlySecondFails);
        int n = onlyFirstFails + onlySecondFails;
        return n == 0 ? 1 : Math.Min(1, 2 * Binomial.CDF(0.5, n, Math.Min(onlyFirstFails, onlySecondFails)));
    }
}
