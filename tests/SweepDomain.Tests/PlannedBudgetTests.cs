using SweepDomain.Requests;
using SweepDomain.Sweep;
using SweepTestKit;

namespace SweepDomain.Tests;

public class PlannedBudgetTests
{
    private static SweepPlan Plan(params string[] stages)
    {
        var errors = new ValidationErrors();
        var plan = SweepRequestValidator.Validate(new SweepRequest
        {
            Scenario = TestScenarios.Quadratic,
            Stages = stages.Select(s => new StageInput(s)).ToList(),
            Periods = 10,
            StabilityTiers = "10:10,10:100",
        }, TestScenarios.Catalog, errors);
        Assert.True(errors.IsEmpty, errors.ToString());
        return plan!;
    }

    [Fact]
    public void Plan_counts_the_incumbent_once_when_it_is_in_the_grid()
    {
        // The incumbent {x: 0.5} (the default) is the grid's second combination: 2 + 2 × 9 + 2 × 90 = 200, not 300.
        var plan = Plan("A:x=0.3,0.5");

        Assert.False(SweepCost.IncumbentMayBeAdded(plan, 0));
        Assert.Equal(200, SweepCost.Stage(plan, 0));
    }

    [Fact]
    public void Plan_adds_the_incumbent_when_it_is_not_in_the_grid_or_an_earlier_stage_may_have_moved_it()
    {
        // Stage A: the default x = 0.5 is not on the axis (3 candidates, 300). Stage B sweeps x again, so A's winner may
        // or may not be on B's axis: at most 300. Stage C sweeps n, untouched before, with its default 2 on the axis: 200.
        var plan = Plan("A:x=0.3,0.4", "B:x=0.3,0.5", "C:n=2,4");

        Assert.Equal([true, true, false], Enumerable.Range(0, 3).Select(i => SweepCost.IncumbentMayBeAdded(plan, i)));
        Assert.Equal(800, SweepCost.Sweep(plan));
    }

    [Fact]
    public async Task A_finished_sweep_reports_what_it_did_as_its_plan()
    {
        // 3 + 3 × 9 + 3 × 90 = 300 at most for A (x = 0.5 is not on the axis: the incumbent is added); B's incumbent is
        // A's winner, in B's grid by construction of the memo: B's screening and tiers are all reused.
        var plan = Plan("A:x=0.3,0.4", "B:n=2,4");
        var observer = new ProgressLog();

        var outcome = await new SweepEngine(new RecordingEvaluator(), observer).RunAsync(plan);

        Assert.Equal(500, observer.Seen[0].EvaluationsPlanned);   // 300 + 200
        var last = observer.Seen[^1];
        Assert.Equal(StagePhase.Done, last.Phase);
        Assert.Equal(outcome.EvaluationsRequested, last.EvaluationsRequested);
        Assert.Equal(last.EvaluationsRequested, last.EvaluationsPlanned);
        Assert.Equal(500, outcome.EvaluationsRequested);
    }

    private sealed class ProgressLog : ISweepObserver
    {
        public List<SweepProgress> Seen { get; } = [];

        public Task OnProgressAsync(SweepProgress progress)
        {
            Seen.Add(progress);
            return Task.CompletedTask;
        }

        public Task OnStageCompletedAsync(StageOutcome outcome) => Task.CompletedTask;
    }
}
