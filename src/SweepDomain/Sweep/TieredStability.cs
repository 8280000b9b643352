using SweepDomain.Evaluation;

namespace SweepDomain.Sweep;

/// <summary>Tiered stability testing (sweep-semantics §3.3).</summary>
public static class TieredStability
{
    /// <summary>The candidates as they stand after the tiers.</summary>
    /// <param name="Ranking">The last tier's survivors, best first; never empty.</param>
    /// <param name="All">Every candidate's latest state, and how many tiers it entered, by candidate index.</param>
    public sealed record Outcome(IReadOnlyList<Candidate> Ranking, IReadOnlyDictionary<int, (Candidate Candidate, int Tiers)> All);

    /// <summary>
    /// For each tier: keep the first <c>Configs</c> of the current ranking (plus the incumbent, which always stays
    /// in so the winner is compared with it on the same seeds), bring each up to <c>Seeds</c> seeds with seed ids
    /// continuing from the ones it has, then rank them. Everything outside a tier's top is dropped for good.
    /// </summary>
    /// <param name="onTier">Called before each tier with its 0-based number and the evaluations it asks for.</param>
    public static async Task<Outcome> RunAsync(
        IReadOnlyList<Candidate> screened,
        SweepPlan plan,
        EvaluationMemo memo,
        Func<int, int, Task> onTier,
        CancellationToken cancellationToken)
    {
        var all = screened.ToDictionary(c => c.Index, c => (Candidate: c, Tiers: 0));
        IReadOnlyList<Candidate> current = screened;
        for (int t = 0; t < plan.Tiers.Count; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tier = plan.Tiers[t];
            var top = current.Take(tier.Configs).ToList();
            top.AddRange(current.Skip(tier.Configs).Where(c => c.IsIncumbent));

            var requests = top
                .SelectMany(c => Enumerable.Range(c.SeedCount, Math.Max(0, tier.Seeds - c.SeedCount))
                    .Select(seed => new EvaluationRequest(plan.Scenario, c.Params, seed, plan.Periods)))
                .ToList();
            await onTier(t, requests.Count);
            var scores = await memo.EvaluateAsync(requests, EvaluationPhase.Tier, cancellationToken);

            int next = 0;
            for (int i = 0; i < top.Count; i++)
            {
                int need = Math.Max(0, tier.Seeds - top[i].SeedCount);
                top[i] = top[i].WithMoreSeeds(scores.Skip(next).Take(need));
                next += need;
                all[top[i].Index] = (top[i], t + 1);
            }

            current = Ranking.Rank(top, plan.RankBy, plan.KFactor);
        }

        return new Outcome(current, all);
    }
}
