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
                new EvaluateBatchInput(sweepId, stage, observer.CurrentStage, phase, call, batch, chunk[0].Periods, ConfigSeeds.Of(chunk)),
                SweepOrchestrator.ActivityRetry))
            .ToList();

        // Fan in as they finish (the order is the history's, so replay sees the same), then keep request order.
        var pending = calls.ToList();
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending);
            pending.Remove(done);
            var columns = await done;
            int expected = chunks[calls.IndexOf(done)].Length;
            if (columns.Count != expected)
            {
                throw new InvalidOperationException($"A batch of {expected} evaluations returned {columns.Count} scores.");
            }

            observer.OnBatchEvaluated(expected);
        }

        return calls.SelectMany(c => c.Result.All).ToList();
    }
}
