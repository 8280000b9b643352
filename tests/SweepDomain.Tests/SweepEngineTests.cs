using SweepDomain.Evaluation;
using SweepDomain.Parameters;
using SweepDomain.Requests;
using SweepDomain.Sweep;
using SweepTestKit;

namespace SweepDomain.Tests;

public class SweepEngineTests
{
    private static SweepPlan Plan(string[] stages, string tiers = "2:3,1:5", ParamSet? baseParams = null, string? cross = null)
    {
        var errors = new ValidationErrors();
        var plan = SweepRequestValidator.Validate(new SweepRequest
        {
            Scenario = TestScenarios.Quadratic,
            Stages = stages.Select(s => new StageInput(s)).ToList(),
            Base = baseParams,
            Periods = 50,
            StabilityTiers = tiers,
            CrossScenario = cross,
            CrossSeeds = 4,
        }, TestScenarios.Catalog, errors);
        Assert.True(errors.IsEmpty, errors.ToString());
        return plan!;
    }

    [Fact]
    public async Task Sweep_OneStage_EvaluatesExactSeedIdsPerTier()
    {
        var evaluator = new RecordingEvaluator();

        await new SweepEngine(evaluator).RunAsync(Plan(["A:x=0.1,0.3,0.5"]));

        // Screening in grid order on seed 0; tier 1 (2:3) = screening leaders 0.3, 0.1 plus the incumbent 0.5 on
        // seeds 1-2; tier 2 (1:5) = the leader 0.3 plus the incumbent on seeds 3-4.
        Assert.Equal(
            [
                "0.1@0", "0.3@0", "0.5@0",
                "0.3@1", "0.3@2", "0.1@1", "0.1@2", "0.5@1", "0.5@2",
                "0.3@3", "0.3@4", "0.5@3", "0.5@4",
            ],
            evaluator.Seen.Select(r => $"{r.Params.Single(p => p.Key == "x").Value}@{r.Seed}"));
        Assert.All(evaluator.Seen, r => Assert.Equal(50, r.Periods));
    }

    [Fact]
    public async Task Sweep_OneStage_WinnerHasWrittenOutScores()
    {
        var outcome = await new SweepEngine(new RecordingEvaluator()).RunAsync(Plan(["A:x=0.1,0.3,0.5"]));

        var result = Assert.Single(outcome.Stages).Result;
        Assert.Equal("{x: 0.3}", result.WinnerParams.ToString());
        Assert.Equal([0.953, 0.959, 0.965, 0.971, 0.977], result.SeedScores.Select(s => Math.Round(s, 12)));
        Assert.Equal(0.965, result.MeanScore, 12);
        Assert.Equal(0.00948683298, result.StdScore, 10);          // sqrt(0.00036 / 4)
        Assert.Equal(1.0, result.PassRate);
        Assert.Equal(0.95584520617, result.CombinedScore, 10);     // 0.965 × 1 × (1 − 0.0094868)
        Assert.Equal(5, result.NSeeds);
        Assert.Equal(3, result.NCandidates);
        Assert.False(result.IncumbentAdded);                        // x = 0.5 is the default and is in the grid
        Assert.Equal(0.91622467949, result.IncumbentCombined, 10); // 0.925 × 1 × (1 − 0.0094868)
        Assert.True(result.Improved);
        Assert.Equal(13, result.EvaluationsRequested);
        Assert.Equal(13, result.EvaluationsExecuted);
    }

    [Fact]
    public async Task Sweep_TwoStages_CarryTheWinnerForwardAndReuseTheIncumbentsRuns()
    {
        var evaluator = new RecordingEvaluator();

        var outcome = await new SweepEngine(evaluator).RunAsync(Plan(["A:x=0.1,0.3,0.5", "B:n=3,4"]));

        var b = outcome.Stages[1].Result;
        Assert.Equal("{x: 0.3, n: 4}", b.WinnerParams.ToString());
        Assert.Equal("{x: 0.3, n: 4}", outcome.Final.ToString());
        Assert.True(b.IncumbentAdded);                 // n = 2 (the default) is not in B's grid
        Assert.Equal(2, b.NCandidates);
        // B asks for 3 + 3×2 + 2×2 = 13 runs; the incumbent {x: 0.3} with n at its default is stage A's winner,
        // whose five seeds are already known.
        Assert.Equal(13, b.EvaluationsRequested);
        Assert.Equal(8, b.EvaluationsExecuted);
        Assert.Equal(26, outcome.EvaluationsRequested);
        Assert.Equal(21, outcome.EvaluationsExecuted);
        Assert.Equal(21, evaluator.Seen.Count);
        Assert.All(evaluator.Seen.Skip(13), r => Assert.Equal(ParamValue.Float(0.3), r.Params.Single(p => p.Key == "x").Value));
    }

