using SweepDomain.Evaluation;
using SweepDomain.Parameters;

namespace SweepDomain.Sweep;

/// <summary>All stages of a sweep, the final carried-forward config, the evaluation counts and the evaluations that failed.</summary>
public sealed record SweepOutcome(IReadOnlyList<StageOutcome> Stages, ParamSet Final, int EvaluationsRequested, int EvaluationsExecuted, IReadOnlyList<FailedEvaluation>? Failures = null);

/// <summary>
/// The structured sweep, written once (sweep-semantics §3): the stages in order, each run by <see cref="StageRunner"/>
/// from the winner the previous one carried forward, with one <see cref="EvaluationMemo"/> across them. It is
/// deterministic (no clock, randomness, threads or I/O; every await continues on the caller's context), so the CLI and
/// tests drive the very same code the durable orchestrator replays stage by stage. Given a <see cref="SweepResume"/>, it
/// starts after the stages already finished, with their scores in the memo and their counts, so what follows is what
/// the uninterrupted sweep would have done; the observer hears only the stages run here.
/// </summary>
public sealed class SweepEngine(IEvaluator evaluator, ISweepObserver? observer = null)
{
    private readonly ISweepObserver _observer = observer ?? NullSweepObserver.Instance;

    public Task<SweepOutcome> RunAsync(SweepPlan plan, CancellationToken cancellationToken = default) => RunAsync(plan, null, cancellationToken);

    public async Task<SweepOutcome> RunAsync(SweepPlan plan, SweepResume? resume, CancellationToken cancellationToken = default)
    {
        resume ??= new SweepResume([], [], []);
        if (resume.Stages.Count > plan.Stages.Count)
        {
            throw new ArgumentException($"{resume.Stages.Count} finished stages cannot resume a sweep of {plan.Stages.Count}.", nameof(resume));
        }

        var memo = new EvaluationMemo(evaluator, plan.Schemas, resume.Requested, resume.Executed);
        foreach (var scored in resume.Scores)
        {
            memo.Remember(scored.Request, scored.Score);
        }

        var runner = new StageRunner(memo, _observer);
        var incumbent = resume.Stages.Count > 0 ? resume.Stages[^1].Result.WinnerParams : plan.Base;
        var outcomes = new List<StageOutcome>(resume.Stages);
        for (int i = resume.Stages.Count; i < plan.Stages.Count; i++)
        {
            var outcome = await runner.RunAsync(plan, i, incumbent, cancellationToken);
            incumbent = outcome.Result.WinnerParams;
            outcomes.Add(outcome);
            await _observer.OnStageCompletedAsync(outcome);
        }

        return new SweepOutcome(outcomes, incumbent, memo.Requested, memo.Executed, [.. resume.Failures, .. memo.Failures]);
    }
}
