using System.Runtime.CompilerServices;

namespace BamModel.Algorithms;

/// <summary>
/// Selections without a jump, for comparisons a branch predictor cannot learn (which of two random shops is
/// cheaper). The JIT compiles <c>condition ? 1 : 0</c> to a flag move, but often turns <c>condition ? a : b</c>
/// into a jump; these helpers build the result from the flag instead.
/// </summary>
public static class Branchless
{
    /// <summary>1 when <paramref name="condition"/> holds, else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bit(bool condition) => condition ? 1 : 0;

    /// <summary><paramref name="whenTrue"/> when <paramref name="condition"/> holds, else <paramref name="whenFalse"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Select(bool condition, int whenTrue, int whenFalse)
    {
        int mask = -Bit(condition);
        return whenFalse ^ ((whenFalse ^ whenTrue) & mask);
    }

    /// <summary><paramref name="whenTrue"/> when <paramref name="condition"/> holds, else <paramref name="whenFalse"/>, bit for bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Select(bool condition, double whenTrue, double whenFalse)
    {
        long mask = -(long)Bit(condition);
        long a = BitConverter.DoubleToInt64Bits(whenTrue), b = BitConverter.DoubleToInt64Bits(whenFalse);
        return BitConverter.Int64BitsToDouble(b ^ ((a ^ b) & mask));
    }
}
