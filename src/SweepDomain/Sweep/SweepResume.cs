namespace SweepDomain.Sweep;

/// <summary>
/// The finished first stages of a sweep, to run the rest as if the sweep had never stopped: their outcomes (whose
/// winners carry forward and whose counts start the memo), every score they had evaluated (so the later stages reuse
/// what one memo across the whole sweep would have reused), and the evaluations of theirs that failed.
/// </summary>
public sealed record SweepResume(IReadOnlyList<StageOutcome> Stages, IReadOnlyList<ScoredRequest> Scores, IReadOnlyList<FailedEvaluation> Failures)
{
    /// <summary>Evaluations the finished stages requested, counting repeats.</summary>
    public int Requested => Stages.Sum(s => s.Result.EvaluationsRequested);

    /// <summary>Evaluations the finished stages ran.</summary>
    public int Executed => Stages.Sum(s => s.Result.EvaluationsExecuted);
}