    [Fact]
    public async Task Sweep_WhenTheIncumbentStaysBest_ReportsNoImprovement()
    {
        var outcome = await new SweepEngine(new RecordingEvaluator()).RunAsync(Plan(["A:x=0.1,0.2"], baseParams: ParamSet.Of(("x", 0.3))));

        var result = outcome.Stages[0].Result;
        Assert.Equal("{x: 0.3}", result.WinnerParams.ToString());
        Assert.False(result.Improved);
        Assert.True(result.IncumbentAdded);
        Assert.Equal(result.CombinedScore, result.IncumbentCombined);
    }

    [Fact]
    public async Task Sweep_WhenNoCandidatePasses_KeepsTheBase()
    {
        // n = 10 costs 0.36 and x near 1 costs ~0.4: every score is below the 0.5 pass line, so every combined is 0.
        var baseParams = ParamSet.Of(("n", 10), ("x", 1.0));

        var outcome = await new SweepEngine(new RecordingEvaluator()).RunAsync(Plan(["A:x=0.9,0.95"], baseParams: baseParams));

        var result = outcome.Stages[0].Result;
        Assert.Equal("{n: 10, x: 1.0}", result.WinnerParams.ToString());
        Assert.False(result.Improved);
        Assert.Equal(0.0, result.CombinedScore);
        Assert.Equal(0.0, result.PassRate);
        Assert.Equal(baseParams, outcome.Final);
    }

    [Fact]
    public async Task Sweep_CrossScenario_RecordsBothScenariosFigures()
    {
        var evaluator = new RecordingEvaluator();

        var outcome = await new SweepEngine(evaluator).RunAsync(Plan(["A:x=0.3,0.7"], tiers: "2:2", cross: TestScenarios.Other));

        var cross = outcome.Stages[0].Result.CrossScenario!;
        Assert.Equal([TestScenarios.Quadratic, TestScenarios.Other], cross.Scenarios.Select(s => s.Scenario));
        Assert.Equal(4, cross.Seeds);
        var other = cross.Scenarios[1];
        // Winner x = 0.3 scores 1 − 0.16 − 0.04 + wobble on "other": seeds 0-3 give 0.793, 0.799, 0.805, 0.811.
        Assert.Equal([0.793, 0.799, 0.805, 0.811], other.SeedScores.Select(s => Math.Round(s, 12)));
        Assert.Equal(0.802, other.Mean, 12);
        Assert.Equal(1.0, other.PassRate);
        Assert.Equal(0, other.FailingSeeds);
        // Screening 3 (x = 0.3, 0.7 and the incumbent 0.5), tier 2 × 1, cross-check 2 × 4. The winner's main-scenario
        // seeds 0-1 were already run in the tier, so only 2 of its 4 main-scenario runs are new.
        Assert.Equal(3 + 2 + 8, outcome.EvaluationsRequested);
        Assert.Equal(3 + 2 + 2 + 4, outcome.EvaluationsExecuted);
    }

    [Fact]
    public async Task Sweep_ReportsProgressAndEachStageAsItEnds()
    {
        var observer = new ListObserver();

        await new SweepEngine(new RecordingEvaluator(), observer).RunAsync(Plan(["A:x=0.1,0.3", "B:n=3,4"]));

        Assert.Equal(
            ["A screening", "A tier 1 of 2", "A tier 2 of 2", "A done", "stage A", "B screening", "B tier 1 of 2", "B tier 2 of 2", "B done", "stage B"],
            observer.Events);
    }

