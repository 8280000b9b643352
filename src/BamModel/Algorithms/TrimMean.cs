namespace BamModel.Algorithms;

/// <summary>
/// bam-model §2.10 <c>trim_mean(values, 0.05)</c>: drop the k smallest and k largest values, k = round(0.05·n)
/// with round-half-to-even on the double product (n = 10 → 0, 50 → 2, 70 → 4, 90 → 4, 95 → 5), and average the
/// rest. n = 0 gives 0; k = 0 gives the plain mean. Like SciPy, by partitioning instead of sorting: a quickselect
/// moves the k smallest values to the front, a second one the k largest to the back, and the middle, in the order
/// the partitions leave it, is averaged as NumPy's mean does (<see cref="PairwiseSum"/>). Every step is fixed by
/// the data alone, so the result is the same on every machine; the partition loops have no data-dependent jumps.
/// </summary>
public static class TrimMean
{
    private const int SampleSize = 9;

    /// <summary>The 5 % trimmed mean of <paramref name="values"/> (the span is reordered).</summary>
    public static double ComputeInplace(Span<double> values)
    {
        int n = values.Length;
        if (n == 0)
        {
            return 0.0;
        }

        int k = TrimCount(n);
        if (k > 0)
        {
            MoveSmallestToFront(values, k);
            MoveSmallestToFront(values[k..], n - (2 * k));
        }

        // A NaN anywhere makes the mean NaN, as it does in the original, even where the partition trimmed it away.
        bool trimmedNaN = false;
        foreach (double x in values[..k])
        {
            trimmedNaN |= double.IsNaN(x);
        }

        foreach (double x in values[(n - k)..])
        {
            trimmedNaN |= double.IsNaN(x);
        }

        return trimmedNaN ? double.NaN : PairwiseSum.Mean(values[k..(n - k)]);
    }

    /// <summary>k = round(0.05 · n), half to even (C#'s default rounding).</summary>
    public static int TrimCount(int n) => (int)Math.Round(0.05 * n);

    // Reorders v so that v[0 .. m) holds the m smallest values. Each round partitions the part that still holds
    // the boundary around a pivot chosen near rank m, first into "below the pivot", then the rest into "equal".
    private static void MoveSmallestToFront(Span<double> v, int m)
    {
        int lo = 0, hi = v.Length;
        while (lo < m && m < hi)
        {
            Span<double> part = v[lo..hi];
            double pivot = PivotNearRank(part, m - lo);
            int below = lo + MoveToFront(part, pivot, orEqual: false);
            if (m <= below)
            {
                hi = below;
                continue;
            }

            int equal = below + MoveToFront(v[below..hi], pivot, orEqual: true);
            if (m <= equal)
            {
                return;
            }

            if (equal == lo)
            {
                // A NaN pivot moves nothing; sorting puts NaN first, deterministically.
                part.Sort();
                return;
            }

            lo = equal;
        }
    }

    // Branch-free Lomuto partition: values below the pivot (or not above it, with orEqual) go to the front, in a
    // fixed order; returns how many.
    private static int MoveToFront(Span<double> v, double pivot, bool orEqual)
    {
        int front = 0;
        for (int i = 0; i < v.Length; i++)
        {
            double x = v[i];
            v[i] = v[front];
            v[front] = x;
            front += Branchless.Bit(x < pivot) | (Branchless.Bit(orEqual) & Branchless.Bit(x == pivot));
        }

        return front;
    }

    // A value of v whose rank is likely a little above r: the matching entry of a sorted sample of evenly spaced
    // positions. A poor guess only costs another round.
    private static double PivotNearRank(ReadOnlySpan<double> v, int r)
    {
        int n = v.Length;
        if (n <= SampleSize)
        {
            return v[n / 2];
        }

        Span<double> sample = stackalloc double[SampleSize];
        for (int s = 0; s < SampleSize; s++)
        {
            sample[s] = v[(int)((((2L * s) + 1) * n) / (2 * SampleSize))];
        }

        InsertionSort(sample);
        int at = (int)(((long)r * SampleSize) / n) + 1;
        return sample[Math.Min(at, SampleSize - 1)];
    }

    // Nine values: cheaper inline than a general sort. NaN never compares below, so it stays where it is.
    private static void InsertionSort(Span<double> a)
    {
        for (int i = 1; i < a.Length; i++)
        {
            double x = a[i];
            int j = i - 1;
            while (j >= 0 && x < a[j])
            {
                a[j + 1] = a[j];
                j--;
            }

            a[j + 1] = x;
        }
    }
}
