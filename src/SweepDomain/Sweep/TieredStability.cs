using SweepDomain.Evaluation;
using SweepDomain.Evidence;

namespace SweepDomain.Sweep;

/// <summary>Why and when racing dropped a candidate: in tier <see cref="Tier"/> (1-based), after its block ending at <see cref="Seeds"/> seeds.</summary>
/// <param name="Block">The block's number within its tier, from 1.</param>
/// <param name="Leader">Grid index of the leader it lost to.</param>
/// <param name="MeanDifference">Its mean seed score minus the leader's, on their common seeds.</param>
/// <param name="AdjustedP">
/// The paired bootstrap's one-sided p-value that it ranks at least as high as the leader by the stage's ranking,
/// Holm-adjusted over the block's comparisons.
/// </param>
/// <param name="Score">The ranking's score the race compared: <c>combined</c>, or <c>mean</c> for <c>rankBy mean</c>.</param>
/// <param name="ScoreDifference">Its <see cref="Score"/> minus the leader's, on their common seeds.</param>
public sealed record RaceDrop(int Tier, int Block, int Seeds, int Leader, double MeanDifference, double AdjustedP, string Score = "combined", double ScoreDifference = 0);

/// <summary>
/// The equivalence stop's evidence: after tier <see cref="Tier"/>'s block <see cref="Block"/> (<see cref="Seeds"/>
/// seeds), every other survivor lay within ±<see cref="Margin"/> of the incumbent on <see cref="Score"/>. Each
/// survivor's two one-sided tests (paired bootstrap) gave a p-value below <see cref="TestAlpha"/>, which is alpha
/// divided by the survivors tested and by the <see cref="Looks"/> the stage could take (Bonferroni over both).
/// </summary>
public sealed record EquivalenceStop(int Tier, int Block, int Seeds, double Margin, string Score, int Looks, double TestAlpha, IReadOnlyList<EquivalenceTest> Tests);

/// <summary>One survivor against the incumbent: its score minus the incumbent's, and the larger of the two one-sided p-values.</summary>
public sealed record EquivalenceTest(int Index, double ScoreDifference, double P);

/// <summary>
/// One batch of a tier: tier <see cref="Tier"/> (1-based) brings its <see cref="Running"/> candidates up to
/// <see cref="SeedsTo"/> seeds. <see cref="Block"/> is the racing block's number in the tier, from 1; 0 when not racing.
/// </summary>
public sealed record TierStep(int Tier, int Block, int SeedsTo, int Running)
{
    public string Describe(int tierCount) =>
        $"tier {Tier} of {tierCount}" + (Block > 0 ? $", block {Block} (seeds to {SeedsTo}, {Running} racing)" : "");
}

/// <summary>Tiered stability testing (sweep-semantics §3.3), plain or raced.</summary>
public static class TieredStability
{
    /// <summary>A candidate as the tiers left it: its seeds, how many tiers it entered, and the race that dropped it.</summary>
    public sealed record State(Candidate Candidate, int Tiers, RaceDrop? Dropped = null);

    /// <summary>The candidates as they stand after the tiers.</summary>
    /// <param name="Ranking">The last tier's survivors, best first; never empty.</param>
    /// <param name="All">Every candidate's latest state, by candidate index.</param>
    /// <param name="Equivalence">Set when the equivalence stop ended the stage early; the incumbent is then kept.</param>
    public sealed record Outcome(IReadOnlyList<Candidate> Ranking, IReadOnlyDictionary<int, State> All, EquivalenceStop? Equivalence = null);

    /// <summary>What the tiers tell the stage while they run.</summary>
    /// <param name="BeforeBlock">Before each batch of evaluations: which tier and block, and the evaluations it asks for.</param>
    /// <param name="Ranked">After each batch: the current ranking's leader.</param>
    public sealed record Listener(Func<TierStep, int, Task> BeforeBlock, Action<Candidate> Ranked);

