using SweepDomain.Evaluation;
using SweepDomain.Sweep;

namespace SweepLibrary;

/// <summary>
/// Passes every batch on to <paramref name="inner"/> and keeps each evaluation with its score, as the memo records it
/// (<see cref="EvaluationMemo.Sanitise"/>; the per-metric figures, which the sweep never reads, left out), so a
/// finished stage's scores can be saved for a later <c>--resume</c>.
/// </summary>
public sealed class ScoreRecorder(IEvaluator inner) : IEvaluator
{
    private readonly List<ScoredRequest> _scores = [];
    private int _taken;

    /// <inheritdoc/>
    public EvaluatorIdentity Identity => inner.Identity;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<EvaluationScore>> EvaluateAsync(IReadOnlyList<EvaluationRequest> requests, EvaluationPhase phase, CancellationToken cancellationToken)
    {
        var scores = await inner.EvaluateAsync(requests, phase, cancellationToken);
        lock (_scores)
        {
            for (int i = 0; i < Math.Min(requests.Count, scores.Count); i++)
            {
                _scores.Add(new ScoredRequest(requests[i], EvaluationMemo.Sanitise(scores[i]) with { Metrics = null }));
            }
        }

        return scores;
    }

    /// <summary>The evaluations scored since the last call, in the order they came back.</summary>
    public IReadOnlyList<ScoredRequest> TakeNew()
    {
        lock (_scores)
        {
            var fresh = _scores.Skip(_taken).ToList();
            _taken = _scores.Count;
            return fresh;
        }
    }
}
