using SweepDomain.Evidence;
using SweepDomain.Parameters;
using SweepDomain.Selection;

namespace SweepDomain.Sweep;

/// <summary>
/// One stage of the structured sweep (sweep-semantics §3): screening on seed 0, the tiers (plain or raced), the
/// carry-forward rule, the evidence for the winner, and the optional cross-scenario check. The CLI runs the stages one
/// after another through <see cref="SweepEngine"/>; the durable orchestrator runs one stage per execution. Both run
/// this very code, so they agree to the last bit. Deterministic: no clock, randomness, threads or I/O.
/// </summary>
public sealed class StageRunner(EvaluationMemo memo, ISweepObserver? observer = null)
{
    private readonly ISweepObserver _observer = observer ?? NullSweepObserver.Instance;

    /// <summary>Runs stage <paramref name="index"/> of <paramref name="plan"/> from <paramref name="incumbent"/>.</summary>
    public async Task<StageOutcome> RunAsync(SweepPlan plan, int index, ParamSet incumbent, CancellationToken cancellationToken = default)
    {
        var stage = plan.Stages[index];
        // Earlier stages count what they requested; this stage and the later ones count at most their bound. When the
        // stage is done, its own count replaces its bound, so a finished sweep's plan is what it did.
        long later = SweepCost.Remaining(plan, index + 1);
        int requestedBefore = memo.Requested, executedBefore = memo.Executed, failuresBefore = memo.Failures.Count;
        long planned = SweepCost.Add(SweepCost.Add(requestedBefore, SweepCost.Stage(plan, index)), later);
        BestSoFar? best = null;
        Task Report(StagePhase phase, int evaluations, TierStep? step = null, AdaptiveRound? round = null) => _observer.OnProgressAsync(
            new SweepProgress(index, plan.Stages.Count, stage.Label, phase, evaluations, memo.Requested, memo.Executed, planned, best, index, step, plan.Tiers.Count, round));

        cancellationToken.ThrowIfCancellationRequested();
        var candidates = StageCandidates.Build(stage, incumbent, plan.Schema);
        await Report(StagePhase.Screening, candidates.Count);
        var screened = await Screening.RunAsync(candidates, plan, memo, cancellationToken);
        screened = await AdaptiveSampler.RunAsync(screened, stage, plan, memo, cancellationToken,
            (round, evaluations) => Report(StagePhase.Adaptive, evaluations, round: round));
        best = Best(screened[0], plan);

        var tiers = await TieredStability.RunAsync(screened, plan, memo, new TieredStability.Listener(
            (step, evaluations) => Report(StagePhase.Tier, evaluations, step),
            leader => best = Best(leader, plan)), cancellationToken);
        int tierRequests = memo.Requested - requestedBefore;
        var incumbentCandidate = tiers.All.Values.Single(x => x.Candidate.IsIncumbent).Candidate;
        var stop = StageStop.Of(tiers, plan);
        var (winner, decision) = tiers.Equivalence is null
            ? CarryForwardPolicy.Choose(tiers.Ranking, incumbentCandidate, plan)
            : (incumbentCandidate, new CarryForwardDecision(plan.CarryForward.ToText(), plan.Alpha, "equivalence stop: the incumbent is kept once every survivor is within the margin of it", stop.Text));
        best = Best(winner, plan);

        CrossScenarioResult? cross = null;
        if (plan.CrossSchema is not null)
        {
            await Report(StagePhase.CrossCheck, plan.Schemas.Count * plan.CrossSeeds);
            cross = await CrossScenarioCheck.RunAsync(winner.Params, plan, memo, cancellationToken);
        }

        var versusIncumbent = winner.IsIncumbent ? null : PairedComparison.Between(winner.Seeds, incumbentCandidate.Seeds);
        var result = new StageResult(
            stage.Label,
            winner.Params,
            winner.Combined(plan.KFactor),
            winner.Mean,
            winner.Std,
            winner.PassRate,
            winner.SeedCount,
            winner.SeedScores,
            (int)stage.CombinationCount,
            IncumbentAdded: incumbentCandidate.Index >= stage.CombinationCount,
            IncumbentCombined: incumbentCandidate.Combined(plan.KFactor),
            Improved: !winner.IsIncumbent,
            cross,
            memo.Requested - requestedBefore,
            memo.Executed - executedBefore,
            decision,
            versusIncumbent,
            Verdict(winner, incumbentCandidate, versusIncumbent, tiers.Ranking, plan),
            plan.Racing
                ? new RaceSummary(plan.RaceBlock, plan.Alpha, tiers.All.Values.Count(x => x.Dropped is not null), tierRequests, SweepCost.Tiers(screened.Count, plan.Tiers))
                : null,
            stop);

        planned = SweepCost.Add(memo.Requested, later);
        await Report(StagePhase.Done, 0);
        var reports = Reports(tiers, winner, incumbentCandidate, plan);
        var failures = StageFailures.Of(memo.Failures.Skip(failuresBefore).ToList(), memo.Executed - executedBefore);
        return new StageOutcome(index, result, reports, ParameterEffects.Of(stage, reports), stage.DesignText, failures);
    }

