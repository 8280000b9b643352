using System.Text.Json.Serialization;
using SweepDomain.Parameters;
using SweepDomain.Sweep;

namespace SweepHosting.Api;

/// <summary>
/// A running sweep's progress: stage <see cref="Stage"/> of <see cref="StageCount"/> (1-based), the phase as text
/// (<see cref="SweepProgress.PhaseText"/>, for people: clients show it and match nothing in it), evaluation counts,
/// the stages finished and the stage's leader after the latest batch.
/// <see cref="EvaluationsExecuted"/> advances as each batch returns; <see cref="EvaluationsPlannedAtMost"/> is the
/// sweep's worst case (the dry run's figure), never a forecast. The orchestration stores it as its custom status and the
/// status endpoint answers it as <c>progress</c>. Deliberately small (no seed arrays): custom status is capped at 16 KB.
/// </summary>
// Stored in durable histories (as custom status) and read back by the status endpoint and by clients: a renamed
// member reads as its default from an old status and breaks clients, so names are part of the wire contract.
public sealed record SweepProgressView(
    [property: JsonRequired] int Stage,
    [property: JsonRequired] int StageCount,
    string StageLabel,
    string Phase,
    int PhaseEvaluations,
    int EvaluationsRequested,
    int EvaluationsExecuted,
    long EvaluationsPlannedAtMost,
    int StagesFinished,
    ParamSet? BestParams,
    double? BestCombined,
    double? BestMean,
    int? BestSeeds)
{
    /// <summary>For example <c>stage 2 of 3 (credit): tier 1 of 3</c>.</summary>
    public string Summary => $"stage {Stage} of {StageCount} ({StageLabel}): {Phase}";

    public static SweepProgressView From(SweepProgress p) => new(
        p.StageIndex + 1, p.StageCount, p.StageLabel, p.PhaseText, p.PhaseEvaluations,
        p.EvaluationsRequested, p.EvaluationsExecuted, p.EvaluationsPlanned, p.StagesFinished,
        p.Best?.Params, p.Best?.Combined, p.Best?.Mean, p.Best?.Seeds);
}
