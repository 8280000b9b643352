namespace BamValidation.Numerics;

/// <summary>
/// Fractions of a series that meet a threshold, as numpy's <c>mean(x &gt;= θ)</c> computes them: NaN compares
/// false, and an empty series gives NaN. <see cref="Within"/> is H6, which drops non-finite values first.
/// </summary>
public static class Fractions
{
    /// <summary>H6: the fraction of the finite values in [lo, hi]; 0 when none is finite.</summary>
    public static double Within(ReadOnlySpan<double> x, double lo, double hi)
    {
        int finite = 0, inside = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            if (double.IsFinite(v))
            {
                finite++;
                if (lo <= v && v <= hi)
                {
                    inside++;
                }
            }
        }

        return finite == 0 ? 0.0 : (double)inside / finite;
    }

    /// <summary>The fraction of all values with <c>v ≥ threshold</c> (numpy <c>mean(x &gt;= θ)</c>); NaN when empty.</summary>
    public static double AtLeast(ReadOnlySpan<double> x, double threshold)
    {
        int count = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] >= threshold)
            {
                count++;
            }
        }

        return x.IsEmpty ? double.NaN : (double)count / x.Length;
    }

    /// <summary>The fraction of all values with <c>v &gt; threshold</c>; NaN when empty.</summary>
    public static double Above(ReadOnlySpan<double> x, double threshold)
    {
        int count = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] > threshold)
            {
                count++;
            }
        }

        return x.IsEmpty ? double.NaN : (double)count / x.Length;
    }

    /// <summary>The fraction of all values with <c>v ≤ threshold</c>; NaN when empty.</summary>
    public static double AtMost(ReadOnlySpan<double> x, double threshold)
    {
        int count = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] <= threshold)
            {
                count++;
            }
        }

        return x.IsEmpty ? double.NaN : (double)count / x.Length;
    }

    /// <summary>The fraction of all values with <c>v &lt; threshold</c>; NaN when empty.</summary>
    public static double Below(ReadOnlySpan<double> x, double threshold)
    {
        int count = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] < threshold)
            {
                count++;
            }
        }

        return x.IsEmpty ? double.NaN : (double)count / x.Length;
    }

    /// <summary>The fraction of all values in the closed interval [lo, hi]; NaN when empty.</summary>
    public static double InClosed(ReadOnlySpan<double> x, double lo, double hi)
    {
        int count = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (lo <= x[i] && x[i] <= hi)
            {
                count++;
            }
        }

        return x.IsEmpty ? double.NaN : (double)count / x.Length;
    }
}
