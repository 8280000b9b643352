using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace BamValidation.Numerics;

/// <summary>
/// Sums of <c>softplus(y) = ln(1 + eʸ)</c> over <c>y = scale·v[i] + shift</c>, the inner loop of the wealth
/// likelihoods. Written as <c>max(y, 0) + ln(1 + e^−|y|)</c>, it never overflows and keeps full relative accuracy
/// where softplus is tiny. The vector path evaluates <c>e^−|y|</c> and <c>ln(1 + ·)</c> with its own polynomials
/// (relative error about 1e-14), because the library's vector Exp/Log fall back to scalar code without AVX-512.
/// </summary>
public static class SoftplusSum
{
    /// <summary>|y| beyond this contributes e^−|y| &lt; 1e-304 to the tail; clamping keeps 2^k a normal number.</summary>
    private const double MaxAbs = 700.0;

    private const double InvLn2 = 1.4426950408889634;
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Ln2 = 0.69314718055994530942;

    /// <summary>1.5·2^52: adding it rounds a double of magnitude below 2^51 to an integer held in the low bits.</summary>
    private const double RoundingMagic = 6755399441055744.0;
    private const long RoundingMagicBits = 0x4338000000000000;

    /// <summary>√2 − 1: above it, ln(1 + e) is computed as ln 2 + ln((1 + e)/2).</summary>
    private const double SplitPoint = 0.41421356237309503;

    /// <summary><c>Σ softplus(y)</c>.</summary>
    public static double Compute(ReadOnlySpan<double> v, double scale, double shift)
    {
        var (positive, _, tails) = ComputeBoth(v, scale, shift);
        return positive + tails;
    }

    /// <summary>
    /// The parts of both <c>Σ softplus(y)</c> and <c>Σ softplus(−y)</c>: <c>Σ max(y, 0)</c>, <c>Σ max(−y, 0)</c> and
    /// the shared <c>Σ ln(1 + e^−|y|)</c>. Then Σ softplus(y) = positive + tails and Σ softplus(−y) = negative + tails.
    /// </summary>
    public static (double Positive, double Negative, double Tails) ComputeBoth(ReadOnlySpan<double> v, double scale, double shift)
    {
        double positive = 0.0, negative = 0.0, tails = 0.0;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var vScale = Vector256.Create(scale);
            var vShift = Vector256.Create(shift);
            var zero = Vector256<double>.Zero;
            var maxAbs = Vector256.Create(MaxAbs);
            Vector256<double> accPos = zero, accNeg = zero, accTail = zero;
            for (; i <= v.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var y = Vector256.FusedMultiplyAdd(Vector256.Create(v.Slice(i, Vector256<double>.Count)), vScale, vShift);

                // y is finite here, so the native min/max (no NaN or signed-zero handling) are exact.
                accPos += Vector256.MaxNative(y, zero);
                accNeg += Vector256.MaxNative(-y, zero);
                accTail += Log1PLowerUnit(ExpNonPositive(-Vector256.MinNative(Vector256.Abs(y), maxAbs)));
            }

            positive = Vector256.Sum(accPos);
            negative = Vector256.Sum(accNeg);
            tails = Vector256.Sum(accTail);
        }

        for (; i < v.Length; i++)
        {
            double y = scale * v[i] + shift;
            positive += Math.Max(y, 0.0);
            negative += Math.Max(-y, 0.0);
            tails += SpecialFunctions.Log1P(Math.Exp(-Math.Abs(y)));
        }

        return (positive, negative, tails);
    }

    /// <summary>eˣ for x in [−700, 0]: x = k·ln2 + r with |r| ≤ ln2/2, e^r by its Taylor polynomial, 2^k from the bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> ExpNonPositive(Vector256<double> x)
    {
        var shifted = Vector256.FusedMultiplyAdd(x, Vector256.Create(InvLn2), Vector256.Create(RoundingMagic));
        var k = shifted - Vector256.Create(RoundingMagic);
        var r = Vector256.FusedMultiplyAdd(-k, Vector256.Create(Ln2Lo), Vector256.FusedMultiplyAdd(-k, Vector256.Create(Ln2Hi), x));

        // Taylor series of e^r to degree 11 (|r| ≤ 0.347: truncation below 7e-15), in Estrin's form: the terms
        // are paired and combined with r², r⁴, r⁸, so the dependency chain is 5 operations deep instead of 11.
        var r2 = r * r;
        var r4 = r2 * r2;
        var r8 = r4 * r4;
        var q0 = r + Vector256<double>.One;
        var q1 = Fma(r, 1.0 / 6, 0.5);
        var q2 = Fma(r, 1.0 / 120, 1.0 / 24);
        var q3 = Fma(r, 1.0 / 5040, 1.0 / 720);
        var q4 = Fma(r, 1.0 / 362880, 1.0 / 40320);
        var q5 = Fma(r, 1.0 / 39916800, 1.0 / 3628800);
        var s0 = Vector256.FusedMultiplyAdd(r2, q1, q0);
        var s1 = Vector256.FusedMultiplyAdd(r2, q3, q2);
        var s2 = Vector256.FusedMultiplyAdd(r2, q5, q4);
        var t0 = Vector256.FusedMultiplyAdd(r4, s1, s0);
        var p = Vector256.FusedMultiplyAdd(r8, s2, t0);

        var exponent = shifted.AsInt64() - Vector256.Create(RoundingMagicBits) + Vector256.Create(1023L);
        return p * Vector256.ShiftLeft(exponent, 52).AsDouble();
    }

    /// <summary>
    /// ln(1 + e) for e in (0, 1] as 2·atanh(s): s = e/(2 + e), or, above √2 − 1, ln 2 + 2·atanh((e − 1)/(e + 3)).
    /// Then |s| ≤ 0.172 and nine odd terms of the series reach 1e-15, with no loss for tiny e.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Log1PLowerUnit(Vector256<double> e)
    {
        var upper = Vector256.GreaterThan(e, Vector256.Create(SplitPoint));
        var numerator = Vector256.ConditionalSelect(upper, e - Vector256<double>.One, e);
        var denominator = e + Vector256.ConditionalSelect(upper, Vector256.Create(3.0), Vector256.Create(2.0));
        var s = numerator / denominator;

        // Σ s^(2k)/(2k+1) for k = 0..8 (truncation below 1e-15), in Estrin's form over u = s².
        var u = s * s;
        var u2 = u * u;
        var u4 = u2 * u2;
        var u8 = u4 * u4;
        var a0 = Fma(u, 1.0 / 3, 1.0);
        var a1 = Fma(u, 1.0 / 7, 1.0 / 5);
        var a2 = Fma(u, 1.0 / 11, 1.0 / 9);
        var a3 = Fma(u, 1.0 / 15, 1.0 / 13);
        var b0 = Vector256.FusedMultiplyAdd(u2, a1, a0);
        var b1 = Vector256.FusedMultiplyAdd(u2, a3, a2);
        var c0 = Vector256.FusedMultiplyAdd(u4, b1, b0);
        var p = Vector256.FusedMultiplyAdd(u8, Vector256.Create(1.0 / 17), c0);
        var offset = Vector256.ConditionalSelect(upper, Vector256.Create(Ln2), Vector256<double>.Zero);
        return Vector256.FusedMultiplyAdd(s + s, p, offset);
    }

    /// <summary>x·a + b with constant a and b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Fma(Vector256<double> x, double a, double b) =>
        Vector256.FusedMultiplyAdd(x, Vector256.Create(a), Vector256.Create(b));
}
