using System.Text;

namespace SweepDomain.Designs;

/// <summary>
/// The sweep's only source of pseudo-random bits: SplitMix64 (Steele, Lea and Flood 2014). The designs seed it with a
/// hash of the stage's own text, so the same request draws the same candidates on every host and on every replay; the
/// racing bootstrap (<see cref="Evidence.PairedBootstrap"/>) seeds it from where its test happens. No clock and no
/// shared state: each user makes its own.
/// </summary>
public sealed class DesignRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A seed from <paramref name="text"/> (FNV-1a, 64 bits, over its UTF-8 bytes) and a purpose tag.</summary>
    public static ulong SeedOf(string text, string purpose)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(purpose + "\n" + text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform on [0, 1), 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Standard normal (Box-Muller; the cosine branch only, so each call consumes exactly two draws).</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble(), u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
