using System.Text.Json;
using System.Text.Json.Serialization;

namespace SweepHosting.Api;

/// <summary>
/// The answer of <c>GET /api/sweeps/{id}</c>: where a sweep stands (<see cref="Progress"/>, the orchestration's custom
/// status), the stages it has finished, its winner once complete (<see cref="Final"/>, in the stability-result format),
/// the names of its result blobs, and what went wrong when it failed.
/// </summary>
public sealed record SweepStatusView
{
    public required string Id { get; init; }

    /// <summary>One of <see cref="RuntimeStatuses"/>.</summary>
    public required string RuntimeStatus { get; init; }

    /// <summary>The scenario swept: the prefix of the result files.</summary>
    public string? Scenario { get; init; }

    /// <summary>The operator-configured evaluator the sweep runs through (its name and described version); null for the built-in model.</summary>
    public SweepDomain.Evaluation.EvaluatorIdentity? Evaluator { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset LastUpdatedAt { get; init; }

    /// <summary>Null before the sweep reports its first step.</summary>
    public SweepProgressView? Progress { get; init; }

    /// <summary>The finished stages' winners, in order; empty before the first stage ends.</summary>
    public required IReadOnlyList<StageView> Stages { get; init; }

    /// <summary>The winner as a stability-result document (<c>{scenario, results: [...]}</c>), once complete.</summary>
    public JsonElement? Final { get; init; }

    public required IReadOnlyList<string> Blobs { get; init; }

    /// <summary>Set when the sweep failed.</summary>
    public FailureView? Failure { get; init; }

    /// <summary>
    /// True when the sweep's durable history has been purged and this status is read from its result blobs: no progress
    /// and no failure details then, and a status of Failed covers any end without a report or a cancel marker.
    /// </summary>
    public bool? HistoryPurged { get; init; }

    /// <summary>Advice about the sweep's request, as <c>POST /api/sweeps</c> answered it; null when none (or the history was purged).</summary>
    public IReadOnlyList<string>? Warnings { get; init; }

    [JsonIgnore]
    public bool IsFinished => RuntimeStatuses.IsFinished(RuntimeStatus);

    [JsonIgnore]
    public bool IsCompleted => RuntimeStatus == RuntimeStatuses.Completed;
}
