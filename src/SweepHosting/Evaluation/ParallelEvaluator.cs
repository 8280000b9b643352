using SweepDomain.Evaluation;

namespace SweepHosting.Evaluation;

/// <summary>
/// Runs a batch on all cores (or <paramref name="workers"/>) with a synchronous <see cref="IScenarioEvaluator"/>.
/// An adapter for hosts (the CLI, the batch activity); it uses threads, so it lives outside the domain and is never
/// used inside an orchestrator. Scores come back in request order whatever order they finished in.
/// <paramref name="onEvaluated"/> hears each finished evaluation.
/// </summary>
public sealed class ParallelEvaluator(IScenarioEvaluator evaluator, int workers = 0, Action<EvaluationRequest, EvaluationScore>? onEvaluated = null) : IEvaluator
{
    public int Workers { get; } = workers > 0 ? workers : Environment.ProcessorCount;

    public Task<IReadOnlyList<EvaluationScore>> EvaluateAsync(IReadOnlyList<EvaluationRequest> requests, EvaluationPhase phase, CancellationToken cancellationToken) =>
        Task.Run(() => Evaluate(requests, cancellationToken), cancellationToken);

    public IReadOnlyList<EvaluationScore> Evaluate(IReadOnlyList<EvaluationRequest> requests, CancellationToken cancellationToken)
    {
        var scores = new EvaluationScore[requests.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Workers, CancellationToken = cancellationToken };
        Parallel.For(0, requests.Count, options, i =>
        {
            scores[i] = evaluator.Evaluate(requests[i]);
            onEvaluated?.Invoke(requests[i], scores[i]);
        });
        return scores;
    }
}
