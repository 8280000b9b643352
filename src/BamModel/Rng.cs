using System.Runtime.CompilerServices;

namespace BamModel;

/// <summary>
/// The model's random generator: xoshiro256** seeded through SplitMix64. Level A of bam-model §0.1 only asks for
/// the same distributions as NumPy, not the same stream. Every draw is a handful of integer operations and IEEE
/// multiplications, so a seed gives the same stream on every machine. One instance per simulation, passed to
/// each event that draws; never shared between threads. Hot loops may copy <see cref="State"/> into a local
/// (so the JIT keeps it in registers) and store it back afterwards; the stream is the same either way.
/// </summary>
public sealed class Rng
{
    /// <summary>The generator state; copy it to a local in a hot loop and write it back.</summary>
    public Xoshiro256 State;

    public Rng(long seed) => State = new Xoshiro256(seed);

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64() => State.NextUInt64();

    /// <summary>A uniform double in [0, 1) with 53 random bits (NumPy's <c>random()</c>).</summary>
    public double NextDouble() => State.NextDouble();

    /// <summary>U(low, high) computed as <c>low + (high − low) · random()</c>, NumPy's <c>uniform</c>.</summary>
    public double Uniform(double low, double high) => State.NextUniform(low, high);

    /// <summary>
    /// Fills <paramref name="dest"/> with U(low, high) draws, in index order: the same stream as calling
    /// <see cref="Uniform"/> once per entry, with the state kept in registers for the loop.
    /// </summary>
    public void FillUniform(Span<double> dest, double low, double high)
    {
        Xoshiro256 g = State;
        for (int i = 0; i < dest.Length; i++)
        {
            dest[i] = g.NextUniform(low, high);
        }

        State = g;
    }

    /// <summary>An unbiased integer in [0, <paramref name="n"/>), n ≥ 1 (see <see cref="Xoshiro256.NextInt"/>).</summary>
    public int NextInt(int n) => State.NextInt(n);

    /// <summary>An exponential draw with mean <paramref name="scale"/>: <c>−scale · ln(1 − random())</c>.</summary>
    public double Exponential(double scale) => State.NextExponential(scale);
}

/// <summary>xoshiro256** (Blackman and Vigna), a value type so that a hot loop can keep it in registers.</summary>
public struct Xoshiro256
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Seeds the four words from SplitMix64 applied to <paramref name="seed"/>.</summary>
    public Xoshiro256(long seed)
    {
        ulong x = (ulong)seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>U(low, high) computed as <c>low + (high − low) · random()</c>, NumPy's <c>uniform</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextUniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>An exponential draw with mean <paramref name="scale"/>: <c>−scale · ln(1 − random())</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextExponential(double scale) => -scale * DetMath.Log(1.0 - NextDouble());

    /// <summary>
    /// An unbiased integer in [0, <paramref name="n"/>), n ≥ 1, by Lemire's multiply-and-reject on the upper 32
    /// bits of a draw (one 64-bit product; no 128-bit multiply). Draws nothing when n = 1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextInt(int n)
    {
        if (n <= 1)
        {
            return 0;
        }

        uint range = (uint)n;
        ulong m = (NextUInt64() >> 32) * range;
        if ((uint)m < range)
        {
            uint threshold = (0u - range) % range;
            while ((uint)m < threshold)
            {
                m = (NextUInt64() >> 32) * range;
            }
        }

        return (int)(m >> 32);
    }

    private static ulong SplitMix64(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
