using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace BamModel;

/// <summary>
/// exp, log, tanh and pow written with IEEE +, −, ×, ÷ and sqrt only, so that results are bit-identical on every
/// machine (the runtime's <see cref="Math"/> functions come from the platform's C library and may differ in the
/// last bit; in a chaotic model that bit spreads). Accuracy is a few ulp, ample for Level A (bam-model §0.1).
/// </summary>
public static partial class DetMath
{
    private const double Ln2Hi = 6.93147180369123816490e-01; // ln 2 with trailing zero bits: k·Ln2Hi is exact
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Log2E = 1.44269504088896338700e+00;

    /// <summary>e^x. Overflows to +∞ above 709.78, underflows to 0 below −745.13, NaN stays NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Exp(double x)
    {
        if (!(x < 709.782712893384))
        {
            return double.IsNaN(x) ? x : double.PositiveInfinity;
        }

        if (x < -745.1332191019412)
        {
            return 0.0;
        }

        // x = k·ln2 + r, |r| ≤ ln2/2; e^r by its Taylor series to degree 13 (truncation < 1e-17), in fused
        // multiply-adds: an FMA rounds once by definition, so it gives the same bits on every machine.
        double k = Math.Round(x * Log2E);
        double r = (x - k * Ln2Hi) - k * Ln2Lo;
        double p = 1.0 / 6227020800.0;
        p = Math.FusedMultiplyAdd(p, r, 1.0 / 479001600.0);
        p = Math.FusedMultiplyAdd(p, r, 1.0 / 39916800.0);
        p = Math.FusedMultiplyAdd(p, r, 1.0 / 3628800.0);
        p = Math.FusedMultiplyAdd(p, r, 1.0 / 362880.0);
        p = Math.FusedMultiplyAdd(p, r, 1.0 / 40320.0);
        p = Math.FusedMultiplyAdd(p, r, 1.0 / 5040.0);
        p = Math.FusedMultiplyAdd(p, r, 1.0 / 720.0);
        p = Math.FusedMultiplyAdd(p, r, 1.0 / 120.0);
        p = Math.FusedMultiplyAdd(p, r, 1.0 / 24.0);
        p = Math.FusedMultiplyAdd(p, r, 1.0 / 6.0);
        p = Math.FusedMultiplyAdd(p, r, 0.5);
        p = Math.FusedMultiplyAdd(p, r, 1.0);
        p = Math.FusedMultiplyAdd(p, r, 1.0);
        int n = (int)k;
        return n is > -1022 and < 1024 ? p * BitConverter.Int64BitsToDouble((long)(n + 1023) << 52) : Math.ScaleB(p, n);
    }

    /// <summary>Natural logarithm. ln 0 = −∞; a negative argument or NaN gives NaN; ln ∞ = ∞.</summary>
    public static double Log(double x)
    {
        if (!(x > 0.0) || double.IsPositiveInfinity(x))
        {
            return x == 0.0 ? double.NegativeInfinity : x < 0.0 ? double.NaN : x;
        }

        int e = 0;
        if (x < 2.2250738585072014e-308)
        {
            x *= 18014398509481984.0; // 2^54: lift a subnormal into the normal range
            e = -54;
        }

        // x = 2^e · m with m in [√½, √2); ln m = 2·atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.1716.
        long bits = BitConverter.DoubleToInt64Bits(x);
        e += (int)((bits >> 52) & 0x7FF) - 1023;
        double m = BitConverter.Int64BitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L);
        if (m > 1.4142135623730951)
        {
            m *= 0.5;
            e++;
        }

        double f = m - 1.0;
        double s = f / (2.0 + f);
        double z = s * s;
        double p = 1.0 / 21.0;
        p = p * z + 1.0 / 19.0;
        p = p * z + 1.0 / 17.0;
        p = p * z + 1.0 / 15.0;
        p = p * z + 1.0 / 13.0;
        p = p * z + 1.0 / 11.0;
        p = p * z + 1.0 / 9.0;
        p = p * z + 1.0 / 7.0;
        p = p * z + 1.0 / 5.0;
        p = p * z + 1.0 / 3.0;
        double lnm = f - s * (f - 2.0 * z * p); // 2s(1 + z·p) written as f − s(f − 2zp), since 2s = f − s·f
        return e * Ln2Hi + (lnm + e * Ln2Lo);
    }

    /// <summary>Hyperbolic tangent: the sign of x times <see cref="TanhNonNegative"/> of |x|.</summary>
    public static double Tanh(double x)
    {
        double t = TanhNonNegative(Math.Abs(x));
        return x < 0.0 ? -t : t;
    }

    /// <summary>
    /// tanh(x) for x ≥ 0: x is first capped at 22 (where tanh rounds to 1); below 0.004 a short odd series, else
    /// (e − 1)/(e + 1) with e = e^{2x}. <see cref="TanhNonNegative(Vector256{double})"/> performs the same
    /// operations lane by lane, so both give the same bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double TanhNonNegative(double x)
    {
        x = Math.Min(x, 22.0);
        double z = x * x;
        double series = x * (1.0 + z * (-1.0 / 3.0 + z * (2.0 / 15.0 + z * (-17.0 / 315.0))));
        double e = Exp(2.0 * x);
        return x < 0.004 ? series : (e - 1.0) / (e + 1.0);
    }

    /// <summary>
    /// x^y for x ≥ 0. 0^0 = 1 and 0^y = 0 for y &gt; 0. When 2y is a whole number up to 128 (the common calibrated
    /// exponents 0.5, 1, 2.5, 5, 10) it uses products and one square root; otherwise e^{y·ln x}.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double PowNonNegative(double x, double y)
    {
        if (x == 0.0)
        {
            return y == 0.0 ? 1.0 : y > 0.0 ? 0.0 : double.PositiveInfinity;
        }

        int halves = HalfIntegerExponent(y);
        if (halves >= 0)
        {
            return PowHalfInteger(x, halves);
        }

        return Exp(y * Log(x));
    }

    /// <summary>2y when 2y is a whole number in [0, 128], else −1 (the exponents <see cref="PowHalfInteger"/> serves).</summary>
    public static int HalfIntegerExponent(double y)
    {
        double twice = 2.0 * y;
        return twice >= 0.0 && twice <= 128.0 && twice == Math.Floor(twice) ? (int)twice : -1;
    }

    /// <summary>x^(halves/2) for x ≥ 0 by repeated squaring and, for an odd count, one square root. 0^0 = 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double PowHalfInteger(double x, int halves)
    {
        double result = (halves & 1) != 0 ? Math.Sqrt(x) : 1.0;
        double b = x;
        for (int k = halves >> 1; k != 0; k >>= 1)
        {
            if ((k & 1) != 0)
            {
                result *= b;
            }

            b *= b;
        }

        return result;
    }
}
