namespace BamValidation.Numerics;

/// <summary>
/// Peak finding with scipy <c>find_peaks</c> semantics, restricted to the <c>distance</c> and minimum
/// <c>prominence</c> filters that H8 uses (validation.md §8, rules a–c). The distance filter runs first.
/// </summary>
public static class PeakFinder
{
    /// <summary>
    /// Writes the indices of the peaks of <paramref name="x"/> into <paramref name="peaks"/> in ascending order
    /// and returns how many there are. <paramref name="negate"/> finds the peaks of −x (troughs of x) without a
    /// copy. <paramref name="peaks"/> and <paramref name="scratch"/> need <c>x.Length / 2 + 1</c> elements.
    /// </summary>
    public static int Find(ReadOnlySpan<double> x, int distance, double minProminence, bool negate, Span<int> peaks, Span<int> scratch)
    {
        double sign = negate ? -1.0 : 1.0;
        int count = LocalMaxima(x, sign, peaks);
        count = SelectByDistance(x, sign, peaks[..count], distance, scratch);
        int kept = 0;
        for (int k = 0; k < count; k++)
        {
            if (Prominence(x, sign, peaks[k]) >= minProminence)
            {
                peaks[kept++] = peaks[k];
            }
        }

        return kept;
    }

    /// <summary>
    /// Rule (a): samples strictly above both neighbours; a flat plateau strictly above both sides counts once,
    /// at its middle (rounding down). The first and last samples are never peaks.
    /// </summary>
    internal static int LocalMaxima(ReadOnlySpan<double> x, double sign, Span<int> peaks)
    {
        int count = 0;
        int last = x.Length - 1;
        int i = 1;
        while (i < last)
        {
            if (sign * x[i - 1] < sign * x[i])
            {
                int ahead = i + 1;
                while (ahead < last && sign * x[ahead] == sign * x[i])
                {
                    ahead++;
                }

                if (sign * x[ahead] < sign * x[i])
                {
                    peaks[count++] = (i + ahead - 1) / 2;
                    i = ahead;
                }
            }

            i++;
        }

        return count;
    }

    /// <summary>
    /// Rule (b): visiting peaks from the highest down (ties: the later index first, as numpy's argsort of the
    /// heights is walked backwards), each kept peak removes the others closer than <paramref name="distance"/>.
    /// Compacts the kept peaks in place, in ascending index order, and returns their number.
    /// </summary>
    internal static int SelectByDistance(ReadOnlySpan<double> x, double sign, Span<int> peaks, int distance, Span<int> order)
    {
        int n = peaks.Length;
        var byHeight = order[..n];
        for (int k = 0; k < n; k++)
        {
            byHeight[k] = k;
        }

        InsertionSortByHeight(x, sign, peaks, byHeight);
        Span<bool> keep = n <= 1024 ? stackalloc bool[n] : new bool[n];
        keep.Fill(true);
        for (int h = n - 1; h >= 0; h--)
        {
            int j = byHeight[h];
            if (!keep[j])
            {
                continue;
            }

            for (int k = j - 1; k >= 0 && peaks[j] - peaks[k] < distance; k--)
            {
                keep[k] = false;
            }

            for (int k = j + 1; k < n && peaks[k] - peaks[j] < distance; k++)
            {
                keep[k] = false;
            }
        }

        int kept = 0;
        for (int k = 0; k < n; k++)
        {
            if (keep[k])
            {
                peaks[kept++] = peaks[k];
            }
        }

        return kept;
    }

    /// <summary>
    /// Rule (c): the peak height minus the larger of the minima found walking left and right while the samples
    /// stay at or below the peak, over the whole series.
    /// </summary>
    internal static double Prominence(ReadOnlySpan<double> x, double sign, int peak)
    {
        double height = sign * x[peak];
        double leftMin = height;
        for (int i = peak; i >= 0 && sign * x[i] <= height; i--)
        {
            leftMin = Math.Min(leftMin, sign * x[i]);
        }

        double rightMin = height;
        for (int i = peak; i < x.Length && sign * x[i] <= height; i++)
        {
            rightMin = Math.Min(rightMin, sign * x[i]);
        }

        return height - Math.Max(leftMin, rightMin);
    }

    /// <summary>Stable ascending sort of peak positions by height (few peaks, so insertion sort).</summary>
    private static void InsertionSortByHeight(ReadOnlySpan<double> x, double sign, ReadOnlySpan<int> peaks, Span<int> byHeight)
    {
        for (int k = 1; k < byHeight.Length; k++)
        {
            int item = byHeight[k];
            double h = sign * x[peaks[item]];
            int m = k - 1;
            while (m >= 0 && sign * x[peaks[byHeight[m]]] > h)
            {
                byHeight[m + 1] = byHeight[m];
                m--;
            }

            byHeight[m + 1] = item;
        }
    }
}
