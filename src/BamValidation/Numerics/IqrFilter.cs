namespace BamValidation.Numerics;

/// <summary>H1, the paired IQR outlier filter (validation.md §8).</summary>
public static class IqrFilter
{
    /// <summary>
    /// Copies into <paramref name="keptX"/>/<paramref name="keptY"/> the pairs where both x and y lie inside
    /// <c>[Q1 − 1.5·IQR, Q3 + 1.5·IQR]</c> of their own series (inclusive), and returns how many were kept. With
    /// fewer than 4 pairs every pair is kept. <paramref name="scratch"/> needs the input's length.
    /// </summary>
    public static int Apply(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> keptX, Span<double> keptY, Span<double> scratch)
    {
        int n = x.Length;
        if (n < 4)
        {
            x.CopyTo(keptX);
            y.CopyTo(keptY);
            return n;
        }

        var (xLo, xHi) = Fences(x, scratch);
        var (yLo, yHi) = Fences(y, scratch);
        int kept = 0;
        for (int i = 0; i < n; i++)
        {
            if (xLo <= x[i] && x[i] <= xHi && yLo <= y[i] && y[i] <= yHi)
            {
                keptX[kept] = x[i];
                keptY[kept] = y[i];
                kept++;
            }
        }

        return kept;
    }

    private static (double Lo, double Hi) Fences(ReadOnlySpan<double> values, Span<double> scratch)
    {
        double q1 = Stats.Percentile(values, 25.0, scratch);
        double q3 = Stats.Percentile(values, 75.0, scratch);
        double iqr = q3 - q1;
        return (q1 - 1.5 * iqr, q3 + 1.5 * iqr);
    }
}