    /// <summary>
    /// For each tier: keep the first <c>Configs</c> of the current ranking (plus the incumbent while it is in the
    /// running, so the winner is compared with it on the same seeds), bring each up to <c>Seeds</c> seeds with seed ids
    /// continuing from the ones it has, then rank them. Everything outside a tier's top is dropped for good.
    /// <para>
    /// With <see cref="SweepPlan.Racing"/>, a tier gives its seeds in blocks (the block ends at the next multiple of
    /// <see cref="SweepPlan.RaceBlock"/>, or at the tier's seeds). After each block the survivors are ranked, and each
    /// one that ranks significantly below the leader (paired bootstrap of the ranking's keys, one-sided, Holm-corrected over the
    /// block's comparisons, at <see cref="SweepPlan.Alpha"/>) is dropped; none is dropped on fewer than
    /// <see cref="SweepPlan.RaceMinSeeds"/> seeds, and the incumbent races like the others. The race ends when one
    /// candidate is left.
    /// </para>
    /// <para>
    /// The race compares what the ranking compares (<see cref="Race"/>). With <see cref="SweepPlan.Equivalence"/>, the
    /// tiers also run in blocks, and after each block the stage stops, keeping the incumbent, once every other survivor
    /// is shown to lie within the margin of it (<see cref="Equivalent"/>).
    /// </para>
    /// </summary>
    public static async Task<Outcome> RunAsync(
        IReadOnlyList<Candidate> screened,
        SweepPlan plan,
        EvaluationMemo memo,
        Listener listener,
        CancellationToken cancellationToken)
    {
        var all = screened.ToDictionary(c => c.Index, c => new State(c, 0));
        IReadOnlyList<Candidate> current = screened;
        EquivalenceStop? stop = null;
        int looks = Looks(plan);
        for (int t = 0; t < plan.Tiers.Count && !(plan.Racing && current.Count == 1) && stop is null; t++)
        {
            var tier = plan.Tiers[t];
            var running = current.Take(tier.Configs).ToList();
            running.AddRange(current.Skip(tier.Configs).Where(c => c.IsIncumbent));

            int block = 0;
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                int target = plan.InBlocks ? BlockEnd(running.Min(c => c.SeedCount), tier.Seeds, plan.RaceBlock) : tier.Seeds;
                var requests = running
                    .SelectMany(c => Enumerable.Range(c.SeedCount, Math.Max(0, target - c.SeedCount))
                        .Select(seed => new EvaluationRequest(plan.Scenario, c.Params, seed, plan.Periods)))
                    .ToList();
                block++;
                await listener.BeforeBlock(new TierStep(t + 1, plan.InBlocks ? block : 0, target, running.Count), requests.Count);
                var scores = await memo.EvaluateAsync(requests, EvaluationPhase.Tier, cancellationToken);

                int next = 0;
                for (int i = 0; i < running.Count; i++)
                {
                    int need = Math.Max(0, target - running[i].SeedCount);
                    running[i] = running[i].WithMoreSeeds(scores.Skip(next).Take(need));
                    next += need;
                    all[running[i].Index] = new State(running[i], t + 1);
                }

                running = Ranking.Rank(running, plan.RankBy, plan.KFactor).ToList();
                if (plan.Racing)
                {
                    foreach (var (loser, drop) in Race(running, plan, t + 1, block))
                    {
                        running.Remove(loser);
                        all[loser.Index] = all[loser.Index] with { Dropped = drop };
                    }
                }

                stop = plan.Equivalence is { } margin ? Equivalent(running, plan, margin, looks, t + 1, block) : null;
                listener.Ranked(running[0]);
            }
            while (plan.InBlocks && stop is null && running.Count > 1 && running.Min(c => c.SeedCount) < tier.Seeds);

            current = running;
        }

