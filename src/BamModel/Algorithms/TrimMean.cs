namespace BamModel.Algorithms;

/// <summary>
/// bam-model §2.10 <c>trim_mean(values, 0.05)</c>: drop the k smallest and k largest values, k = round(0.05·n)
/// with round-half-to-even on the double product (n = 10 → 0, 50 → 2, 70 → 4, 90 → 4, 95 → 5), and average the
/// rest. n = 0 gives 0; k = 0 gives the plain mean. The trimmed sums come from two bounded heaps in one pass:
/// no sort, and almost every comparison goes the same way (so it is cheap to predict).
/// </summary>
public static class TrimMean
{
    private const int MaxHeapOnStack = 256;

    /// <summary>The 5 % trimmed mean of <paramref name="values"/> (the span may be reordered).</summary>
    public static double ComputeInplace(Span<double> values)
    {
        int n = values.Length;
        if (n == 0)
        {
            return 0.0;
        }

        int k = TrimCount(n);
        if (k == 0 || k > MaxHeapOnStack)
        {
            return k == 0 ? Mean(values) : SortedTrimMean(values, k);
        }

        // One pass: the total, a max-heap of the k smallest and a max-heap of the negated k largest.
        Span<double> low = stackalloc double[k];
        Span<double> high = stackalloc double[k];
        double total = 0.0;
        for (int i = 0; i < k; i++)
        {
            double x = values[i];
            total += x;
            low[i] = x;
            SiftUp(low, i);
            high[i] = -x;
            SiftUp(high, i);
        }

        for (int i = k; i < n; i++)
        {
            double x = values[i];
            total += x;
            if (x < low[0])
            {
                low[0] = x;
                SiftDown(low);
            }

            if (-x < high[0])
            {
                high[0] = -x;
                SiftDown(high);
            }
        }

        double trimmed = 0.0;
        for (int i = 0; i < k; i++)
        {
            trimmed += low[i] - high[i];
        }

        return (total - trimmed) / (n - 2 * k);
    }

    /// <summary>k = round(0.05 · n), half to even (C#'s default rounding).</summary>
    public static int TrimCount(int n) => (int)Math.Round(0.05 * n);

    private static double Mean(ReadOnlySpan<double> values)
    {
        double total = 0.0;
        foreach (double x in values)
        {
            total += x;
        }

        return total / values.Length;
    }

    private static double SortedTrimMean(Span<double> values, int k)
    {
        values.Sort();
        double middle = 0.0;
        for (int i = k; i < values.Length - k; i++)
        {
            middle += values[i];
        }

        return middle / (values.Length - 2 * k);
    }

    // Max-heaps: the root holds the largest kept value.
    private static void SiftUp(Span<double> heap, int i)
    {
        double x = heap[i];
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!(heap[parent] < x))
            {
                break;
            }

            heap[i] = heap[parent];
            i = parent;
        }

        heap[i] = x;
    }

    // The larger child is chosen without a jump (a coin flip for the predictor); only the loop exit can mispredict.
    private static void SiftDown(Span<double> heap)
    {
        double x = heap[0];
        int i = 0, n = heap.Length;
        while (true)
        {
            int child = 2 * i + 1;
            if (child >= n)
            {
                break;
            }

            if (child + 1 < n)
            {
                child += Branchless.Bit(heap[child + 1] > heap[child]);
            }

            if (!(heap[child] > x))
            {
                break;
            }

            heap[i] = heap[child];
            i = child;
        }

        heap[i] = x;
    }
}
