namespace BamModel.Algorithms;

/// <summary>
/// bam-model §2.10 <c>trim_mean(values, 0.05)</c>: drop the k smallest and k largest values, k = round(0.05·n)
/// with round-half-to-even on the double product (n = 10 → 0, 50 → 2, 70 → 4, 90 → 4, 95 → 5), and average the
/// rest. n = 0 gives 0; k = 0 gives the plain mean. Two quickselects, O(n); no sort.
/// </summary>
public static class TrimMean
{
    /// <summary>The 5 % trimmed mean of <paramref name="values"/>, which it reorders.</summary>
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
            Select(values, k);                   // values[..k] are the k smallest
            Select(values[k..], n - 2 * k);      // values[n-k..] are the k largest
        }

        double sum = 0.0;
        for (int i = k; i < n - k; i++)
        {
            sum += values[i];
        }

        return sum / (n - 2 * k);
    }

    /// <summary>k = round(0.05 · n), half to even (C#'s default rounding).</summary>
    public static int TrimCount(int n) => (int)Math.Round(0.05 * n);

    /// <summary>Partially orders <paramref name="a"/> so that a[kth] is in its sorted place, smaller-or-equal before it.</summary>
    private static void Select(Span<double> a, int kth)
    {
        int lo = 0, hi = a.Length - 1;
        while (hi > lo)
        {
            int mid = lo + ((hi - lo) >> 1);
            double x = MedianOfThree(a[lo], a[mid], a[hi]);
            int i = lo, j = hi;
            while (i <= j)
            {
                while (i <= hi && a[i] < x)
                {
                    i++;
                }

                while (j >= lo && a[j] > x)
                {
                    j--;
                }

                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            if (kth <= j)
            {
                hi = j;
            }
            else if (kth >= i)
            {
                lo = i;
            }
            else
            {
                return;
            }
        }
    }

    private static double MedianOfThree(double a, double b, double c) =>
        a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
}
