using Microsoft.DurableTask;
using SweepDomain.Evaluation;
using SweepFunctions.Activities;
using SweepFunctions.Scores;

namespace SweepFunctions.Orchestration;

/// <summary>
/// The sweep's evaluation port inside an orchestrator: a batch of requests becomes activity calls (<c>EvaluateBatch</c>,
/// or <c>CrossEvaluate</c> for the cross-scenario check), each carrying its configs once with seed runs, and the scores
/// come back flattened in request order. The calls are scheduled together (fan-out) and the progress advances as each
/// one returns. Their size is <see cref="BatchSizing"/>'s: <paramref name="initialBatchSize"/> until the batches'
/// measured time (<see cref="Timing"/>, from <paramref name="timing"/> of earlier stages on) says how many evaluations
/// make a few seconds of work.
/// </summary>
public sealed class DurableEvaluator(TaskOrchestrationContext context, string sweepId, int stage, int initialBatchSize, BatchTiming timing, OrchestrationObserver observer) : IEvaluator
{
    private int _calls;

    /// <summary>The measured time of every batch returned so far, this stage's and the earlier stages'.</summary>
    public BatchTiming Timing { get; private set; } = timing;

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
        var chunks = requests.Chunk(BatchSizing.For(requests.Count, Timing, initialBatchSize)).ToList();
        var calls = chunks
            .Select((chunk, batch) => context.CallActivityAsync<EvaluatedBatch>(
                activity,
                new EvaluateBatchInput(sweepId, stage, observer.CurrentStage, phase, call, batch, chunk[0].Periods, ConfigSeeds.Of(chunk), Named?.Name),
                SweepOrchestrator.ActivityRetry))
            .ToList();

        // Fan in as they finish: each call's own continuation checks it and moves the progress on (continuations run in
        // the history's order, so replay sees the same), then the scores are kept in request order and the timings
        // summed in that order too, so the sum is the same on every replay. Linear in the calls.
        var batches = await Task.WhenAll(calls.Select((task, batch) => ReceiveAsync(task, chunks[batch].Length)));
        foreach (var batch in batches)
        {
            Timing = Timing.Add(batch.Seconds, batch.Scores.Count);
        }

        return batches.SelectMany(b => b.Scores.All).ToList();
    }

    private async Task<EvaluatedBatch> ReceiveAsync(Task<EvaluatedBatch> call, int expected)
    {
        var batch = await call;
        if (batch.Scores.Count != expected)
        {
            throw new InvalidOperationException($"A batch of {expected} evaluations returned {batch.Scores.Count} scores.");
        }

        observer.OnBatchEvaluated(expected);
        return batch;
    }
}
