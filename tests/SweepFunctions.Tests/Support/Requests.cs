using System.Text.Json.Nodes;

namespace SweepFunctions.Tests.Support;

/// <summary>Sweep request bodies on the test-kit scenarios, small enough for a few dozen activity calls.</summary>
public static class Requests
{
    /// <summary>Two stages: x over 0.1, 0.3, 0.5, then n over 2, 4, 6; tiers 3:2 then 2:3.</summary>
    public static JsonObject TwoStages(string? instanceId = null) => Body(instanceId, """
        {"scenario": "quadratic", "stages": ["A:x=0.1,0.3,0.5", "B:n=2,4,6"], "periods": 10, "stabilityTiers": "3:2,2:3"}
        """);

    /// <summary>One stage over x in 0.1, 0.3 (the default 0.5 comes in as the incumbent); one tier 2:2.</summary>
    public static JsonObject OneStage(string? instanceId = null) => Body(instanceId, """
        {"scenario": "quadratic", "stages": ["A:x=0.1,0.3"], "periods": 10, "stabilityTiers": "2:2"}
        """);

    /// <summary>A stage with many candidates and seeds, so the sweep is still running when a test acts on it.</summary>
    public static JsonObject Long(string? instanceId = null) => Body(instanceId, """
        {"scenario": "quadratic", "stages": ["A:x=0.1,0.2,0.3,0.4", "B:n=1,2,3,4,5,6", "C:mode=plain,fancy"], "periods": 10, "stabilityTiers": "6:4,4:8,2:16"}
        """);

    private static JsonObject Body(string? instanceId, string json)
    {
        var body = JsonNode.Parse(json)!.AsObject();
        if (instanceId is not null)
        {
            body["instanceId"] = instanceId;
        }

        return body;
    }
}
