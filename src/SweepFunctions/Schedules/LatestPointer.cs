using System.Text.Json;
using SweepDomain;

namespace SweepFunctions.Schedules;

/// <summary>
/// <c>schedules/{name}.latest.json</c>: the newest finished sweep of a schedule and its winner's blob (stability
/// format), which a schedule with <c>"baseFrom": "latest"</c> uses as its next base.
/// </summary>
public sealed record LatestPointer(string InstanceId, string FinalBlob)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Options) + "\n";

    /// <summary>The pointer, or null with an error naming what is wrong.</summary>
    public static LatestPointer? Parse(string json, ValidationErrors errors)
    {
        try
        {
            var pointer = JsonSerializer.Deserialize<LatestPointer>(json, Options);
            if (pointer is { InstanceId.Length: > 0, FinalBlob.Length: > 0 })
            {
                return pointer;
            }
        }
        catch (JsonException)
        {
        }

        errors.Add("latest", "The schedule's latest pointer is not {\"instanceId\": \"…\", \"finalBlob\": \"…\"}.");
        return null;
    }
}
