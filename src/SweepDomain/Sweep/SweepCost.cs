using SweepDomain.Selection;

namespace SweepDomain.Sweep;

/// <summary>How many evaluations a sweep asks for at most (sweep-semantics §3.3 cost formula, plus the incumbent).</summary>
public static class SweepCost
{
    /// <summary>Upper bound for one stage of <paramref name="combinations"/> grid combinations.</summary>
    public static int Stage(int combinations, IReadOnlyList<StabilityTier> tiers, int crossChecks, int crossSeeds)
    {
        int alive = combinations + 1;          // the incumbent may come on top of the grid
        int total = alive;                     // screening, seed 0
        int seeds = 1;
        foreach (var tier in tiers)
        {
            alive = Math.Min(alive, tier.Configs + 1);
            total += alive * Math.Max(0, tier.Seeds - seeds);
            seeds = Math.Max(seeds, tier.Seeds);
        }

        return total + crossChecks * crossSeeds;
    }

    public static int Sweep(SweepPlan plan) => plan.Stages.Sum(s =>
        Stage(s.CombinationCount, plan.Tiers, plan.CrossSchema is null ? 0 : plan.Schemas.Count, plan.CrossSeeds));
}
