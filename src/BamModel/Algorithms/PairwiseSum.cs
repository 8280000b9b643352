using System.Runtime.Intrinsics;

namespace BamModel.Algorithms;

/// <summary>
/// The sum of a run of doubles in the order NumPy's <c>sum</c> and <c>mean</c> add them (bam-model §7.2): below
/// 8 values one after the other; up to 128 values in 8 running sums (value i goes to sum i mod 8, the tail of
/// fewer than 8 added one by one afterwards), combined as ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)); above
/// 128 the two halves (the first a multiple of 8 long) summed the same way and added. Besides matching the
/// original's rounding, the 8 independent sums spare the processor one long chain of dependent additions.
/// </summary>
public static class PairwiseSum
{
    private const int BlockSize = 128;

    /// <summary>Σ <paramref name="values"/> in NumPy's pairwise order; −0 for no values, as NumPy's identity.</summary>
    public static double Sum(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        if (n < 8)
        {
            double res = -0.0;
            foreach (double x in values)
            {
                res += x;
            }

            return res;
        }

        if (n <= BlockSize)
        {
            return Block(values);
        }

        int half = n / 2;
        half -= half % 8;
        return Sum(values[..half]) + Sum(values[half..]);
    }

    /// <summary>The mean in NumPy's order: <see cref="Sum"/> / n (NaN for no values, as NumPy's mean of nothing).</summary>
    public static double Mean(ReadOnlySpan<double> values) => Sum(values) / values.Length;

    // 8 ≤ n ≤ 128: eight running sums, as two vectors of four lanes (lane for lane the same additions).
    private static double Block(ReadOnlySpan<double> values)
    {
        int n = values.Length, end = n - (n % 8), i = 8;
        var low = Vector256.Create(values);
        var high = Vector256.Create(values[4..]);
        for (; i < end; i += 8)
        {
            low += Vector256.Create(values[i..]);
            high += Vector256.Create(values[(i + 4)..]);
        }

        double res = ((low[0] + low[1]) + (low[2] + low[3])) + ((high[0] + high[1]) + (high[2] + high[3]));
        for (; i < n; i++)
        {
            res += values[i];
        }

        return res;
    }
}
