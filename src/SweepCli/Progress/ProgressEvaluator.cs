using SweepDomain.Evaluation;
using SweepHosting.Evaluation;
using SweepHosting.Evaluation.Protocol;

namespace SweepCli.Progress;

/// <summary>
/// The CLI's evaluator: runs each batch on <paramref name="workers"/> threads and ticks the progress view as every
/// evaluation finishes. The batch it receives holds only evaluations not already known, so its size is the step's
/// real work.
/// </summary>
internal sealed class ProgressEvaluator : IEvaluator
{
    private readonly IEvaluator _inner;
    private readonly ProgressView _view;

    public ProgressEvaluator(IScenarioEvaluator evaluator, int workers, ProgressView view)
    {
        _view = view;
        _inner = new ParallelEvaluator(evaluator, workers, (_, _) => view.Evaluated());
    }

    /// <summary>The user's model behind the evaluator protocol, on its own workers.</summary>
    public ProgressEvaluator(ProcessEvaluator model, ProgressView view)
    {
        _view = view;
        _inner = model;
        model.OnEvaluated = (_, _) => view.Evaluated();
    }

    public EvaluatorIdentity Identity => _inner.Identity;

    public Task<IReadOnlyList<EvaluationScore>> EvaluateAsync(IReadOnlyList<EvaluationRequest> requests, EvaluationPhase phase, CancellationToken cancellationToken)
    {
        _view.SetTotal(requests.Count);
        return _inner.EvaluateAsync(requests, phase, cancellationToken);
    }
}
