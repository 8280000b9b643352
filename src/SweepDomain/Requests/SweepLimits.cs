using System.Globalization;
using SweepDomain.Selection;
using SweepDomain.Sweep;

namespace SweepDomain.Requests;

/// <summary>
/// What one sweep may ask for, checked before anything is stored or started. The defaults suit one Flex Consumption
/// instance (about 40 evaluations of 1000 periods per second per instance core): the default budget of 200,000
/// evaluations is a few hours of work. Each host names the setting or flag that raises a limit
/// (<see cref="RaisedBy"/>), and every message quotes the limit, the requested figure and that name.
/// </summary>
public sealed record SweepLimits
{
    /// <summary>Most evaluations a sweep may plan in its worst case (the dry run's figure).</summary>
    public long MaxEvaluations { get; init; } = 200_000;

    /// <summary>Most grid combinations in one stage.</summary>
    public long MaxCandidatesPerStage { get; init; } = 5_000;

    /// <summary>Most seeds a tier (or the cross-scenario check) may give one candidate.</summary>
    public int MaxSeedsPerTier { get; init; } = 1_000;

    public int MaxStages { get; init; } = 20;

    /// <summary>Most periods of one simulation.</summary>
    public int MaxPeriods { get; init; } = 10_000;

    /// <summary>Longest stage label, in characters (labels name files and blobs).</summary>
    public int MaxLabelLength { get; init; } = 64;

    public static readonly SweepLimits Default = new();

    /// <summary>No limit at all: for a client that checks a request's form and leaves the limits to the service it sends it to.</summary>
    public static readonly SweepLimits Unlimited = new()
    {
        MaxEvaluations = long.MaxValue, MaxCandidatesPerStage = long.MaxValue, MaxSeedsPerTier = int.MaxValue,
        MaxStages = int.MaxValue, MaxPeriods = int.MaxValue, MaxLabelLength = int.MaxValue,
    };

    /// <summary>The limits' names, as the request-facing messages call them, in a stable order.</summary>
    public static readonly IReadOnlyList<string> Names =
        ["MaxEvaluations", "MaxCandidatesPerStage", "MaxSeedsPerTier", "MaxStages", "MaxPeriods", "MaxLabelLength"];

    /// <summary>How a user raises the limit <c>name</c> on this host, e.g. <c>the setting Sweep__Limits__MaxEvaluations</c>.</summary>
    public Func<string, string> RaisedBy { get; init; } = name => $"the limit {name}";

    /// <summary>The value of limit <paramref name="name"/>.</summary>
    public long Get(string name) => name switch
    {
        "MaxEvaluations" => MaxEvaluations,
        "MaxCandidatesPerStage" => MaxCandidatesPerStage,
        "MaxSeedsPerTier" => MaxSeedsPerTier,
        "MaxStages" => MaxStages,
        "MaxPeriods" => MaxPeriods,
        "MaxLabelLength" => MaxLabelLength,
        _ => throw new ArgumentException($"Unknown limit '{name}'. Known limits: {string.Join(", ", Names)}.", nameof(name)),
    };

    /// <summary>A copy with limit <paramref name="name"/> set to <paramref name="value"/> (at least 1).</summary>
    public SweepLimits With(string name, long value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        int small = (int)Math.Min(value, int.MaxValue);
        return name switch
        {
            "MaxEvaluations" => this with { MaxEvaluations = value },
            "MaxCandidatesPerStage" => this with { MaxCandidatesPerStage = value },
            "MaxSeedsPerTier" => this with { MaxSeedsPerTier = small },
            "MaxStages" => this with { MaxStages = small },
            "MaxPeriods" => this with { MaxPeriods = small },
            "MaxLabelLength" => this with { MaxLabelLength = small },
            _ => throw new ArgumentException($"Unknown limit '{name}'. Known limits: {string.Join(", ", Names)}.", nameof(name)),
        };
    }

    /// <summary>Adds an error to <paramref name="field"/> when <paramref name="requested"/> is over limit <paramref name="name"/>.</summary>
    internal bool Check(string name, long requested, string what, string field, ValidationErrors errors)
    {
        long limit = Get(name);
        if (requested <= limit)
        {
            return true;
        }

        errors.Add(field, $"{what}: {Figure(requested)}, over the limit {name} = {Figure(limit)}. Ask for less, or raise it with {RaisedBy(name)}.");
        return false;
    }

    /// <summary>Checks the whole plan's worst-case budget, stage sizes and tier seeds; every excess is reported.</summary>
    internal void CheckPlan(SweepPlan plan, ValidationErrors errors)
    {
        for (int i = 0; i < plan.Stages.Count; i++)
        {
            var stage = plan.Stages[i];
            Check(nameof(MaxCandidatesPerStage), stage.CombinationCount, $"Stage '{stage.Label}' has this many grid combinations", $"stages[{i}]", errors);
        }

        foreach (var tier in plan.Tiers)
        {
            Check(nameof(MaxSeedsPerTier), tier.Seeds, $"Tier '{tier}' gives each candidate this many seeds", "stabilityTiers", errors);
        }

        if (plan.CrossSchema is not null)
        {
            Check(nameof(MaxSeedsPerTier), plan.CrossSeeds, "The cross-scenario check asks for this many seeds per scenario", "crossSeeds", errors);
        }

        Check(nameof(MaxEvaluations), SweepCost.Sweep(plan), "The sweep plans at most this many evaluations (worst case)", "stages", errors);
    }

    /// <summary>A count as people read it: 3,000,000; the saturated figure says so.</summary>
    public static string Figure(long value) => value == long.MaxValue
        ? "more than 9,223,372,036,854,775,806"
        : value.ToString("N0", CultureInfo.InvariantCulture);
}
