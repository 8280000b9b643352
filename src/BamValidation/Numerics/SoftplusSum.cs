using System.Runtime.Intrinsics;

namespace BamValidation.Numerics;

/// <summary>The inner loop of the wealth-distribution log-likelihoods, vectorised.</summary>
public static class SoftplusSum
{
    /// <summary>
    /// <c>Σ softplus(scale·v[i] + shift)</c> with <c>softplus(y) = ln(1 + eʸ) = max(y, 0) + ln(1 + e^−|y|)</c>,
    /// which never overflows. Uses 256-bit vectors when the hardware has them.
    /// </summary>
    public static double Compute(ReadOnlySpan<double> v, double scale, double shift)
    {
        double sum = 0.0;
        int i = 0;
        if (Vector256.IsHardwareAccelerated && v.Length >= Vector256<double>.Count)
        {
            var vScale = Vector256.Create(scale);
            var vShift = Vector256.Create(shift);
            var acc = Vector256<double>.Zero;
            int end = v.Length - Vector256<double>.Count;
            for (; i <= end; i += Vector256<double>.Count)
            {
                var y = Vector256.Create(v.Slice(i, Vector256<double>.Count)) * vScale + vShift;
                var tail = Vector256.Log(Vector256<double>.One + Vector256.Exp(-Vector256.Abs(y)));
                acc += Vector256.Max(y, Vector256<double>.Zero) + tail;
            }

            sum = Vector256.Sum(acc);
        }

        for (; i < v.Length; i++)
        {
            sum += Scalar(scale * v[i] + shift);
        }

        return sum;
    }

    /// <summary>softplus(y) for one value.</summary>
    public static double Scalar(double y) => Math.Max(y, 0.0) + Math.Log(1.0 + Math.Exp(-Math.Abs(y)));
}
