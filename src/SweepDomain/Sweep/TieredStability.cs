using SweepDomain.Evaluation;
using SweepDomain.Evidence;

namespace SweepDomain.Sweep;

/// <summary>Why and when racing dropped a candidate: in tier <see cref="Tier"/> (1-based), after its block ending at <see cref="Seeds"/> seeds.</summary>
/// <param name="Block">The block's number within its tier, from 1.</param>
/// <param name="Leader">Grid index of the leader it lost to.</param>
/// <param name="MeanDifference">Its mean seed score minus the leader's, on their common seeds.</param>
/// <param name="AdjustedP">The paired t-test's two-sided p-value, Holm-adjusted over the block's comparisons.</param>
public sealed record RaceDrop(int Tier, int Block, int Seeds, int Leader, double MeanDifference, double AdjustedP);

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
    public sealed record Outcome(IReadOnlyList<Candidate> Ranking, IReadOnlyDictionary<int, State> All);

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
    /// one whose seed scores are significantly below the leader's (paired t-test, two-sided, Holm-corrected over the
    /// block's comparisons, at <see cref="SweepPlan.Alpha"/>) is dropped; none is dropped on fewer than
    /// <see cref="SweepPlan.RaceMinSeeds"/> seeds, and the incumbent races like the others. The race ends when one
    /// candidate is left.
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
        for (int t = 0; t < plan.Tiers.Count && !(plan.Racing && current.Count == 1); t++)
        {
            var tier = plan.Tiers[t];
            var running = current.Take(tier.Configs).ToList();
            running.AddRange(current.Skip(tier.Configs).Where(c => c.IsIncumbent));

            int block = 0;
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                int target = plan.Racing ? BlockEnd(running.Min(c => c.SeedCount), tier.Seeds, plan.RaceBlock) : tier.Seeds;
                var requests = running
                    .SelectMany(c => Enumerable.Range(c.SeedCount, Math.Max(0, target - c.SeedCount))
                        .Select(seed => new EvaluationRequest(plan.Scenario, c.Params, seed, plan.Periods)))
                    .ToList();
                block++;
                await listener.BeforeBlock(new TierStep(t + 1, plan.Racing ? block : 0, target, running.Count), requests.Count);
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

                listener.Ranked(running[0]);
            }
            while (plan.Racing && running.Count > 1 && running.Min(c => c.SeedCount) < tier.Seeds);

            current = running;
        }

        return new Outcome(current, all);
    }

    /// <summary>
    /// The candidates of a ranked field that are significantly worse than its leader, with the evidence. Nothing is
    /// dropped while any comparison rests on fewer than <see cref="SweepPlan.RaceMinSeeds"/> common seeds.
    /// </summary>
    public static IReadOnlyList<(Candidate Loser, RaceDrop Drop)> Race(IReadOnlyList<Candidate> ranked, SweepPlan plan, int tier, int block)
    {
        if (ranked.Count < 2 || ranked.Min(c => c.SeedCount) < SweepPlan.RaceMinSeeds)
        {
            return [];
        }

        var leader = ranked[0];
        var rivals = ranked.Skip(1).ToList();
        var comparisons = rivals.Select(c => PairedComparison.Between(c.Seeds, leader.Seeds)).ToList();
        var adjusted = Holm.Adjust(comparisons.Select(c => c.TTestP ?? 1).ToList());
        return rivals
            .Select((c, i) => (c, comparison: comparisons[i], p: adjusted[i]))
            .Where(x => x.comparison.MeanDifference < 0 && x.p < plan.Alpha)
            .Select(x => (x.c, new RaceDrop(tier, block, x.comparison.Seeds, leader.Index, x.comparison.MeanDifference, x.p)))
            .ToList();
    }

    /// <summary>The seed count a racing block brings a candidate with <paramref name="seeds"/> seeds up to.</summary>
    public static int BlockEnd(int seeds, int tierSeeds, int blockSize) => Math.Min(tierSeeds, (seeds / blockSize + 1) * blockSize);
}
