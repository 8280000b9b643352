using Microsoft.DurableTask;
using SweepDomain.Evaluation;
using SweepFunctions.Activities;
using SweepFunctions.Scores;

namespace SweepFunctions.Orchestration;

/// <summary>
/// The sweep's evaluation port inside an orchestrator: a batch of requests becomes activity calls of at most
/// <paramref name="batchSize"/> evaluations each (<c>EvaluateBatch</c>, or <c>CrossEvaluate</c> for the cross-scenario
/// check), each carrying its configs once with seed runs, and the scores come back flattened in request order. The
/// calls are scheduled together (fan-out) and the progress advances as each one returns.
/// </summary>
public sealed class DurableEvaluator(TaskOrchestrationContext context, string sweepId, int stage, int batchSize, OrchestrationObserver observer) : IEvaluator
{
    private int _calls;

    /// <summary>The operator-configured evaluator the batches go to (its name travels in each batch), or null for the built-in model.</summary>
    public EvaluatorIdentity? Named { get; init; }

    public EvaluatorIdentity Identity => Named ?? EvaluatorIdentity.BuiltIn;

    public async Task<IReadOnlyList<EvaluationScore>> EvaluateAsync(IReadOnlyList<EvaluationRequest> requests, EvaluationPhase phase, CancellationToken cancellationToken)
    {
        if (requests.Count == 0)
        {
            return [];
        }

        string activity = phase == EvaluationPhase.CrossCheck ? nameof(CrossEvaluate) : nameof(EvaluateBatch);
        int call = _calls++;
        var chunks = requests.Chunk(Math.Max(1, batchSize)).ToList();
        var calls = chunks
            .Select((chunk, batch) => context.CallActivityAsync<ScoreColumns>(
                activity,
                new EvaluateBatchInput(sweepId, stage, observer.CurrentStage, phase, call, batch, chunk[0].Periods, ConfigSeeds.Of(chunk), Named?.Name),
                SweepOrchestrator.ActivityRetry))
            .ToList();

        // Fan in as they finish: each call's own continuation checks it and moves the progress on (continuations run in
        // the history's order, so replay sees the same), then the scores are kept in request order. Linear in the calls.
        var columns = await Task.WhenAll(calls.Select((task, batch) => ReceiveAsync(task, chunks[batch].Length)));
        return columns.SelectMany(c => c.All).ToList();
    }

    private async Task<ScoreColumns> ReceiveAsync(Task<ScoreColumns> call, int expected)
    {
        var columns = await call;
        if (columns.Count != expected)
        {
            throw new InvalidOperationException($"A batch of {expected} evaluations returned {columns.Count} scores.");
        }

        observer.OnBatchEvaluated(expected);
        return columns;
    }
}
