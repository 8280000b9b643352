using System.Reflection;
using System.Text.Json;

namespace SweepFunctions.Tests;

/// <summary>
/// The function index the Functions host reads: <c>functions.metadata</c> in the app's build output, generated from the
/// <c>[Function]</c> attributes. It proves the routes, methods and triggers the host will serve.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static IReadOnlyDictionary<string, JsonElement> Functions => Support.FunctionIndex.Functions;

    [Theory]
    [InlineData("StartSweep", "post", "sweeps")]
    [InlineData("GetSweep", "get", "sweeps/{id}")]
    [InlineData("CancelSweep", "post", "sweeps/{id}/cancel")]
    [InlineData("GetSweepReport", "get", "sweeps/{id}/report")]
    [InlineData("ListSweeps", "get", "sweeps")]
    [InlineData("GetSweepStage", "get", "sweeps/{id}/stages/{stage}")]
    [InlineData("GetSweepDashboard", "get", "sweeps/{id}/dashboard")]
    [InlineData("GetDashboard", "get", "dashboard")]
    public void HttpFunction_IsServedOnItsRouteAndMethodWithAFunctionKey(string function, string method, string route)
    {
        var trigger = Trigger(function, "httpTrigger");

        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("Function", trigger.GetProperty("authLevel").GetString());
    }

    [Theory]
    [InlineData("GetHealth", "health")]
    [InlineData("GetOpenApiDocument", "openapi.yaml")]
    public void HttpFunction_IsServedOnItsRouteWithoutAKey(string function, string route)
    {
        var trigger = Trigger(function, "httpTrigger");

        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal(["get"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
    }

    [Fact]
    public void SweepOrchestrator_HasAnOrchestrationTrigger()
    {
        Trigger("SweepOrchestrator", "orchestrationTrigger");
    }

    [Theory]
    [InlineData("EvaluateBatch")]
    [InlineData("CrossEvaluate")]
    [InlineData("WriteStageResult")]
    [InlineData("RecallScores")]
    [InlineData("WriteSweepResult")]
    public void Activity_HasAnActivityTrigger(string function)
    {
        Trigger(function, "activityTrigger");
    }

    [Fact]
    public void PurgeSweepHistories_FiresOnThePurgeCronSetting()
    {
        var trigger = Trigger("PurgeSweepHistories", "timerTrigger");

        Assert.Equal("%Sweep:PurgeCron%", trigger.GetProperty("schedule").GetString());
    }

    [Fact]
    public void ScheduledRecalibration_FiresOnTheScheduleCronSetting()
    {
        var trigger = Trigger("ScheduledRecalibration", "timerTrigger");

        Assert.Equal("%Sweep:ScheduleCron%", trigger.GetProperty("schedule").GetString());
    }

    [Fact]
    public void App_HasExactlyTheseFunctions()
    {
        Assert.Equal(
            ["CancelSweep", "CrossEvaluate", "EvaluateBatch", "GetDashboard", "GetHealth", "GetOpenApiDocument", "GetSweep", "GetSweepDashboard", "GetSweepReport", "GetSweepStage",
                "ListSweeps", "PurgeSweepHistories", "RecallScores", "ScheduledRecalibration", "StartSweep", "SweepOrchestrator", "WriteStageResult", "WriteSweepResult"],
            Functions.Keys.Order(StringComparer.Ordinal));
    }

    private static JsonElement Trigger(string function, string type)
    {
        Assert.True(Functions.TryGetValue(function, out var metadata), $"functions.metadata has no function '{function}'.");
        var bindings = metadata.GetProperty("bindings").EnumerateArray().ToList();
        return Assert.Single(bindings, b => b.GetProperty("type").GetString() == type && b.GetProperty("direction").GetString() == "In");
    }
}
