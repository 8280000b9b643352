using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace BamModel;

/// <summary>
/// Four-lane versions of the <see cref="DetMath"/> kernels the consumption rule needs. Each performs exactly the
/// scalar version's IEEE operations, lane by lane, so a run gives the same bits with or without SIMD.
/// </summary>
public static partial class DetMath
{
    /// <summary>e^x per lane for x in [−700, 700] (the callers stay well inside); see <see cref="Exp(double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x)
    {
        Vector256<double> k = Vector256.Round(x * Vector256.Create(Log2E));
        Vector256<double> r = (x - k * Vector256.Create(Ln2Hi)) - k * Vector256.Create(Ln2Lo);
        Vector256<double> p = Vector256.Create(1.0 / 6227020800.0);
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
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0));

        // 2^k from the bits: adding 1.5·2^52 puts the integer k in the low mantissa bits; (k + 1023) << 52 is 2^k.
        Vector256<long> bits = (k + Vector256.Create(6755399441055744.0)).AsInt64();
        Vector256<double> scale = Vector256.ShiftLeft(bits + Vector256.Create(1023L), 52).AsDouble();
        return p * scale;
    }

    /// <summary>tanh per lane for x ≥ 0, the same operations as <see cref="TanhNonNegative(double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> TanhNonNegative(Vector256<double> x)
    {
        x = Vector256.Min(x, Vector256.Create(22.0));
        Vector256<double> z = x * x;
        Vector256<double> series = x * (Vector256<double>.One + z * (Vector256.Create(-1.0 / 3.0)
            + z * (Vector256.Create(2.0 / 15.0) + z * Vector256.Create(-17.0 / 315.0))));
        Vector256<double> e = Exp(Vector256.Create(2.0) * x);
        Vector256<double> t = (e - Vector256<double>.One) / (e + Vector256<double>.One);
        return Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256.Create(0.004)), series, t);
    }

    /// <summary>x^(halves/2) per lane for x ≥ 0, the same operations as <see cref="PowHalfInteger(double, int)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> PowHalfInteger(Vector256<double> x, int halves)
    {
        Vector256<double> result = (halves & 1) != 0 ? Vector256.Sqrt(x) : Vector256<double>.One;
        Vector256<double> b = x;
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
