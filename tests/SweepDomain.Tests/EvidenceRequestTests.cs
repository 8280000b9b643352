using SweepDomain.Requests;
using SweepDomain.Selection;
using SweepTestKit;

namespace SweepDomain.Tests;

/// <summary>The request fields of the evidence: carry-forward policy, alpha, racing and its block size.</summary>
public class EvidenceRequestTests
{
    private static (ValidationErrors Errors, Sweep.SweepPlan? Plan) Validate(string json)
    {
        var errors = new ValidationErrors();
        var request = SweepRequestJson.Parse(json, errors);
        var plan = request is null ? null : SweepRequestValidator.Validate(request, TestScenarios.Catalog, errors);
        return (errors, plan);
    }

    [Fact]
    public void Defaults_are_the_original_rule_without_racing()
    {
        var (errors, plan) = Validate("""{"scenario": "quadratic", "stages": ["A:x=0.1"]}""");

        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.Equal((CarryForward.Best, 0.05, false, 10), (plan!.CarryForward, plan.Alpha, plan.Racing, plan.RaceBlock));
    }

    [Fact]
    public void Fields_are_read_from_JSON()
    {
        var (errors, plan) = Validate("""{"scenario": "quadratic", "stages": ["A:x=0.1"], "carryForward": "Significant", "alpha": 0.1, "racing": true, "raceBlock": 5}""");

        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.Equal((CarryForward.Significant, 0.1, true, 5), (plan!.CarryForward, plan.Alpha, plan.Racing, plan.RaceBlock));
    }

    [Theory]
    [InlineData("\"alpha\": 0", "alpha", "Must be a significance level above 0 and at most 0.5; got 0.")]
    [InlineData("\"alpha\": 0.6", "alpha", "Must be a significance level above 0 and at most 0.5; got 0.6.")]
    [InlineData("\"alpha\": -0.05", "alpha", "Must be a significance level above 0 and at most 0.5; got -0.05.")]
    [InlineData("\"alpha\": \"0.05\"", "alpha", "Must be a number; got \"0.05\".")]
    [InlineData("\"carryForward\": \"bestest\"", "carryForward", "Unknown carry-forward policy 'bestest'. Use one of: best, significant.")]
    [InlineData("\"racing\": \"yes\"", "racing", "Must be true or false; got \"yes\".")]
    [InlineData("\"racing\": true, \"raceBlock\": 1", "raceBlock", "Must be at least 2 seeds (a block is tested with a paired test); got 1.")]
    [InlineData("\"racing\": true, \"raceBlock\": 101", "raceBlock", "Block of 101 seeds is larger than every tier (the most seeds a tier gives is 100), so nothing would race; use at most 100.")]
    [InlineData("\"raceBlock\": 5", "raceBlock", "Is only used when racing; got 5 with racing off. Set \"racing\": true (--racing) or leave raceBlock out.")]
    public void Bad_evidence_settings_are_rejected_naming_the_field(string fields, string field, string message)
    {
        var (errors, plan) = Validate($$"""{"scenario": "quadratic", "stages": ["A:x=0.1"], {{fields}}}""");

        Assert.Null(plan);
        Assert.Equal([message], errors.ToDictionary()[field]);
    }
}
