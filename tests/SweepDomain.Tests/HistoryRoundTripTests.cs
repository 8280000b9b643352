using System.Text.Json;
using SweepDomain.Parameters;
using SweepDomain.Requests;
using SweepDomain.Sweep;
using SweepTestKit;

namespace SweepDomain.Tests;

/// <summary>Orchestrator inputs and outputs live in durable history as JSON: they must come back unchanged.</summary>
public class HistoryRoundTripTests
{
    public static TheoryData<string> Options => new() { "default", "web" };

    [Theory]
    [MemberData(nameof(Options))]
    public async Task PlanAndOutcome_SurviveJson(string style)
    {
        var options = style == "web" ? new JsonSerializerOptions(JsonSerializerDefaults.Web) : new JsonSerializerOptions();
        var errors = new ValidationErrors();
        var plan = SweepRequestValidator.Validate(new SweepRequest
        {
            Scenario = TestScenarios.Quadratic,
            Stages = [new("A:x=0.1,0.3 mode=plain,fancy"), new("B:n=3,4")],
            Base = ParamSet.Of(("x", 0.5), ("n", 2)),
            StabilityTiers = "3:2,1:3",
            CrossScenario = TestScenarios.Other,
        }, TestScenarios.Catalog, errors)!;

        var planBack = JsonSerializer.Deserialize<SweepPlan>(JsonSerializer.Serialize(plan, options), options)!;
        var outcome = await new SweepEngine(new RecordingEvaluator()).RunAsync(planBack);
        var outcomeBack = JsonSerializer.Deserialize<SweepOutcome>(JsonSerializer.Serialize(outcome, options), options)!;

        Assert.Equal(plan.Base, planBack.Base);
        Assert.Equal(plan.Stages.Select(s => s.Source), planBack.Stages.Select(s => s.Source));
        Assert.Equal(ParamValue.Int(3), planBack.Stages[1].Grid[0].Values[0]);
        Assert.Equal(plan.Schema.Parameters.Select(p => (p.Name, p.Type, p.Default, p.RangeText)), planBack.Schema.Parameters.Select(p => (p.Name, p.Type, p.Default, p.RangeText)));
        Assert.Equal(TestScenarios.Other, planBack.CrossScenario);
        Assert.Equal(outcome.Final, outcomeBack.Final);
        Assert.Equal(outcome.Stages[1].Result.SeedScores, outcomeBack.Stages[1].Result.SeedScores);
        Assert.Equal(outcome.Stages[0].Result.CrossScenario!.Scenarios[1].Mean, outcomeBack.Stages[0].Result.CrossScenario!.Scenarios[1].Mean);
    }
}
