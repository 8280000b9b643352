using SweepDomain.Parameters;
using SweepDomain.Requests;
using SweepDomain.Stages;
using SweepDomain.Sweep;
using SweepTestKit;

namespace SweepDomain.Tests;

/// <summary>How a stage over ranges draws its candidates: Sobol inside each cell, then the adaptive rounds, within the budget.</summary>
public class StageDesignTests
{
    private static readonly ScenarioSchema Schema = TestScenarios.Schema(TestScenarios.Quadratic);

    private static SweepPlan Plan(string stage, string tiers = "4:3,2:5")
    {
        var errors = new ValidationErrors();
        var plan = SweepRequestValidator.Validate(new SweepRequest
        {
            Scenario = TestScenarios.Quadratic, Stages = [new StageInput(stage)], Periods = 50, StabilityTiers = tiers,
        }, TestScenarios.Catalog, errors);
        Assert.True(errors.IsEmpty, errors.ToString());
        return plan!;
    }

    [Fact]
    public void A_categorical_grid_gets_the_same_sobol_points_in_each_cell_and_the_incumbent_after_every_design_index()
    {
        var plan = Plan("A[sobol 4, adaptive 3]:mode=plain,fancy x=0..1");

        var candidates = StageCandidates.Build(plan.Stages[0], ParamSet.Empty, Schema);

        Assert.Equal(9, candidates.Count);
        var plain = candidates.Take(4).Select(c => c.Params.Get("x")).ToList();
        var fancy = candidates.Skip(4).Take(4).Select(c => c.Params.Get("x")).ToList();
        Assert.All(candidates.Take(4), c => Assert.Equal(ParamValue.Text("plain"), c.Params.Get("mode")));
        Assert.All(candidates.Skip(4).Take(4), c => Assert.Equal(ParamValue.Text("fancy"), c.Params.Get("mode")));
        Assert.Equal(plain, fancy);
        Assert.Equal(Enumerable.Range(0, 4), plain.Select(v => (int)(v.AsDouble * 4)).Order());   // one point in each quarter
        Assert.Equal((11, true), (candidates[^1].Index, candidates[^1].IsIncumbent));           // 2 cells x 4 + 3 adaptive
    }

    [Fact]
    public void The_same_stage_draws_the_same_candidates_and_another_label_draws_others()
    {
        var a = StageCandidates.Build(Plan("A[sobol 8]:x=0..1 n=1..10").Stages[0], ParamSet.Empty, Schema);
        var again = StageCandidates.Build(Plan("A[sobol 8]:x=0..1 n=1..10").Stages[0], ParamSet.Empty, Schema);
        var other = StageCandidates.Build(Plan("B[sobol 8]:x=0..1 n=1..10").Stages[0], ParamSet.Empty, Schema);

        Assert.Equal(a.Select(c => c.Params), again.Select(c => c.Params));
        Assert.NotEqual(a.Take(8).Select(c => c.Params), other.Take(8).Select(c => c.Params));
    }

    [Fact]
    public void An_int_range_narrower_than_the_point_count_skips_repeated_points()
    {
        var candidates = StageCandidates.Build(Plan("A[sobol 16]:n=1..4").Stages[0], ParamSet.Of(("n", 2)), Schema);

        Assert.Equal([1L, 2L, 3L, 4L], candidates.Select(c => c.Params.Get("n").AsInt).Order());
        Assert.Single(candidates, c => c.IsIncumbent);
    }

    [Fact]
    public async Task The_adaptive_rounds_draw_at_most_their_count_near_the_best_and_the_stage_stays_within_its_worst_case()
    {
        var plan = Plan("A[sobol 16, adaptive 8]:x=0..1 n=1..10");
        var evaluator = new RecordingEvaluator();

        var outcome = await new SweepEngine(evaluator).RunAsync(plan);

        var stage = Assert.Single(outcome.Stages);
        var adaptive = stage.Candidates.Where(c => c.Index is >= 16 and < 24).ToList();
        Assert.InRange(adaptive.Count, 1, 8);
        Assert.InRange(outcome.EvaluationsRequested, 1, SweepCost.Sweep(plan));
        Assert.Equal(16 + 8 + 1 + 5 * 2 + 3 * 2, SweepCost.Sweep(plan));   // screening; tier 1: 4 + the incumbent, 2 more seeds each; tier 2: 2 + the incumbent, 2 more each
        // The quadratic scenario peaks at x = 0.3, n = 4: the adaptive candidates are, on average, closer to it than the Sobol ones.
        double Distance(CandidateReport c) => Math.Abs(c.Params.Get("x").AsDouble - 0.3) + Math.Abs(c.Params.Get("n").AsInt - 4) / 10.0;
        Assert.True(adaptive.Average(Distance) < stage.Candidates.Where(c => c.Index < 16).Average(Distance));
    }

    [Fact]
    public async Task A_sweep_over_ranges_replays_to_the_same_requests()
    {
        var plan = Plan("A[sobol 16, adaptive 8]:x=0..1 n=1..10");
        var first = new RecordingEvaluator();
        var second = new RecordingEvaluator();

        await new SweepEngine(first).RunAsync(plan);
        await new SweepEngine(second).RunAsync(plan);

        Assert.Equal(first.Seen.Select(r => (r.Params.ToString(), r.Seed)), second.Seen.Select(r => (r.Params.ToString(), r.Seed)));
    }
}

internal static class ParamSetLookup
{
    public static ParamValue Get(this ParamSet p, string name) => p.TryGet(name, out var v) ? v : throw new KeyNotFoundException(name);
}
