using System.Text.Json.Serialization;
using SweepDomain.Parameters;
using SweepDomain.Sweep;

namespace SweepHosting.Api;

/// <summary>
/// A running sweep's progress: stage <see cref="Stage"/> of <see cref="StageCount"/> (1-based), the phase
/// ("screening", "tier k of m", "cross-scenario check", "done"), evaluation counts and the stage's best candidate so
/// far. The orchestration stores it as its custom status and the status endpoint answers it as <c>progress</c>.
/// Deliberately small (no seed arrays): custom status is capped at 16 KB.
/// </summary>
// WARNING: stored in durable histories (as custom status) and read back by the status endpoint. Add members only at
// the end, with defaults, and never rename one.
public sealed record SweepProgressView(
    [property: JsonRequired] int Stage,
    [property: JsonRequired] int StageCount,
    string StageLabel,
    string Phase,
    int PhaseEvaluations,
    int EvaluationsRequested,
    int EvaluationsExecuted,
    int EvaluationsPlanned,
    int StagesFinished,
    ParamSet? BestParams,
    double? BestCombined,
    double? BestMean,
    int? BestSeeds)
{
    /// <summary>For example <c>stage 2 of 3 (credit): tier 1 of 3</c>.</summary>
    public string Summary => $"stage {Stage} of {StageCount} ({StageLabel}): {Phase}";

    public static SweepProgressView From(SweepProgress p, int stagesFinished) => new(
        p.StageIndex + 1, p.StageCount, p.StageLabel, p.Phase, p.PhaseEvaluations,
        p.EvaluationsRequested, p.EvaluationsExecuted, p.EvaluationsPlanned, stagesFinished,
        p.Best?.Params, p.Best?.Combined, p.Best?.Mean, p.Best?.Seeds);
}
