using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace BamValidation.Numerics;

/// <summary>
/// Sums of <c>softplus(y) = ln(1 + eʸ)</c> over <c>y = scale·v[i] + shift</c>, the inner loop of the wealth
/// likelihoods. Written as <c>max(y, 0) + ln(1 + e^−|y|)</c>, it never overflows and keeps full relative accuracy
/// where softplus is tiny. The vector path evaluates <c>e^−|y|</c> and <c>ln(1 + ·)</c> with its own polynomials
/// (relative error below 1e-15), because the library's vector Exp/Log fall back to scalar code without AVX-512.
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

            // Two independent vectors per iteration: the polynomial chains are long, so interleave them.
            const int Width = 2 * 4;
            for (; i <= v.Length - Width; i += Width)
            {
                var y0 = Vector256.FusedMultiplyAdd(Vector256.Create(v.Slice(i, 4)), vScale, vShift);
                var y1 = Vector256.FusedMultiplyAdd(Vector256.Create(v.Slice(i + 4, 4)), vScale, vShift);
                var e0 = ExpNonPositive(-Vector256.Min(Vector256.Abs(y0), maxAbs));
                var e1 = ExpNonPositive(-Vector256.Min(Vector256.Abs(y1), maxAbs));
                accPos += Vector256.Max(y0, zero) + Vector256.Max(y1, zero);
                accNeg += Vector256.Max(-y0, zero) + Vector256.Max(-y1, zero);
                accTail += Log1PLowerUnit(e0) + Log1PLowerUnit(e1);
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

    /// <summary>softplus(y) for one value.</summary>
    public static double Scalar(double y) => Math.Max(y, 0.0) + SpecialFunctions.Log1P(Math.Exp(-Math.Abs(y)));

    /// <summary>eˣ for x in [−700, 0]: x = k·ln2 + r with |r| ≤ ln2/2, e^r by its Taylor polynomial, 2^k from the bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> ExpNonPositive(Vector256<double> x)
    {
        var shifted = Vector256.FusedMultiplyAdd(x, Vector256.Create(InvLn2), Vector256.Create(RoundingMagic));
        var k = shifted - Vector256.Create(RoundingMagic);
        var r = Vector256.FusedMultiplyAdd(-k, Vector256.Create(Ln2Lo), Vector256.FusedMultiplyAdd(-k, Vector256.Create(Ln2Hi), x));

        // Taylor series of e^r to degree 13 (|r| ≤ 0.347: truncation below 1e-17).
        var p = Vector256.Create(1.0 / 6227020800.0);
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 479001600.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 39916800.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 3628800.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 362880.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 40320.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 5040.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 720.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 120.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 24.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 6.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(0.5));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256<double>.One);
        p = Vector256.FusedMultiplyAdd(p, r, Vector256<double>.One);

        var exponent = shifted.AsInt64() - Vector256.Create(RoundingMagicBits) + Vector256.Create(1023L);
        return p * Vector256.ShiftLeft(exponent, 52).AsDouble();
    }

    /// <summary>
    /// ln(1 + e) for e in (0, 1] as 2·atanh(s): s = e/(2 + e), or, above √2 − 1, ln 2 + 2·atanh((e − 1)/(e + 3)).
    /// Then |s| ≤ 0.172 and ten odd terms of the series reach full precision, with no loss for tiny e.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Log1PLowerUnit(Vector256<double> e)
    {
        var upper = Vector256.GreaterThan(e, Vector256.Create(SplitPoint));
        var numerator = Vector256.ConditionalSelect(upper, e - Vector256<double>.One, e);
        var denominator = e + Vector256.ConditionalSelect(upper, Vector256.Create(3.0), Vector256.Create(2.0));
        var s = numerator / denominator;
        var s2 = s * s;

        var p = Vector256.Create(1.0 / 21);
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(1.0 / 19));
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(1.0 / 17));
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(1.0 / 15));
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(1.0 / 13));
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(1.0 / 11));
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(1.0 / 9));
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(1.0 / 7));
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(1.0 / 5));
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(1.0 / 3));
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256<double>.One);
        var offset = Vector256.ConditionalSelect(upper, Vector256.Create(Ln2), Vector256<double>.Zero);
        return Vector256.FusedMultiplyAdd(s + s, p, offset);
    }
}
