namespace BamValidation.Numerics;

/// <summary>H2, the correlation of two series after removing each one's linear trend (validation.md §8).</summary>
public static class DetrendedCorrelation
{
    /// <summary>
    /// Pearson correlation of the OLS residuals of x and y on <c>t = 0..n−1</c>. 0 when n &lt; 10, when a fit
    /// fails, or when the result is not finite. The scratch spans need the input's length.
    /// </summary>
    public static double Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> scratchX, Span<double> scratchY)
    {
        int n = x.Length;
        if (n < 10 || y.Length != n)
        {
            return 0.0;
        }

        if (!Detrend(x, scratchX[..n]) || !Detrend(y, scratchY[..n]))
        {
            return 0.0;
        }

        double r = Stats.Pearson(scratchX[..n], scratchY[..n]);
        return double.IsFinite(r) ? r : 0.0;
    }

    private static bool Detrend(ReadOnlySpan<double> values, Span<double> residuals)
    {
        if (!Stats.TryFitLine(values, out double slope, out double intercept))
        {
            return false;
        }

        for (int i = 0; i < values.Length; i++)
        {
            residuals[i] = values[i] - (slope * i + intercept);
        }

        return true;
    }
}
