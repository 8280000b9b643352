using System.Text.Json;
using System.Text.Json.Nodes;
using SweepDomain.Requests;

namespace SweepCli.Remote;

/// <summary>
/// The body of <c>POST /api/sweeps</c> (the field names <see cref="SweepRequestJson"/> reads): only the fields the
/// request sets. <c>base</c> is an object of parameters, or a string naming a blob in the results container.
/// </summary>
internal static class RequestBody
{
    public static string ToJson(SweepRequest r)
    {
        var body = new JsonObject();
        Add(body, "scenario", r.Scenario);
        if (r.Stages is { } stages)
        {
            body["stages"] = new JsonArray(stages.Select(Stage).ToArray());
        }

        if (r.Base is { } parameters)
        {
            body["base"] = JsonSerializer.SerializeToNode(parameters);
        }
        else
        {
            Add(body, "base", r.BasePath);
        }

        Add(body, "crossScenario", r.CrossScenario);
        Add(body, "periods", r.Periods);
        Add(body, "stabilityTiers", r.StabilityTiers);
        Add(body, "rankBy", r.RankBy);
        Add(body, "kFactor", r.KFactor);
        Add(body, "crossSeeds", r.CrossSeeds);
        Add(body, "instanceId", r.InstanceId);
        return body.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonNode? Stage(StageInput stage)
    {
        if (stage.Text is not null)
        {
            return JsonValue.Create(stage.Text);
        }

        var grid = new JsonObject();
        foreach (var axis in stage.Grid ?? [])
        {
            grid[axis.Name] = new JsonArray(axis.Values.Select(v => JsonSerializer.SerializeToNode(v)).ToArray());
        }

        return new JsonObject { ["label"] = stage.Label, ["grid"] = grid };
    }

    private static void Add<T>(JsonObject body, string name, T? value)
    {
        if (value is not null)
        {
            body[name] = JsonValue.Create(value);
        }
    }
}
