namespace BamValidation.Numerics;

/// <summary>
/// Descriptive statistics with numpy's conventions (validation.md §2): population std (ddof 0), biased skewness,
/// linear-interpolation percentiles. Empty input gives NaN, as numpy's mean of an empty array does.
/// </summary>
public static class Stats
{
    /// <summary>The resolution numpy's float64 reports; scipy's skew treats a smaller variance as zero.</summary>
    private const double Float64Resolution = 1e-15;

    public static double Mean(ReadOnlySpan<double> x)
    {
        if (x.IsEmpty)
        {
            return double.NaN;
        }

        double sum = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            sum += x[i];
        }

        return sum / x.Length;
    }

    /// <summary>Population standard deviation, <c>sqrt(mean((x − mean x)²))</c>.</summary>
    public static double PopulationStd(ReadOnlySpan<double> x)
    {
        double mean = Mean(x);
        double sum = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            double d = x[i] - mean;
            sum += d * d;
        }

        return Math.Sqrt(sum / x.Length);
    }

    /// <summary>
    /// Biased skewness <c>m3 / m2^1.5</c> (scipy <c>skew</c>, <c>bias=True</c>). NaN when the variance is
    /// numerically zero (<c>m2 ≤ (1e-15·mean)²</c>), as scipy 1.10 returns.
    /// </summary>
    public static double Skewness(ReadOnlySpan<double> x)
    {
        double mean = Mean(x);
        double m2 = 0.0, m3 = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            double d = x[i] - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
        }

        m2 /= x.Length;
        m3 /= x.Length;
        double floor = Float64Resolution * mean;
        return m2 <= floor * floor ? double.NaN : m3 / Math.Pow(m2, 1.5);
    }

    /// <summary>The largest value; NaN when empty or when any value is NaN (numpy <c>max</c>).</summary>
    public static double Max(ReadOnlySpan<double> x)
    {
        if (x.IsEmpty)
        {
            return double.NaN;
        }

        double max = x[0];
        for (int i = 1; i < x.Length; i++)
        {
            double v = x[i];
            if (v > max || double.IsNaN(v))
            {
                max = v;
                if (double.IsNaN(v))
                {
                    return v;
                }
            }
        }

        return max;
    }

    /// <summary>The smallest value; NaN when empty or when any value is NaN (numpy <c>min</c>).</summary>
    public static double Min(ReadOnlySpan<double> x)
    {
        if (x.IsEmpty)
        {
            return double.NaN;
        }

        double min = x[0];
        for (int i = 1; i < x.Length; i++)
        {
            double v = x[i];
            if (double.IsNaN(v))
            {
                return v;
            }

            if (v < min)
            {
                min = v;
            }
        }

        return min;
    }

    /// <summary>Pearson correlation; NaN when either series is constant or the lengths differ from ≥ 2.</summary>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length || x.Length < 2)
        {
            return double.NaN;
        }

        double mx = Mean(x), my = Mean(y);
        double sxy = 0.0, sxx = 0.0, syy = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        double r = sxy / Math.Sqrt(sxx * syy);
        return double.IsNaN(r) ? r : Math.Clamp(r, -1.0, 1.0);
    }

    /// <summary>
    /// The OLS line of <paramref name="y"/> on <c>t = 0..n−1</c> (numpy <c>polyfit</c>, degree 1). Returns false
    /// (the fit "fails") when n &lt; 2 or a value is not finite.
    /// </summary>
    public static bool TryFitLine(ReadOnlySpan<double> y, out double slope, out double intercept)
    {
        slope = intercept = 0.0;
        int n = y.Length;
        if (n < 2)
        {
            return false;
        }

        double tMean = (n - 1) / 2.0;
        double yMean = Mean(y);
        if (!double.IsFinite(yMean))
        {
            return false;
        }

        double sty = 0.0, stt = 0.0;
        for (int i = 0; i < n; i++)
        {
            double dt = i - tMean;
            sty += dt * (y[i] - yMean);
            stt += dt * dt;
        }

        slope = sty / stt;
        intercept = yMean - slope * tMean;
        return double.IsFinite(slope);
    }

    /// <summary>The OLS slope of <paramref name="y"/> on t, or 0 if the fit fails.</summary>
    public static double TrendSlope(ReadOnlySpan<double> y) => TryFitLine(y, out double slope, out _) ? slope : 0.0;

    /// <summary>
    /// Percentile <paramref name="p"/> (0–100) of already sorted values, interpolating linearly between order
    /// statistics: <c>h = (p/100)(n−1)</c>, <c>s[⌊h⌋] + (h − ⌊h⌋)(s[⌊h⌋+1] − s[⌊h⌋])</c>. NaN when empty.
    /// </summary>
    public static double PercentileOfSorted(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        double h = p / 100.0 * (sorted.Length - 1);
        int lo = (int)Math.Floor(h);
        double frac = h - lo;
        if (frac == 0.0 || lo + 1 >= sorted.Length)
        {
            return sorted[Math.Min(lo, sorted.Length - 1)];
        }

        return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
    }

    /// <summary>
    /// Percentile of unsorted values; sorts a copy in <paramref name="scratch"/> (length ≥ n). NaN when any value
    /// is NaN, as numpy's percentile returns.
    /// </summary>
    public static double Percentile(ReadOnlySpan<double> x, double p, Span<double> scratch)
    {
        var sorted = scratch[..x.Length];
        x.CopyTo(sorted);
        if (sorted.ContainsAnyExceptInRange(double.NegativeInfinity, double.PositiveInfinity))
        {
            return double.NaN;
        }

        sorted.Sort();
        return PercentileOfSorted(sorted, p);
    }

    /// <summary>H5, the coefficient of variation: <c>std / max(mean, EPS)</c> (the mean is not taken absolute).</summary>
    public static double CoefficientOfVariation(ReadOnlySpan<double> x) =>
        PopulationStd(x) / Math.Max(Mean(x), MetricConstants.Eps);

    /// <summary>The safe divide SD(a, b) of validation.md §2: b is replaced by 1e-10 only when exactly 0.</summary>
    public static double SafeDivide(double a, double b) => a / (b == 0.0 ? 1e-10 : b);
}
