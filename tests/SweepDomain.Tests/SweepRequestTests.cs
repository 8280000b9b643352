using SweepDomain.Parameters;
using SweepDomain.Requests;
using SweepDomain.Selection;
using SweepTestKit;

namespace SweepDomain.Tests;

public class SweepRequestTests
{
    [Fact]
    public void Validate_DefaultsMatchTheOriginal()
    {
        var errors = new ValidationErrors();

        var plan = SweepRequestValidator.Validate(new SweepRequest { Scenario = TestScenarios.Quadratic, Stages = [new("A:x=0.1")] }, TestScenarios.Catalog, errors);

        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.Equal(1000, plan!.Periods);
        Assert.Equal("100:10,50:20,10:100", StabilityTier.Format(plan.Tiers));
        Assert.Equal(RankBy.Combined, plan.RankBy);
        Assert.Equal(1.0, plan.KFactor);
        Assert.Equal(20, plan.CrossSeeds);
        Assert.Null(plan.CrossScenario);
        Assert.Equal(ParamSet.Empty, plan.Base);
    }

    [Fact]
    public void Validate_ReportsEveryProblemTogether()
    {
        var errors = new ValidationErrors();
        var request = new SweepRequest
        {
            Scenario = TestScenarios.Quadratic,
            Stages = [new("A:xx=0.1"), new("B n=2")],
            Base = ParamSet.Of(("seed", 1), ("n", 2.5)),
            CrossScenario = "nowhere",
            Periods = 0,
            StabilityTiers = "10:0",
            RankBy = "balanced",
            KFactor = double.NaN,
            InstanceId = "a/b",
        };

        Assert.Null(SweepRequestValidator.Validate(request, TestScenarios.Catalog, errors));

        Assert.Equal(
            ["crossScenario", "stages[0]", "stages[1]", "base", "periods", "stabilityTiers", "rankBy", "kFactor", "instanceId"],
            errors.ToDictionary().Keys);
        Assert.Equal(10, errors.Count);
    }

    [Fact]
    public void Validate_UnknownScenario_ListsTheKnownOnes()
    {
        var errors = new ValidationErrors();

        SweepRequestValidator.Validate(new SweepRequest { Scenario = "quadratc", Stages = [new("A:x=0.1")] }, TestScenarios.Catalog, errors);

        Assert.Equal(["Unknown scenario 'quadratc'. Known scenarios: quadratic, other, noisy."], errors.ToDictionary()["scenario"]);
    }

    [Fact]
    public void Validate_NoStages_IsAnError()
    {
        var errors = new ValidationErrors();

        SweepRequestValidator.Validate(new SweepRequest { Scenario = TestScenarios.Quadratic }, TestScenarios.Catalog, errors);

        Assert.Contains("At least one stage is required", errors.ToString());
    }

    [Fact]
    public void Json_StringAndStructuredStagesAndInlineBase_AreRead()
    {
        var errors = new ValidationErrors();
        const string json = """
            {"scenario": "quadratic", "stages": ["A:x=0.1,0.3", {"label": "B", "grid": {"n": [3, 4]}}],
             "base": {"x": 0.5, "n": 2}, "periods": 200, "stabilityTiers": "3:2", "rankBy": "mean", "kFactor": 0.5}
            """;

        var request = SweepRequestJson.Parse(json, errors);
        var plan = SweepRequestValidator.Validate(request!, TestScenarios.Catalog, errors);

        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.Equal(["A", "B"], plan!.Stages.Select(s => s.Label));
        Assert.Equal("B:n=3,4", plan.Stages[1].Source);
        Assert.Equal(ParamValue.Int(4), plan.Stages[1].Grid[0].Values[1]);
        Assert.Equal("{x: 0.5, n: 2}", plan.Base.ToString());
        Assert.Equal(RankBy.Mean, plan.RankBy);
    }

    [Fact]
    public void Json_BaseAsString_IsAPathToResolve()
    {
        var errors = new ValidationErrors();

        var request = SweepRequestJson.Parse("""{"stages": ["A:x=0.1"], "base": "runs/previous/quadratic_sweep.json"}""", errors);

        Assert.Equal("runs/previous/quadratic_sweep.json", request!.BasePath);
        Assert.Null(request.Base);
    }

    [Theory]
    [InlineData("not json", "body", "The body is not valid JSON")]
    [InlineData("[1]", "body", "The body must be a JSON object")]
    [InlineData("""{"stage": ["A:x=0.1"]}""", "stage", "Unknown field 'stage'. Did you mean 'stages'?")]
    [InlineData("""{"periods": "many"}""", "periods", "Must be a whole number; got \"many\".")]
    [InlineData("""{"stages": "A:x=0.1"}""", "stages", "Must be an array")]
    [InlineData("""{"stages": ["A:x=0.1"], "base": {"n": 2, "n": 3}}""", "base", "Parameter 'n' appears twice.")]
    [InlineData("""{"stages": [{"label": "B", "grid": {"n": [true]}}]}""", "stages[0]", "cannot be a boolean")]
    public void Json_Malformed_NamesTheField(string json, string field, string expected)
    {
        var errors = new ValidationErrors();

        Assert.Null(SweepRequestJson.Parse(json, errors));
        Assert.Contains(errors.ToDictionary()[field], m => m.Contains(expected, StringComparison.Ordinal));
    }
}
