using Microsoft.DurableTask;
using SweepDomain.Evaluation;
using SweepFunctions.Activities;

namespace SweepFunctions.Orchestration;

/// <summary>
/// The sweep's evaluation port inside an orchestrator: a batch becomes activity calls of at most
/// <paramref name="batchSize"/> evaluations each (<c>EvaluateBatch</c>, or <c>CrossEvaluate</c> for the cross-scenario
/// check), and the scores come back flattened in request order.
/// </summary>
public sealed class DurableEvaluator(TaskOrchestrationContext context, string sweepId, int batchSize, OrchestrationObserver observer) : IEvaluator
{
    public async Task<IReadOnlyList<EvaluationScore>> EvaluateAsync(IReadOnlyList<EvaluationRequest> requests, EvaluationPhase phase, CancellationToken cancellationToken)
    {
        string activity = phase == EvaluationPhase.CrossCheck ? nameof(CrossEvaluate) : nameof(EvaluateBatch);

        // Fan out: schedule every chunk before awaiting any, so they run in parallel across workers; awaiting one by
        // one would run the chunks in sequence. Task.WhenAll keeps the chunks in order whatever order they finish in.
        var calls = requests
            .Chunk(Math.Max(1, batchSize))
            .Select(chunk => context.CallActivityAsync<EvaluateBatchOutput>(
                activity,
                new EvaluateBatchInput(sweepId, observer.CurrentStage, phase, chunk),
                SweepOrchestrator.ActivityRetry))
            .ToList();
        var outputs = await Task.WhenAll(calls);

        return outputs.SelectMany(o => o.Scores).ToList();
    }
}
