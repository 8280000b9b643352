using SweepDomain.Selection;

namespace SweepDomain.Sweep;

/// <summary>What a ranking looks at for one candidate.</summary>
public sealed record RankKeys(double Mean, double Std, double PassRate, int ScreeningFails, bool IsIncumbent)
{
    public double Combined(double k) => CombinedScore.Compute(Mean, PassRate, Std, k);

    public static RankKeys Of(Candidate c) => new(c.Mean, c.Std, c.PassRate, c.Screening.NFail, c.IsIncumbent);

    /// <summary>
    /// The keys of <paramref name="c"/> on its seeds at <paramref name="positions"/> (a bootstrap resample; repeats
    /// allowed). The screening seed's FAIL count is the candidate's own, not resampled.
    /// </summary>
    public static RankKeys Resampled(Candidate c, ReadOnlySpan<int> positions) => Resampled(c, positions, PseudoSeeds.None);

    /// <summary>
    /// As <see cref="Resampled(Candidate, ReadOnlySpan{int})"/>, where positions at and past
    /// <paramref name="pseudo"/>'s first position are the pseudo-seeds of a racing comparison: each scores
    /// <paramref name="pseudo"/>'s score, and passes or fails as it says.
    /// </summary>
    public static RankKeys Resampled(Candidate c, ReadOnlySpan<int> positions, PseudoSeeds pseudo)
    {
        double pseudoScore = pseudo.Score;
        int n = positions.Length, passes = 0;
        double sum = 0;
        foreach (int i in positions)
        {
            var (score, passed) = i < pseudo.First ? (c.Seeds[i].TotalScore, c.Seeds[i].Passed) : (pseudoScore, pseudo.Passes(i));
            sum += score;
            passes += passed ? 1 : 0;
        }

        double mean = sum / n, squares = 0;
        foreach (int i in positions)
        {
            double d = (i < pseudo.First ? c.Seeds[i].TotalScore : pseudoScore) - mean;
            squares += d * d;
        }

        return new RankKeys(mean, n < 2 ? 0 : Math.Sqrt(squares / (n - 1)), (double)passes / n, c.Screening.NFail, c.IsIncumbent);
    }
}

/// <summary>
/// The two pseudo-seeds a racing comparison adds after its <see cref="First"/> real common seeds: at position
/// <see cref="First"/> one candidate of the pair fails and the other passes, at <see cref="First"/> + 1 the other way
/// round (<see cref="FailsFirst"/> says which one this candidate is): one observation added to each discordant cell of
/// the matched pass/fail table (<see cref="Evidence.PairedBootstrap"/>). Without them a pass rate with no failing seed
/// has no spread in the bootstrap, exactly where it is least certain. Each scores <see cref="Score"/>, the candidate's
/// own mean over the real seeds, worked out once for all the resamples.
/// </summary>
public readonly record struct PseudoSeeds(int First, bool FailsFirst, double Score)
{
    /// <summary>No pseudo-seeds: every position is a real seed.</summary>
    public static PseudoSeeds None => new(int.MaxValue, false, 0);

    /// <summary>The pseudo-seeds of <paramref name="c"/> after its first <paramref name="seeds"/> seeds.</summary>
    public static PseudoSeeds Of(Candidate c, int seeds, bool failsFirst)
    {
        double sum = 0;
        for (int i = 0; i < seeds; i++)
        {
            sum += c.Seeds[i].TotalScore;
        }

        return new PseudoSeeds(seeds, failsFirst, sum / seeds);
    }

    public bool Passes(int position) => (position == First) != FailsFirst;
}

/// <summary>Orders the candidates of a tier (sweep-semantics §3.4).</summary>
public static class Ranking
{
    /// <summary>Best first; see <see cref="Order"/>.</summary>
    public static IReadOnlyList<Candidate> Rank(IReadOnlyList<Candidate> candidates, RankBy rankBy, double k) =>
        Order(candidates.Select(RankKeys.Of).ToList(), rankBy, k)
            .Select(i => candidates[i])
            .ToList();

    /// <summary>
    /// Positions of <paramref name="keys"/>, best first, by <paramref name="rankBy"/>: <c>combined</c> desc;
    /// <c>stability</c> = pass rate desc, then the screening seed's FAIL count asc, then combined desc; <c>mean</c>
    /// desc. The sort is stable: equal keys keep the incoming order (the previous tier's ranking, or the screening
    /// order), except that the incumbent goes first among exact ties, so a stage never replaces the base with a
    /// candidate that is merely as good (sweep-semantics §9 item 1).
    /// </summary>
    public static IReadOnlyList<int> Order(IReadOnlyList<RankKeys> keys, RankBy rankBy, double k)
    {
        var keyed = keys.Select((key, position) => (key, position, combined: key.Combined(k))).ToList();
        var ordered = rankBy switch
        {
            RankBy.Stability => keyed
                .OrderByDescending(x => x.key.PassRate)
                .ThenBy(x => x.key.ScreeningFails)
                .ThenByDescending(x => x.combined),
            RankBy.Mean => keyed.OrderByDescending(x => x.key.Mean),
            _ => keyed.OrderByDescending(x => x.combined),
        };

        return ordered.ThenBy(x => x.key.IsIncumbent ? 0 : 1).ThenBy(x => x.position).Select(x => x.position).ToList();
    }

    /// <summary>
    /// True when <paramref name="a"/> ranks strictly above <paramref name="b"/> by <paramref name="rankBy"/>, with the
    /// keys <see cref="Order"/> sorts by (ties, and the incumbent's tie-break, are not "above").
    /// </summary>
    public static bool Above(RankKeys a, RankKeys b, RankBy rankBy, double k) => rankBy switch
    {
        RankBy.Stability => a.PassRate != b.PassRate ? a.PassRate > b.PassRate
            : a.ScreeningFails != b.ScreeningFails ? a.ScreeningFails < b.ScreeningFails
            : a.Combined(k) > b.Combined(k),
        RankBy.Mean => a.Mean > b.Mean,
        _ => a.Combined(k) > b.Combined(k),
    };

    /// <summary>
    /// The score a ranking compares in figures: the mean for <c>mean</c>, the combined score otherwise (for
    /// <c>stability</c> its last key, which contains the pass rate its first key sorts by).
    /// </summary>
    public static double Score(RankKeys keys, RankBy rankBy, double k) => rankBy == RankBy.Mean ? keys.Mean : keys.Combined(k);

    /// <summary>The name of <see cref="Score"/> in reports.</summary>
    public static string ScoreName(RankBy rankBy) => rankBy == RankBy.Mean ? "mean" : "combined";
}
