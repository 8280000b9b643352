using System.Text.Json;
using SweepDomain;
using SweepDomain.Parameters;
using SweepDomain.Requests;
using SweepFunctions.Launch;
using SweepTestKit;

namespace SweepFunctions.Tests;

/// <summary><c>{id}/request.json</c>: every setting at its effective value, written by the request's one writer.</summary>
public sealed class AcceptedRequestTests
{
    [Fact]
    public void Accepted_request_validates_back_to_the_same_plan()
    {
        var plan = Validate(new SweepRequest
        {
            Scenario = "quadratic",
            Stages = [new StageInput("A:x=0.1,0.3"), new StageInput(null, "B", [new SweepDomain.Stages.GridAxis("n", [ParamValue.Int(2), ParamValue.Int(4)])])],
            Base = ParamSet.Of(("x", 0.5)),
            CrossScenario = "other",
            Periods = 40,
            StabilityTiers = "3:2,2:3",
            RankBy = "mean",
            KFactor = 0.5,
            CrossSeeds = 6,
        });

        string json = SweepRequestJson.ToJson(SweepLauncher.AcceptedRequest(plan, "accepted-1"));
        var read = SweepRequestJson.Parse(json, new ValidationErrors())!;

        Assert.Equal("accepted-1", read.InstanceId);
        Assert.Equal(["A:x=0.1,0.3", "B:n=2,4"], read.Stages!.Select(s => s.Text));
        Assert.Equal(JsonSerializer.Serialize(plan), JsonSerializer.Serialize(Validate(read)));
    }

    [Fact]
    public void Accepted_request_of_a_raced_sweep_with_the_significant_policy_keeps_them_and_validates_back_to_the_same_plan()
    {
        var plan = Validate(new SweepRequest
        {
            Scenario = "noisy",
            Stages = [new StageInput("A:x=0.1,0.3,0.5")],
            StabilityTiers = "3:20,2:40",
            CarryForward = "significant",
            Alpha = 0.01,
            Racing = true,
            RaceBlock = 5,
        });

        string json = SweepRequestJson.ToJson(SweepLauncher.AcceptedRequest(plan, "raced-1"));
        var read = SweepRequestJson.Parse(json, new ValidationErrors())!;

        Assert.Equal(("significant", 0.01, true, 5), (read.CarryForward, read.Alpha, read.Racing, read.RaceBlock));
        Assert.Equal(JsonSerializer.Serialize(plan), JsonSerializer.Serialize(Validate(read)));
    }

    [Fact]
    public void Accepted_request_writes_the_defaults_the_sweep_runs_with()
    {
        var plan = Validate(new SweepRequest { Scenario = "quadratic", Stages = [new StageInput("A:x=0.1")] });

        using var document = JsonDocument.Parse(SweepRequestJson.ToJson(SweepLauncher.AcceptedRequest(plan, "defaults-1")));

        var root = document.RootElement;
        Assert.Equal(
            ["scenario", "stages", "base", "periods", "stabilityTiers", "rankBy", "kFactor", "crossSeeds", "instanceId", "carryForward", "alpha", "racing"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("best", 0.05, false), (root.GetProperty("carryForward").GetString(), root.GetProperty("alpha").GetDouble(), root.GetProperty("racing").GetBoolean()));
        Assert.Equal(("{}", 1000, "100:10,50:20,10:100", "combined", 1.0, 20),
            (root.GetProperty("base").GetRawText(), root.GetProperty("periods").GetInt32(), root.GetProperty("stabilityTiers").GetString(),
             root.GetProperty("rankBy").GetString(), root.GetProperty("kFactor").GetDouble(), root.GetProperty("crossSeeds").GetInt32()));
    }

    private static SweepDomain.Sweep.SweepPlan Validate(SweepRequest request)
    {
        var errors = new ValidationErrors();
        var plan = SweepRequestValidator.Validate(request, TestScenarios.Catalog, errors);
        Assert.True(errors.IsEmpty, errors.ToString());
        return plan!;
    }
}