    [Fact]
    public async Task Sweep_NonFiniteScore_CountsAsAFailedSeedWithScoreZero()
    {
        var outcome = await new SweepEngine(new NanEvaluator()).RunAsync(Plan(["A:x=0.1,0.3"], tiers: "2:2"));

        var candidate = outcome.Stages[0].Candidates[0];
        Assert.Equal([0.0, 0.0], candidate.SeedScores);
        Assert.Equal(0.0, candidate.PassRate);
    }

    [Fact]
    public async Task Progress_names_each_phase_once_as_a_type_and_shows_the_latest_leader_and_the_stages_already_finished()
    {
        var observer = new ListObserver();

        await new SweepEngine(new RecordingEvaluator(), observer).RunAsync(Plan(["A:x=0.1,0.3,0.5", "B:n=3,4"]));

        // Each phase shows the leader after the one before it: 1 seed after screening, 3 after tier 1, 5 at the end.
        Assert.Equal(
            [
                "A screening: best - on 0 seeds, 0 finished",
                "A tier 1 of 2: best {x: 0.3} on 1 seeds, 0 finished",
                "A tier 2 of 2: best {x: 0.3} on 3 seeds, 0 finished",
                "A done: best {x: 0.3} on 5 seeds, 0 finished",
                "B screening: best - on 0 seeds, 1 finished",
                "B tier 1 of 2: best {x: 0.3, n: 4} on 1 seeds, 1 finished",
                "B tier 2 of 2: best {x: 0.3, n: 4} on 3 seeds, 1 finished",
                "B done: best {x: 0.3, n: 4} on 5 seeds, 1 finished",
            ],
            observer.Progress.Select(p => $"{p.StageLabel} {p.PhaseText}: best {p.Best?.Params.ToString() ?? "-"} on {p.Best?.Seeds ?? 0} seeds, {p.StagesFinished} finished"));
        StagePhase[] stagePhases = [StagePhase.Screening, StagePhase.Tier, StagePhase.Tier, StagePhase.Done];
        Assert.Equal([.. stagePhases, .. stagePhases], observer.Progress.Select(p => p.Phase));
    }

    [Fact]
    public async Task Progress_of_a_stage_with_adaptive_rounds_names_each_round_after_screening_the_sobol_points()
    {
        var observer = new ListObserver();

        await new SweepEngine(new RecordingEvaluator(), observer).RunAsync(Plan(["A[sobol 16, adaptive 8]:x=0..1 n=1..10"]));

        // 16 Sobol points and the incumbent, then 8 adaptive candidates in rounds of max(4, 16 / 4) = 4, then the tiers
        // (2 + the incumbent, then 1 + the incumbent, 2 more seeds each).
        Assert.Equal(
            ["A screening: 17", "A adaptive round 1 of 2: 4", "A adaptive round 2 of 2: 4", "A tier 1 of 2: 6", "A tier 2 of 2: 4", "A done: 0"],
            observer.Progress.Select(p => $"{p.StageLabel} {p.PhaseText}: {p.PhaseEvaluations}"));
        Assert.Equal([null, new AdaptiveRound(1, 2), new AdaptiveRound(2, 2), null, null, null], observer.Progress.Select(p => p.Round));
    }

    private sealed class ListObserver : ISweepObserver
    {
        public List<string> Events { get; } = [];

        public List<SweepProgress> Progress { get; } = [];

        public Task OnProgressAsync(SweepProgress progress)
        {
            Progress.Add(progress);
            Events.Add($"{progress.StageLabel} {progress.PhaseText}");
            return Task.CompletedTask;
        }

        public Task OnStageCompletedAsync(StageOutcome outcome)
        {
            Events.Add($"stage {outcome.Result.Label}");
            return Task.CompletedTask;
        }
    }

    private sealed class NanEvaluator : IEvaluator
    {
        public Task<IReadOnlyList<EvaluationScore>> EvaluateAsync(IReadOnlyList<EvaluationRequest> requests, EvaluationPhase phase, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<EvaluationScore>>(requests.Select(_ => new EvaluationScore(double.NaN, 0, 0, 0)).ToList());
    }
}
