using System.Diagnostics;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SweepDomain.Evaluation;
using SweepDomain.Sweep;
using SweepHosting.Evaluation;

namespace SweepFunctions.Activities;

/// <summary>Runs one chunk of a stage's screening or tiers on all cores and returns the scores in request order.</summary>
public sealed class EvaluateBatch(IScenarioEvaluator evaluator, ILogger<EvaluateBatch> logger)
{
    [Function(nameof(EvaluateBatch))]
    public Task<EvaluateBatchOutput> RunAsync([ActivityTrigger] EvaluateBatchInput input) =>
        Task.FromResult(BatchEvaluation.Run(evaluator, logger, input));
}

/// <summary>Runs one chunk of a stage winner's cross-scenario check; a separate name so its cost shows on its own.</summary>
public sealed class CrossEvaluate(IScenarioEvaluator evaluator, ILogger<CrossEvaluate> logger)
{
    [Function(nameof(CrossEvaluate))]
    public Task<EvaluateBatchOutput> RunAsync([ActivityTrigger] EvaluateBatchInput input) =>
        Task.FromResult(BatchEvaluation.Run(evaluator, logger, input));
}

internal static class BatchEvaluation
{
    /// <summary>
    /// Evaluates the batch with <see cref="ParallelEvaluator"/> and logs the throughput (evaluations per second, per
    /// sweep, stage and phase: the figure to watch when sizing batches and plans). A non-finite score is recorded as the
    /// memo would record it, because durable history is JSON and cannot hold NaN.
    /// </summary>
    public static EvaluateBatchOutput Run(IScenarioEvaluator evaluator, ILogger logger, EvaluateBatchInput input)
    {
        var clock = Stopwatch.StartNew();
        var scores = new ParallelEvaluator(evaluator).Evaluate(input.Requests, CancellationToken.None);
        double seconds = clock.Elapsed.TotalSeconds;

        logger.LogInformation(
            "Sweep {SweepId} stage {Stage} {Phase}: {Evaluations} evaluations in {Seconds:F2} s, {EvaluationsPerSecond:F2} evaluations/s",
            input.SweepId, input.Stage, input.Phase, input.Requests.Count, seconds, seconds > 0 ? input.Requests.Count / seconds : 0);
        return new EvaluateBatchOutput(scores.Select(EvaluationMemo.Sanitise).ToList());
    }
}

/// <summary>One chunk of evaluations; <paramref name="SweepId"/>, <paramref name="Stage"/> and <paramref name="Phase"/> are for logs.</summary>
// WARNING: stored in durable histories. Add members only at the end, with defaults.
public sealed record EvaluateBatchInput(string SweepId, string Stage, EvaluationPhase Phase, IReadOnlyList<EvaluationRequest> Requests);

/// <summary><c>Scores[i]</c> belongs to <c>Requests[i]</c>.</summary>
// WARNING: stored in durable histories. Add members only at the end, with defaults.
public sealed record EvaluateBatchOutput(IReadOnlyList<EvaluationScore> Scores);
