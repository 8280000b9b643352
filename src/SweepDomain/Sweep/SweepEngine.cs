using SweepDomain.Evaluation;
using SweepDomain.Parameters;

namespace SweepDomain.Sweep;

/// <summary>All stages of a sweep, the final carried-forward config, the evaluation counts and the evaluations that failed.</summary>
public sealed record SweepOutcome(IReadOnlyList<StageOutcome> Stages, ParamSet Final, int EvaluationsRequested, int EvaluationsExecuted, IReadOnlyList<FailedEvaluation>? Failures = null);

/// <summary>
/// The structured sweep, written once (sweep-semantics §3): the stages in order, each run by <see cref="StageRunner"/>
/// from the winner the previous one carried forward, with one <see cref="EvaluationMemo"/> across them. It is
/// deterministic (no clock, randomness, threads or I/O; every await continues on the caller's context), so the CLI and
/// tests drive the very same code the durable orchestrator replays stage by stage.
/// </summary>
public sealed class SweepEngine(IEvaluator evaluator, ISweepObserver? observer = null)
{
    private readonly ISweepObserver _observer = observer ?? NullSweepObserver.Instance;

    public async Task<SweepOutcome> RunAsync(SweepPlan plan, CancellationToken cancellationToken = default)
    {
        var memo = new EvaluationMemo(evaluator, plan.Schemas);
        var runner = new StageRunner(memo, _observer);
        var incumbent = plan.Base;
        var outcomes = new List<StageOutcome>();
        for (int i = 0; i < plan.Stages.Count; i++)
        {
            var outcome = await runner.RunAsync(plan, i, incumbent, cancellationToken);
            incumbent = outcome.Result.WinnerParams;
            outcomes.Add(outcome);
            await _observer.OnStageCompletedAsync(outcome);
        }

        return new SweepOutcome(outcomes, incumbent, memo.Requested, memo.Executed, memo.Failures.ToList());
    }
}
