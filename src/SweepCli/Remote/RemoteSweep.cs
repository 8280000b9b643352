using System.Text.Json;
using SweepDomain.Parameters;

namespace SweepCli.Remote;

/// <summary>
/// The answer of <c>GET /api/sweeps/{id}</c> as the CLI reads it (camelCase JSON). <see cref="Final"/> is the winner
/// in the stability format once the sweep completed; <see cref="Blobs"/> are the result blobs' names.
/// </summary>
internal sealed record RemoteSweep(
    string Id,
    string RuntimeStatus,
    RemoteProgress? Progress,
    IReadOnlyList<RemoteStage>? Stages,
    JsonElement? Final,
    IReadOnlyList<string>? Blobs,
    RemoteFailure? Failure)
{
    /// <summary>True once the orchestration will not change any more.</summary>
    public bool IsFinished => RuntimeStatus is "Completed" or "Failed" or "Terminated" or "Canceled" or "Cancelled";

    public bool IsCompleted => RuntimeStatus == "Completed";

    /// <summary>The answer as the service sent it, for <c>--json</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public JsonElement Raw { get; init; }
}

/// <summary>The running sweep's custom status: stage k of n (1-based), phase and evaluation counts.</summary>
internal sealed record RemoteProgress(
    int Stage,
    int StageCount,
    string? StageLabel,
    string? Phase,
    int PhaseEvaluations,
    int EvaluationsRequested,
    int EvaluationsExecuted,
    int EvaluationsPlanned,
    int StagesFinished,
    double? BestCombined,
    double? BestMean,
    int? BestSeeds)
{
    public string Describe() =>
        $"stage {Stage}/{StageCount} '{StageLabel}' {Phase}: {EvaluationsExecuted} evaluations run, {EvaluationsRequested} requested (at most {EvaluationsPlanned}); " +
        $"{StagesFinished} stages finished" + (BestCombined is { } c ? $"; best so far combined={c:F4} mean={BestMean:F4} ({BestSeeds} seeds)" : "");
}

/// <summary>A finished stage's winner as the status endpoint lists it.</summary>
internal sealed record RemoteStage(
    int Stage,
    string Label,
    ParamSet Params,
    double? CombinedScore,
    double? MeanScore,
    double? StdScore,
    double? PassRate,
    int? NSeeds,
    bool? Improved,
    string? Blob);

internal sealed record RemoteFailure(string? ErrorType, string? ErrorMessage);
