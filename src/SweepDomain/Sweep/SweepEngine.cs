using SweepDomain.Evaluation;
using SweepDomain.Parameters;

namespace SweepDomain.Sweep;

/// <summary>All stages of a sweep, the final carried-forward config and the evaluation counts.</summary>
public sealed record SweepOutcome(IReadOnlyList<StageOutcome> Stages, ParamSet Final, int EvaluationsRequested, int EvaluationsExecuted);

/// <summary>
/// The structured sweep, written once (sweep-semantics §3): for each stage, screening on seed 0, tiered stability,
/// the winner carried forward, and the optional cross-scenario check. It is deterministic (no clock, randomness,
/// threads or I/O; every await continues on the caller's context), so a durable orchestrator can replay it and
/// the CLI and tests drive the very same code in-process.
/// </summary>
public sealed class SweepEngine(IEvaluator evaluator, ISweepObserver? observer = null)
{
    private readonly ISweepObserver _observer = observer ?? NullSweepObserver.Instance;

    public async Task<SweepOutcome> RunAsync(SweepPlan plan, CancellationToken cancellationToken = default)
    {
        var memo = new EvaluationMemo(evaluator, plan.Schemas);
        int planned = SweepCost.Sweep(plan);
        var incumbent = plan.Base;
        var outcomes = new List<StageOutcome>();
        for (int i = 0; i < plan.Stages.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = await RunStageAsync(i, plan, incumbent, memo, planned, cancellationToken);
            incumbent = outcome.Result.WinnerParams;
            outcomes.Add(outcome);
            await _observer.OnStageCompletedAsync(outcome);
        }

        return new SweepOutcome(outcomes, incumbent, memo.Requested, memo.Executed);
    }

    private async Task<StageOutcome> RunStageAsync(int index, SweepPlan plan, ParamSet currentBase, EvaluationMemo memo, int planned, CancellationToken cancellationToken)
    {
        var stage = plan.Stages[index];
        int requestedBefore = memo.Requested, executedBefore = memo.Executed;
        BestSoFar? best = null;
        Task Report(string phase, int evaluations) => _observer.OnProgressAsync(
            new SweepProgress(index, plan.Stages.Count, stage.Label, phase, evaluations, memo.Requested, memo.Executed, planned, best));

        var candidates = StageCandidates.Build(stage, currentBase, plan.Schema);
        await Report("screening", candidates.Count);
        var screened = await Screening.RunAsync(candidates, plan, memo, cancellationToken);
        best = Best(screened[0], plan);

        var tiers = await TieredStability.RunAsync(screened, plan, memo, async (t, evaluations) =>
        {
            await Report($"tier {t + 1} of {plan.Tiers.Count}", evaluations);
        }, cancellationToken);
        var winner = tiers.Ranking[0];
        best = Best(winner, plan);

        CrossScenarioResult? cross = null;
        if (plan.CrossSchema is not null)
        {
            await Report("cross-scenario check", plan.Schemas.Count * plan.CrossSeeds);
            cross = await CrossScenarioCheck.RunAsync(winner.Params, plan, memo, cancellationToken);
        }

        await Report("done", 0);
        var incumbent = tiers.All.Values.Single(x => x.Candidate.IsIncumbent).Candidate;
        var result = new StageResult(
            stage.Label,
            winner.Params,
            winner.Combined(plan.KFactor),
            winner.Mean,
            winner.Std,
            winner.PassRate,
            winner.SeedCount,
            winner.SeedScores,
            stage.CombinationCount,
            IncumbentAdded: incumbent.Index >= stage.CombinationCount,
            IncumbentCombined: incumbent.Combined(plan.KFactor),
            Improved: !winner.IsIncumbent,
            cross,
            memo.Requested - requestedBefore,
            memo.Executed - executedBefore);

        var ranks = tiers.Ranking.Select((c, r) => (c.Index, Rank: r + 1)).ToDictionary(x => x.Index, x => x.Rank);
        var reports = tiers.All.Values
            .OrderBy(x => x.Candidate.Index)
            .Select(x => CandidateReport.From(x.Candidate, plan.KFactor, x.Tiers, ranks.TryGetValue(x.Candidate.Index, out int r) ? r : null))
            .ToList();
        return new StageOutcome(index, result, reports);
    }

    private static BestSoFar Best(Candidate c, SweepPlan plan) => new(c.Params, c.Combined(plan.KFactor), c.Mean, c.SeedCount);
}