    /// <summary>
    /// The stage's evidence in one sentence (see <see cref="EvidenceText.Verdict"/>): the winner against the incumbent,
    /// or, when the incumbent is kept, against the best of the other candidates, so the size of its lead is stated too.
    /// </summary>
    private static string Verdict(Candidate winner, Candidate incumbent, PairedComparison? versusIncumbent, IReadOnlyList<Candidate> ranking, SweepPlan plan)
    {
        if (versusIncumbent is not null)
        {
            return EvidenceText.Verdict("winner vs incumbent", versusIncumbent, plan.Alpha, PassRates(winner, incumbent));
        }

        var runnerUp = ranking.FirstOrDefault(c => c.Index != winner.Index);
        return runnerUp is null
            ? $"winner is the incumbent, kept: no other candidate reached the last tier ({winner.SeedCount} seeds)"
            : EvidenceText.Verdict($"winner is the incumbent, kept; against the best other candidate {runnerUp.Params}", PairedComparison.Between(winner.Seeds, runnerUp.Seeds), plan.Alpha, PassRates(winner, runnerUp));
    }

    /// <summary>The pass rates of <paramref name="a"/> and <paramref name="b"/> on their common seeds.</summary>
    private static (double, double) PassRates(Candidate a, Candidate b)
    {
        int n = Math.Min(a.SeedCount, b.SeedCount);
        double Rate(Candidate c) => n == 0 ? 0 : (double)c.Seeds.Take(n).Count(s => s.Passed) / n;
        return (Rate(a), Rate(b));
    }

    /// <summary>Every candidate's figures in grid order, with its comparisons when it is ranked.</summary>
    private static IReadOnlyList<CandidateReport> Reports(TieredStability.Outcome tiers, Candidate winner, Candidate incumbent, SweepPlan plan)
    {
        var ranks = tiers.Ranking.Select((c, r) => (c.Index, Rank: r + 1)).ToDictionary(x => x.Index, x => x.Rank);
        return tiers.All.Values
            .OrderBy(x => x.Candidate.Index)
            .Select(x =>
            {
                var c = x.Candidate;
                bool ranked = ranks.TryGetValue(c.Index, out int rank);
                return CandidateReport.From(c, plan.KFactor, x.Tiers, ranked ? rank : null) with
                {
                    VersusWinner = ranked && c.Index != winner.Index ? PairedComparison.Between(c.Seeds, winner.Seeds) : null,
                    VersusIncumbent = ranked && !c.IsIncumbent ? PairedComparison.Between(c.Seeds, incumbent.Seeds) : null,
                    Dropped = x.Dropped,
                    ByTier = ByTier(c, x.Tiers, plan),
                };
            })
            .ToList();
    }

    /// <summary>Screening, then each tier the candidate entered, on the seeds it had at that tier's end.</summary>
    private static IReadOnlyList<TierFigure> ByTier(Candidate c, int tiersReached, SweepPlan plan) =>
        Enumerable.Range(0, tiersReached + 1)
            .Select(t => TierFigure.Of(t, c.Seeds.Take(t == 0 ? 1 : Math.Min(c.SeedCount, plan.Tiers[t - 1].Seeds)).ToList()))
            .ToList();

    private static BestSoFar Best(Candidate c, SweepPlan plan) => new(c.Params, c.Combined(plan.KFactor), c.Mean, c.SeedCount);
}
