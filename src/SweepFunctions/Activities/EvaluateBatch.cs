using System.Diagnostics;
using System.Text.Json.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SweepDomain.Evaluation;
using SweepDomain.Sweep;
using SweepFunctions.Evaluation;
using SweepFunctions.Scores;
using SweepFunctions.Storage;
using SweepFunctions.Telemetry;
using SweepHosting.Evaluation;

namespace SweepFunctions.Activities;

/// <summary>Runs one batch of a stage's screening or tiers on all cores and returns the scores in request order.</summary>
public sealed class EvaluateBatch(IScenarioEvaluator evaluator, NamedEvaluators named, IResultStore store, CancellationMarker cancellation, SweepMetrics metrics, ILogger<EvaluateBatch> logger)
{
    [Function(nameof(EvaluateBatch))]
    public Task<EvaluatedBatch> RunAsync([ActivityTrigger] EvaluateBatchInput input, CancellationToken cancellationToken) =>
        BatchEvaluation.RunAsync(metrics.Measure(evaluator, input.Phase), named, store, cancellation, metrics, logger, input, cancellationToken);
}

/// <summary>Runs one batch of a stage winner's cross-scenario check; a separate name so its cost shows on its own.</summary>
public sealed class CrossEvaluate(IScenarioEvaluator evaluator, NamedEvaluators named, IResultStore store, CancellationMarker cancellation, SweepMetrics metrics, ILogger<CrossEvaluate> logger)
{
    [Function(nameof(CrossEvaluate))]
    public Task<EvaluatedBatch> RunAsync([ActivityTrigger] EvaluateBatchInput input, CancellationToken cancellationToken) =>
        BatchEvaluation.RunAsync(metrics.Measure(evaluator, input.Phase), named, store, cancellation, metrics, logger, input, cancellationToken);
}

internal static class BatchEvaluation
{
    /// <summary>
    /// Evaluates the batch with <see cref="ParallelEvaluator"/> (or POSTs it to the operator-configured evaluator the sweep
    /// names, under the idempotency key <see cref="EvaluateBatchInput.IdempotencyKey"/>, so a batch posted again after a
    /// host restart is the same batch to the endpoint), unless the sweep was cancelled: a batch of a cancelled
    /// sweep does not start, and a running one stops at its next evaluation, as it does when the host cancels the
    /// invocation (<paramref name="cancellationToken"/>: shutdown). The scores go to the batch's score blob
    /// (<see cref="ScoreArchive"/>) and back to the orchestrator. A non-finite score is recorded as the memo would record
    /// it, because JSON cannot hold NaN. Logs the throughput (evaluations per second, per sweep, stage and phase), runs
    /// in a span of its own, and records the batch's wall time (<see cref="SweepMetrics"/>; the evaluator passed in
    /// counts and times each evaluation). That wall time also goes back with the scores, so the orchestrator sizes the
    /// next batches by it (<see cref="Orchestration.BatchSizing"/>) from what its history holds.
    /// </summary>
    public static async Task<EvaluatedBatch> RunAsync(IScenarioEvaluator evaluator, NamedEvaluators named, IResultStore store, CancellationMarker cancellation, SweepMetrics metrics, ILogger logger, EvaluateBatchInput input, CancellationToken cancellationToken)
    {
        using var span = SweepTelemetry.StartBatch(input, input.Configs.Sum(c => c.Seeds.Sum(r => r.Count)));
        if (await cancellation.IsRequestedAsync(input.SweepId, cancellationToken))
        {
            throw new OperationCanceledException($"Sweep {input.SweepId} was cancelled; batch {input.Call}-{input.Batch} of stage {input.Stage + 1} is not run.");
        }

        var requests = ConfigSeeds.Expand(input.Configs, input.Periods).ToList();
        var clock = Stopwatch.StartNew();
        IReadOnlyList<EvaluationScore> scores;
        await using (var watch = cancellation.WatchFor(input.SweepId, cancellationToken))
        {
            var evaluated = input.Evaluator is { } name
                ? await (await named.GetAsync(name, watch.Token)).EvaluateAsync(requests, input.IdempotencyKey(), watch.Token)
                : new ParallelEvaluator(evaluator).Evaluate(requests, watch.Token);
            scores = evaluated.Select(EvaluationMemo.Sanitise).ToList();
        }

        double seconds = clock.Elapsed.TotalSeconds;
        if (requests.Count > 0)
        {
            metrics.RecordBatch(input.Phase, requests[0].Scenario, seconds);
        }

        var columns = ScoreColumns.From(scores);
        await new ScoreArchive(store).WriteAsync(SweepBlobs.ScoreBatchBlob(input.SweepId, input.Stage, input.Call, input.Batch), new ScoreSheet(input.Periods, input.Configs, columns), cancellationToken);

        logger.LogInformation(
            "Sweep {SweepId} stage {Stage} {Phase}: {Evaluations} evaluations in {Seconds:F2} s, {EvaluationsPerSecond:F2} evaluations/s",
            input.SweepId, input.Label, input.Phase, requests.Count, seconds, seconds > 0 ? requests.Count / seconds : 0);
        return new EvaluatedBatch(columns, seconds);
    }
}

/// <summary>What an evaluation batch returns: its scores in request order and the wall seconds its evaluations took.</summary>
public sealed record EvaluatedBatch(ScoreColumns Scores, double Seconds);

/// <summary>
/// One batch of evaluations: each config once with its seed runs (<see cref="ConfigSeeds"/>). <see cref="Stage"/> is
/// 0-based; <see cref="Call"/> numbers the stage's calls of the evaluator and <see cref="Batch"/> the call's batches,
/// which together name the batch's score blob. <see cref="Label"/> and <see cref="Phase"/> are for logs.
/// <see cref="Evaluator"/> names the operator-configured evaluator that scores it; null for the built-in model.
/// </summary>
public sealed record EvaluateBatchInput(
    string SweepId, int Stage, string Label, EvaluationPhase Phase, int Call, int Batch, int Periods, IReadOnlyList<ConfigSeeds> Configs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Evaluator = null)
{
    /// <summary>Names the batch for good (sweep, stage, call and batch), as its score blob does: the same on every retry.</summary>
    public string IdempotencyKey() => $"{SweepId}/{Stage}/{Call}-{Batch}";
}
