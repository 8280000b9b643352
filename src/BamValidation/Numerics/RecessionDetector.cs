namespace BamValidation.Numerics;

/// <summary>H8 recession detection and H9 episode counting (validation.md §8).</summary>
public static class RecessionDetector
{
    private const int PeakDistance = 20;
    private const double PeakProminence = 0.03;
    private const int MinGap = 10;
    private const int ExtensionAfterTrough = 10;

    /// <summary>
    /// H8 on the full log-GDP series: flags <c>p .. min(q + 10, T) − 1</c> for each peak p of the smoothed series
    /// and its first later trough q, then bridges gaps shorter than 10 between flagged runs. Nothing is flagged
    /// when T &lt; 10. <paramref name="smoothed"/> needs T doubles; the int scratch spans need <c>T/2 + 1</c>.
    /// </summary>
    public static void Flag(ReadOnlySpan<double> logGdp, Span<bool> flags, Span<double> smoothed, Span<int> peaks, Span<int> troughs, Span<int> scratch)
    {
        int n = logGdp.Length;
        flags[..n].Clear();
        if (n < 10)
        {
            return;
        }

        var s = smoothed[..n];
        MovingAverage.Centred5(logGdp, s);
        int nPeaks = PeakFinder.Find(s, PeakDistance, PeakProminence, negate: false, peaks, scratch);
        int nTroughs = PeakFinder.Find(s, PeakDistance, PeakProminence, negate: true, troughs, scratch);

        int q = 0;
        for (int k = 0; k < nPeaks; k++)
        {
            int p = peaks[k];
            while (q < nTroughs && troughs[q] <= p)
            {
                q++;
            }

            if (q == nTroughs)
            {
                break;
            }

            int end = Math.Min(troughs[q] + ExtensionAfterTrough, n);
            flags[p..end].Fill(true);
        }

        BridgeGaps(flags[..n]);
    }

    /// <summary>H9: the number of flagged runs within periods <c>start..T−1</c> and their mean length, or (0, 0).</summary>
    public static (int Count, double MeanLength) Episodes(ReadOnlySpan<bool> flags, int start)
    {
        int count = 0, total = 0;
        bool inRun = false;
        for (int t = Math.Max(0, start); t < flags.Length; t++)
        {
            if (flags[t])
            {
                total++;
                if (!inRun)
                {
                    count++;
                }
            }

            inRun = flags[t];
        }

        return count == 0 ? (0, 0.0) : (count, (double)total / count);
    }

    private static void BridgeGaps(Span<bool> flags)
    {
        int previousEnd = -1;
        int t = 0;
        while (t < flags.Length)
        {
            if (!flags[t])
            {
                t++;
                continue;
            }

            int start = t;
            while (t < flags.Length && flags[t])
            {
                t++;
            }

            if (previousEnd >= 0 && start - previousEnd < MinGap)
            {
                flags[previousEnd..start].Fill(true);
            }

            previousEnd = t;
        }
    }
}