        return new Outcome(current, all, stop);
    }

    /// <summary>
    /// The candidates of a ranked field that are significantly worse than its leader by the stage's own ranking, with
    /// the evidence. For each rival, a paired bootstrap of their common seeds (<see cref="PairedBootstrap"/>, seeded
    /// from the tier, the block and the seed count) re-ranks the two on every resample with the ranking's keys
    /// (<see cref="Ranking.Above"/>); the one-sided p-value is the share of resamples where the leader is not above it.
    /// Each resample also draws from two pseudo-seeds, one failing only the leader and one failing only the rival
    /// (<see cref="PseudoSeeds"/>), so a pass rate of 20 in 20 is not taken for certain.
    /// The p-values are Holm-adjusted over the rivals, and a rival is dropped when its adjusted p is below alpha.
    /// Nothing is dropped while any comparison rests on fewer than <see cref="SweepPlan.RaceMinSeeds"/> common seeds.
    /// </summary>
    public static IReadOnlyList<(Candidate Loser, RaceDrop Drop)> Race(IReadOnlyList<Candidate> ranked, SweepPlan plan, int tier, int block)
    {
        if (ranked.Count < 2 || ranked.Min(c => c.SeedCount) < SweepPlan.RaceMinSeeds)
        {
            return [];
        }

        var leader = ranked[0];
        var rivals = ranked.Skip(1).ToList();
        var resamples = new Resamples(leader, tier, block, PseudoPair: true);
        var pValues = rivals.Select(rival =>
        {
            var (bootstrap, leaderKeys, pseudo) = resamples.For(rival);
            return bootstrap.PValue(b => Ranking.Above(leaderKeys[b], RankKeys.Resampled(rival, bootstrap.Positions(b), pseudo), plan.RankBy, plan.KFactor));
        }).ToList();
        var adjusted = Holm.Adjust(pValues);
        string score = Ranking.ScoreName(plan.RankBy);
        return rivals
            .Select((c, i) => (c, p: adjusted[i]))
            .Where(x => x.p < plan.Alpha)
            .Select(x =>
            {
                var comparison = PairedComparison.Between(x.c.Seeds, leader.Seeds);
                return (x.c, new RaceDrop(tier, block, comparison.Seeds, leader.Index, comparison.MeanDifference, x.p, score, ScoreDifference(x.c, leader, plan)));
            })
            .ToList();
    }

    /// <summary>
    /// The equivalence stop's test: when the incumbent still runs, with at least one other survivor and at least
    /// <see cref="SweepPlan.RaceMinSeeds"/> seeds each, two one-sided tests per survivor on the ranking's score
    /// (<see cref="Ranking.Score"/>) of the survivor minus the incumbent, by paired bootstrap: p_low is the share of
    /// resamples with a difference at or below −margin, p_high at or above +margin, and the test's p is the larger.
    /// Equivalence holds when every survivor's p is below alpha / (survivors × <paramref name="looks"/>). Null otherwise.
    /// </summary>
    public static EquivalenceStop? Equivalent(IReadOnlyList<Candidate> running, SweepPlan plan, double margin, int looks, int tier, int block)
    {
        var incumbent = running.FirstOrDefault(c => c.IsIncumbent);
        var others = running.Where(c => !c.IsIncumbent).ToList();
        if (incumbent is null || others.Count == 0 || running.Min(c => c.SeedCount) < SweepPlan.RaceMinSeeds)
        {
            return null;
        }

        double testAlpha = plan.Alpha / (others.Count * (double)looks);
        var resamples = new Resamples(incumbent, tier, block, PseudoPair: false);
        var tests = new List<EquivalenceTest>();
        foreach (var other in others)
        {
            var (bootstrap, incumbentKeys, pseudo) = resamples.For(other);
            var differences = Enumerable.Range(0, PairedBootstrap.Resamples)
                .Select(b => Ranking.Score(RankKeys.Resampled(other, bootstrap.Positions(b), pseudo), plan.RankBy, plan.KFactor) - Ranking.Score(incumbentKeys[b], plan.RankBy, plan.KFactor))
                .ToArray();
            double p = Math.Max(bootstrap.PValue(b => differences[b] > -margin), bootstrap.PValue(b => differences[b] < margin));
            if (p >= testAlpha)
            {
                return null;
            }

            tests.Add(new EquivalenceTest(other.Index, ScoreDifference(other, incumbent, plan), p));
        }

        int seeds = running.Min(c => c.SeedCount);
        return new EquivalenceStop(tier, block, seeds, margin, Ranking.ScoreName(plan.RankBy), looks, testAlpha, tests);
    }

    /// <summary>
    /// How many times a stage can test for equivalence: one look per block of every tier, from the screening seed to
    /// the last tier's seeds.
    /// </summary>
    public static int Looks(SweepPlan plan)
    {
        int looks = 0, seeds = 1;
        foreach (var tier in plan.Tiers)
        {
            while (seeds < tier.Seeds)
            {
                seeds = BlockEnd(seeds, tier.Seeds, plan.RaceBlock);
                looks++;
            }
        }

        return Math.Max(1, looks);
    }

    /// <summary>The ranking's score of <paramref name="a"/> minus <paramref name="b"/>'s, on their common seeds.</summary>
    private static double ScoreDifference(Candidate a, Candidate b, SweepPlan plan)
    {
        int n = Math.Min(a.SeedCount, b.SeedCount);
        var common = Enumerable.Range(0, n).ToArray();
        return Ranking.Score(RankKeys.Resampled(a, common), plan.RankBy, plan.KFactor) - Ranking.Score(RankKeys.Resampled(b, common), plan.RankBy, plan.KFactor);
    }

    /// <summary>
    /// The bootstrap resamples of one test round, by common seed count n, with the reference candidate's keys on each
    /// resample, so every rival is compared on the same draws and the reference is resampled once. With
    /// <paramref name="PseudoPair"/> (the race) a resample draws n + 2 positions from the n common seeds and two
    /// pseudo-seeds (<see cref="PseudoSeeds"/>, <see cref="PairedBootstrap"/>): at position n the reference fails and
    /// the other candidate passes, at n + 1 the reverse.
    /// </summary>
    private sealed class Resamples(Candidate reference, int tier, int block, bool PseudoPair)
    {
        private readonly Dictionary<int, (PairedBootstrap Bootstrap, RankKeys[] Keys)> _bySeeds = [];

        /// <summary>
        /// The resamples for a comparison with <paramref name="other"/>, the reference's keys on each, and the pseudo-seeds
        /// to resample <paramref name="other"/> with.
        /// </summary>
        public (PairedBootstrap Bootstrap, RankKeys[] ReferenceKeys, PseudoSeeds OtherPseudo) For(Candidate other)
        {
            int n = Math.Min(reference.SeedCount, other.SeedCount);
            if (!_bySeeds.TryGetValue(n, out var entry))
            {
                var bootstrap = new PairedBootstrap(n, PairedBootstrap.SeedOf(tier, block, n), PseudoPair);
                var pseudo = PseudoPair ? PseudoSeeds.Of(reference, n, failsFirst: true) : PseudoSeeds.None;
                entry = (bootstrap, Enumerable.Range(0, PairedBootstrap.Resamples).Select(b => RankKeys.Resampled(reference, bootstrap.Positions(b), pseudo)).ToArray());
                _bySeeds[n] = entry;
            }

            return (entry.Bootstrap, entry.Keys, PseudoPair ? PseudoSeeds.Of(other, n, failsFirst: false) : PseudoSeeds.None);
        }
    }

    /// <summary>The seed count a racing block brings a candidate with <paramref name="seeds"/> seeds up to.</summary>
    public static int BlockEnd(int seeds, int tierSeeds, int blockSize) => Math.Min(tierSeeds, (seeds / blockSize + 1) * blockSize);
}
