using SweepDomain.Designs;

namespace SweepDomain.Evidence;

/// <summary>
/// A paired bootstrap over seeds: each resample draws n seed positions with replacement, and every candidate compared
/// on it is resampled at the same positions, so a comparison keeps the pairing of the seeds. The draws come from a
/// SplitMix64 generator (<see cref="DesignRandom"/>) started from a fixed seed the caller derives from where the test happens, never from a clock:
/// the same test on the same scores gives the same answer in the CLI and in every replay of a durable orchestration.
/// </summary>
public sealed class PairedBootstrap
{
    /// <summary>
    /// Resamples per test. The smallest p-value a test can give is 1 / (Resamples + 1) = 0.00025, small enough for Holm
    /// over a hundred rivals at alpha 0.05 (0.0005).
    /// </summary>
    public const int Resamples = 3999;

    private readonly int[] _positions;

    /// <summary>The seed positions of resample <c>b</c> are <c>Positions[b * Seeds .. (b + 1) * Seeds]</c>.</summary>
    public ReadOnlySpan<int> Positions(int resample) => _positions.AsSpan(resample * Seeds, Seeds);

    public int Seeds { get; }

    /// <summary>
    /// Draws the resamples of <paramref name="seeds"/> positions from generator seed <paramref name="seed"/>. With
    /// <paramref name="pseudoPair"/>, each resample draws <paramref name="seeds"/> + 2 positions from the seeds and two
    /// pseudo-seeds (positions <paramref name="seeds"/> and <paramref name="seeds"/> + 1): one observation added to each
    /// discordant cell of the matched pass/fail table, as Agresti and Caffo add one to each cell of two proportions.
    /// </summary>
    public PairedBootstrap(int seeds, ulong seed, bool pseudoPair = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seeds, 1);
        int slots = pseudoPair ? seeds + 2 : seeds;
        Seeds = slots;
        _positions = new int[Resamples * slots];
        var random = new DesignRandom(seed);
        for (int i = 0; i < _positions.Length; i++)
        {
            _positions[i] = (int)(random.NextUInt64() % (ulong)slots);   // modulo bias below 1e-16 for n ≤ 1000
        }
    }

    /// <summary>
    /// The bootstrap p-value of "the event did not happen": (1 + resamples where <paramref name="happened"/> is false)
    /// / (Resamples + 1), the usual add-one estimate that never reports 0.
    /// </summary>
    public double PValue(Func<int, bool> happened)
    {
        int against = 0;
        for (int b = 0; b < Resamples; b++)
        {
            against += happened(b) ? 0 : 1;
        }

        return (1.0 + against) / (Resamples + 1.0);
    }

    /// <summary>A generator seed mixed from small integers (where the test happens).</summary>
    public static ulong SeedOf(params int[] parts)
    {
        ulong state = 0x5EED_5EED_5EED_5EEDUL;
        foreach (int part in parts)
        {
            state ^= (ulong)(uint)part;
            state = new DesignRandom(state).NextUInt64();
        }

        return state;
    }
}
