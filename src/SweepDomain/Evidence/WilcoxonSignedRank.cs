using MathNet.Numerics.Distributions;

namespace SweepDomain.Evidence;

/// <summary>
/// The Wilcoxon signed-rank test of paired differences against 0, two-sided, as SciPy's <c>wilcoxon</c> does it by
/// default: zero differences are dropped, tied absolute values share their mean rank, the statistic is the rank sum
/// of the positive differences, and the p-value is exact when at most <see cref="ExactUpTo"/> differences remain and
/// none are tied, otherwise from the normal approximation with the tie correction and no continuity correction.
/// </summary>
public static class WilcoxonSignedRank
{
    public const int ExactUpTo = 50;

    /// <summary>The two-sided p-value; 1 when no difference is non-zero.</summary>
    public static double TwoSidedP(IReadOnlyList<double> differences)
    {
        var nonZero = differences.Where(d => d != 0).ToArray();
        int n = nonZero.Length;
        if (n == 0)
        {
            return 1;
        }

        var (ranks, tieGroups) = AbsoluteRanks(nonZero);
        double plus = 0;
        for (int i = 0; i < n; i++)
        {
            if (nonZero[i] > 0)
            {
                plus += ranks[i];
            }
        }

        return n <= ExactUpTo && tieGroups.Count == 0 ? ExactP(n, (int)plus) : NormalP(n, plus, tieGroups);
    }

    /// <summary>Ranks 1..n of |d| (mean ranks for ties) and the sizes of the tied groups.</summary>
    private static (double[] Ranks, List<int> TieGroups) AbsoluteRanks(double[] values)
    {
        int n = values.Length;
        var order = Enumerable.Range(0, n).OrderBy(i => Math.Abs(values[i])).ToArray();
        var ranks = new double[n];
        var ties = new List<int>();
        for (int start = 0; start < n;)
        {
            int end = start + 1;
            while (end < n && Math.Abs(values[order[end]]) == Math.Abs(values[order[start]]))
            {
                end++;
            }

            double rank = (start + 1 + end) / 2.0;   // mean of ranks start+1 .. end
            for (int k = start; k < end; k++)
            {
                ranks[order[k]] = rank;
            }

            if (end - start > 1)
            {
                ties.Add(end - start);
            }

            start = end;
        }

        return (ranks, ties);
    }

    /// <summary>2 × the smaller tail of the exact null distribution of the rank sum, capped at 1.</summary>
    private static double ExactP(int n, int statistic)
    {
        int max = n * (n + 1) / 2;
        var counts = new double[max + 1];   // subsets of {1..n} by their sum; at most 2^50, exact in a double
        counts[0] = 1;
        for (int r = 1; r <= n; r++)
        {
            for (int s = Math.Min(max, r * (r + 1) / 2); s >= r; s--)
            {
                counts[s] += counts[s - r];
            }
        }

        double total = Math.Pow(2, n), below = 0, above = 0;
        for (int s = 0; s <= max; s++)
        {
            if (s <= statistic)
            {
                below += counts[s];
            }

            if (s >= statistic)
            {
                above += counts[s];
            }
        }

        return Math.Min(1, 2 * Math.Min(below, above) / total);
    }

    private static double NormalP(int n, double statistic, List<int> tieGroups)
    {
        double mean = n * (n + 1) / 4.0;
        double variance = n * (n + 1) * (2.0 * n + 1) / 24.0 - tieGroups.Sum(t => (double)t * t * t - t) / 48.0;
        if (variance <= 0)
        {
            return 1;
        }

        double z = (statistic - mean) / Math.Sqrt(variance);
        return Math.Min(1, 2 * Normal.CDF(0, 1, -Math.Abs(z)));
    }
}
