using System.Text.Json.Serialization;
using SweepDomain.Parameters;
using SweepDomain.Selection;
using SweepDomain.Stages;

namespace SweepDomain.Sweep;

/// <summary>
/// A validated sweep, ready to run: nothing in it can fail validation later. Built by
/// <see cref="Requests.SweepRequestValidator"/>. The schemas travel with the plan so the engine can normalise configs
/// without looking anything up (the plan is an orchestrator input, replayed from history).
/// </summary>
// WARNING: stored in durable histories (the orchestrator's input). Add members only at the end, with defaults.
public sealed record SweepPlan(
    ScenarioSchema Schema,
    IReadOnlyList<StageSpec> Stages,
    ParamSet Base,
    int Periods,
    IReadOnlyList<StabilityTier> Tiers,
    RankBy RankBy,
    double KFactor,
    ScenarioSchema? CrossSchema,
    int CrossSeeds = SweepPlan.DefaultCrossSeeds)
{
    public const int DefaultPeriods = 1000;
    public const double DefaultKFactor = 1.0;
    public const int DefaultCrossSeeds = 20;

    [JsonIgnore]
    public string Scenario => Schema.Scenario;

    [JsonIgnore]
    public string? CrossScenario => CrossSchema?.Scenario;

    [JsonIgnore]
    public IReadOnlyDictionary<string, ScenarioSchema> Schemas =>
        new[] { Schema, CrossSchema }.OfType<ScenarioSchema>().DistinctBy(s => s.Scenario).ToDictionary(s => s.Scenario);
}
