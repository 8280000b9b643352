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

        double total = 0.0;
        for (int i = 0; i < n; i++)
        {
            total += values[i];
        }

        int k = TrimCount(n);
        if (k == 0)
        {
            return total / n;
        }

        if (k > MaxHeapOnStack)
        {
            values.Sort();
            double middle = 0.0;
            for (int i = k; i < n - k; i++)
            {
                middle += values[i];
            }

            return middle / (n - 2 * k);
        }

        Span<double> heap = stackalloc double[k];
        double lowest = SumOfSmallest(values, heap, sign: 1.0);
        double highest = -SumOfSmallest(values, heap, sign: -1.0);
        return (total - lowest - highest) / (n - 2 * k);
    }

    /// <summary>k = round(0.05 · n), half to even (C#'s default rounding).</summary>
    public static int TrimCount(int n) => (int)Math.Round(0.05 * n);

    // Σ of the heap.Length smallest values of sign·x (a max-heap of the best so far; its root is the largest kept).
    private static double SumOfSmallest(ReadOnlySpan<double> values, Span<double> heap, double sign)
    {
        int k = heap.Length;
        for (int i = 0; i < k; i++)
        {
            heap[i] = sign * values[i];
            SiftUp(heap, i);
        }

        for (int i = k; i < values.Length; i++)
        {
            double x = sign * values[i];
            if (x < heap[0])
            {
                heap[0] = x;
                SiftDown(heap);
            }
        }

        double sum = 0.0;
        for (int i = 0; i < k; i++)
        {
            sum += heap[i];
        }

        return sum;
    }

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

            if (child + 1 < n && heap[child + 1] > heap[child])
            {
                child++;
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
