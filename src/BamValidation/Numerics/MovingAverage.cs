namespace BamValidation.Numerics;

/// <summary>H3, the centred moving average of window 5 (validation.md §8).</summary>
public static class MovingAverage
{
    /// <summary>
    /// <c>output[i] = mean(x[i−2..i+2])</c>; the first two and last two outputs are the raw inputs (the original
    /// convolves with zero padding, then overwrites the edges). <paramref name="output"/> needs the input's length.
    /// </summary>
    public static void Centred5(ReadOnlySpan<double> x, Span<double> output)
    {
        int n = x.Length;
        x.CopyTo(output);
        for (int i = 2; i < n - 2; i++)
        {
            output[i] = (x[i - 2] + x[i - 1] + x[i] + x[i + 1] + x[i + 2]) / 5.0;
        }
    }
}
