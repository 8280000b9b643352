using System.Text.Json;
using System.Text.Json.Serialization;
using SweepDomain.Evaluation;
using SweepDomain.Parameters;
using SweepDomain.Requests;
using SweepDomain.Selection;
using SweepDomain.Sweep;

namespace SweepDomain.Results;

/// <summary>
/// Everything about a finished sweep: its settings, every stage's candidates with their seed scores, the stage
/// results with cross-scenario figures, the final config and evaluation counts. Hosts may add wall-clock timings and
/// where the base came from (<see cref="BaseSource"/>; null in reports written before it was recorded). It names the
/// model that scored the sweep (<see cref="Evaluator"/>; null in reports written before it was recorded) and lists
/// every evaluation that failed (<see cref="Failures"/>; null when none did).
/// </summary>
public sealed record SweepReport(
    string Scenario,
    string? CrossScenario,
    int Periods,
    string StabilityTiers,
    string RankBy,
    double KFactor,
    int CrossSeeds,
    string Convention,
    ParamSet Base,
    IReadOnlyList<string> StageDefinitions,
    IReadOnlyList<StageOutcome> Stages,
    ParamSet Final,
    int EvaluationsRequested,
    int EvaluationsExecuted,
    IReadOnlyDictionary<string, double>? TimingsSeconds = null,
    BaseSource? BaseSource = null,
    string CarryForward = "best",
    double Alpha = SweepPlan.DefaultAlpha,
    bool Racing = false,
    int? RaceBlock = null,
    double? Equivalence = null,
    EvaluatorIdentity? Evaluator = null,
    IReadOnlyList<FailedEvaluation>? Failures = null,
    IReadOnlyList<string>? Warnings = null)
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static SweepReport From(SweepPlan plan, SweepOutcome outcome, IReadOnlyDictionary<string, double>? timings = null, BaseSource? baseSource = null, EvaluatorIdentity? evaluator = null) => new(
        plan.Scenario,
        plan.CrossScenario,
        plan.Periods,
        StabilityTier.Format(plan.Tiers),
        plan.RankBy.ToText(),
        plan.KFactor,
        plan.CrossSeeds,
        CombinedScore.SweepConvention,
        plan.Base,
        plan.Stages.Select(s => s.Source).ToList(),
        outcome.Stages,
        outcome.Final,
        outcome.EvaluationsRequested,
        outcome.EvaluationsExecuted,
        timings,
        baseSource,
        plan.CarryForward.ToText(),
        plan.Alpha,
        plan.Racing,
        plan.Racing ? plan.RaceBlock : null,
        plan.Equivalence,
        evaluator,
        outcome.Failures is { Count: > 0 } failures ? failures : null,
        SweepWarnings.Of(plan) is { Count: > 0 } warnings ? warnings : null);

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions) + "\n";

    public static SweepReport FromJson(string json) =>
        JsonSerializer.Deserialize<SweepReport>(json, JsonOptions) ?? throw new FormatException("Empty report.");
}
