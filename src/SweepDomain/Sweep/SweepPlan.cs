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
// Stored in durable histories (the orchestration's input). System.Text.Json matches members by name, so adding or
// reordering members is safe and a missing member reads as its default. The hazard is a change of what the engine does
// with these values: that changes how an old history replays, so it must raise SweepEngineVersion (docs/deploy.md).
public sealed record SweepPlan(
    ScenarioSchema Schema,
    IReadOnlyList<StageSpec> Stages,
    ParamSet Base,
    int Periods,
    IReadOnlyList<StabilityTier> Tiers,
    RankBy RankBy,
    double KFactor,
    ScenarioSchema? CrossSchema,
    int CrossSeeds = SweepPlan.DefaultCrossSeeds,
    CarryForward CarryForward = CarryForward.Best,
    double Alpha = SweepPlan.DefaultAlpha,
    bool Racing = false,
    int RaceBlock = SweepPlan.DefaultRaceBlock,
    double? Equivalence = null)
{
    public const int DefaultPeriods = 1000;
    public const double DefaultKFactor = 1.0;
    public const int DefaultCrossSeeds = 20;

    /// <summary>The significance level of verdicts, of the <c>significant</c> policy and of racing.</summary>
    public const double DefaultAlpha = 0.05;

    /// <summary>Seeds given to every surviving candidate between two racing tests.</summary>
    public const int DefaultRaceBlock = 10;

    /// <summary>Racing never drops a candidate scored on fewer seeds than this.</summary>
    public const int RaceMinSeeds = 10;

    /// <summary>The tiers give their seeds in blocks: when racing, or when the equivalence stop may end the stage.</summary>
    [JsonIgnore]
    public bool InBlocks => Racing || Equivalence is not null;

    [JsonIgnore]
    public string Scenario => Schema.Scenario;

    [JsonIgnore]
    public string? CrossScenario => CrossSchema?.Scenario;

    [JsonIgnore]
    public IReadOnlyDictionary<string, ScenarioSchema> Schemas =>
        new[] { Schema, CrossSchema }.OfType<ScenarioSchema>().DistinctBy(s => s.Scenario).ToDictionary(s => s.Scenario);
}
