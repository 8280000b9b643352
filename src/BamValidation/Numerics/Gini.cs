namespace BamValidation.Numerics;

/// <summary>H11, the Gini coefficient (validation.md §8).</summary>
public static class Gini
{
    /// <summary>
    /// <c>2·Σ i·x_(i) / (n·Σx) − (n+1)/n</c> over the values sorted ascending (i from 1); 0 when empty or when the
    /// sum is 0. <paramref name="scratch"/> needs the input's length.
    /// </summary>
    public static double Coefficient(ReadOnlySpan<double> values, Span<double> scratch)
    {
        int n = values.Length;
        if (n == 0)
        {
            return 0.0;
        }

        var sorted = scratch[..n];
        values.CopyTo(sorted);
        sorted.Sort();
        double sum = 0.0, ranked = 0.0;
        for (int i = 0; i < n; i++)
        {
            sum += sorted[i];
            ranked += (i + 1) * sorted[i];
        }

        return sum == 0.0 ? 0.0 : 2.0 * ranked / (n * sum) - (n + 1.0) / n;
    }
}
