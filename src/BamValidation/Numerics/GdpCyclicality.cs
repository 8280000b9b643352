namespace BamValidation.Numerics;

/// <summary>H4, how a series moves with the business cycle (validation.md §8).</summary>
public static class GdpCyclicality
{
    /// <summary>
    /// H2 of (H3(series), H3(logGdp)): the detrended correlation of the 5-period smoothed series with the smoothed
    /// post-burn-in <b>log</b> GDP. <paramref name="smoothedLogGdp"/> is H3(logGdp), computed once by the caller.
    /// The three scratch spans need the input's length.
    /// </summary>
    public static double Compute(ReadOnlySpan<double> series, ReadOnlySpan<double> smoothedLogGdp, Span<double> smoothed, Span<double> scratchX, Span<double> scratchY)
    {
        var s = smoothed[..series.Length];
        MovingAverage.Centred5(series, s);
        return DetrendedCorrelation.Compute(s, smoothedLogGdp, scratchX, scratchY);
    }
}
