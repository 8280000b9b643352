using SweepDomain.Parameters;
using SweepDomain.Selection;

namespace SweepDomain.Sweep;

/// <summary>
/// How many evaluations a sweep asks for at most (sweep-semantics §3.3 cost formula, plus the incumbent when it is not one
/// of the grid's combinations). The figures
/// saturate at <see cref="long.MaxValue"/> instead of overflowing, so an absurd request is reported as the huge
/// number it is and rejected by the limits, never wrapped round to a small one. Racing can only lower the real count:
/// its worst case, when no candidate is ever dropped, is the plain tiers' figure.
/// </summary>
public static class SweepCost
{
    /// <summary>
    /// Upper bound for one stage of <paramref name="combinations"/> grid combinations, with the incumbent as one more
    /// candidate when <paramref name="incumbentAdded"/>.
    /// </summary>
    public static long Stage(long combinations, IReadOnlyList<StabilityTier> tiers, int crossChecks, int crossSeeds, bool incumbentAdded = true) =>
        Add(Tiers(Add(combinations, incumbentAdded ? 1 : 0), tiers), Multiply(crossChecks, crossSeeds));

    /// <summary>
    /// Upper bound for screening and the plain tiers of <paramref name="candidates"/> candidates, the incumbent among
    /// them: each tier keeps at most its configs plus the incumbent.
    /// </summary>
    public static long Tiers(long candidates, IReadOnlyList<StabilityTier> tiers)
    {
        long alive = candidates;
        long total = alive;                     // screening, seed 0
        int seeds = 1;
        foreach (var tier in tiers)
        {
            alive = Math.Min(alive, tier.Configs + 1L);
            total = Add(total, Multiply(alive, Math.Max(0, tier.Seeds - seeds)));
            seeds = Math.Max(seeds, tier.Seeds);
        }

        return total;
    }

    /// <summary>Upper bound for stage <paramref name="stage"/> of <paramref name="plan"/>, its cross-scenario check included.</summary>
    public static long Stage(SweepPlan plan, int stage) =>
        Stage(plan.Stages[stage].CombinationCount, plan.Tiers, plan.CrossSchema is null ? 0 : plan.Schemas.Count, plan.CrossSeeds, IncumbentMayBeAdded(plan, stage));

    public static long Sweep(SweepPlan plan) => Remaining(plan, 0);

    /// <summary>Upper bound for stages <paramref name="from"/> to the last.</summary>
    public static long Remaining(SweepPlan plan, int from) => Enumerable.Range(from, Math.Max(0, plan.Stages.Count - from)).Aggregate(0L, (sum, i) => Add(sum, Stage(plan, i)));

    /// <summary>
    /// False when stage <paramref name="stage"/>'s incumbent is certainly one of its grid's combinations, so it is not
    /// evaluated on top of the grid: no earlier stage sweeps any of its parameters (so their current values are the
    /// plan's base values, or the defaults), and each of those values is on its axis. True otherwise (at most), and
    /// always for a stage over ranges: its drawn points are not known to hold the incumbent.
    /// </summary>
    public static bool IncumbentMayBeAdded(SweepPlan plan, int stage)
    {
        var spec = plan.Stages[stage];
        if (spec.Design is not null)
        {
            return true;
        }

        var names = spec.ParameterNames.ToHashSet(StringComparer.Ordinal);
        if (plan.Stages.Take(stage).Any(earlier => earlier.ParameterNames.Any(names.Contains)))
        {
            return true;
        }

        return !spec.Grid.All(axis =>
        {
            var current = plan.Base.TryGet(axis.Name, out var value) ? value : plan.Schema.Find(axis.Name)!.Default;
            var normal = plan.Schema.Normalise(ParamSet.Of((axis.Name, current)));
            return axis.Values.Any(v => plan.Schema.Normalise(ParamSet.Of((axis.Name, v))).Equals(normal));
        });
    }

    /// <summary>The most seeds any tier gives a candidate.</summary>
    public static int MaxSeeds(IReadOnlyList<StabilityTier> tiers) => tiers.Count == 0 ? 1 : Math.Max(1, tiers.Max(t => t.Seeds));

    /// <summary><paramref name="a"/> × <paramref name="b"/> for non-negative numbers, or <see cref="long.MaxValue"/>.</summary>
    public static long Multiply(long a, long b) => a != 0 && b > long.MaxValue / a ? long.MaxValue : a * b;

    /// <summary><paramref name="a"/> + <paramref name="b"/> for non-negative numbers, or <see cref="long.MaxValue"/>.</summary>
    public static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}
