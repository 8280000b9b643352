using System.Text.Json;
using SweepDomain;
using SweepDomain.Requests;

namespace SweepFunctions.Schedules;

/// <summary>Where a scheduled sweep takes its base from.</summary>
public enum BaseFrom
{
    /// <summary>The request's own base, every time.</summary>
    Fixed,

    /// <summary>The schedule's newest winner, or the request's own base before the first one.</summary>
    Latest,
}

/// <summary>
/// One recalibration schedule, the blob <c>schedules/{name}.json</c>:
/// <c>{"cron": "0 0 3 * * 1", "request": {…a sweep request…}, "baseFrom": "fixed" | "latest"}</c>.
/// </summary>
public sealed record ScheduleDefinition(string Name, CronSchedule Cron, SweepRequest Request, BaseFrom BaseFrom)
{
    private static readonly string[] Known = ["cron", "request", "baseFrom"];

    /// <summary>The schedule, or null with every problem in <paramref name="errors"/>.</summary>
    public static ScheduleDefinition? Parse(string name, string json, ValidationErrors errors)
    {
        if (!InstanceIds.IsValid(name) || name.Length > InstanceIds.MaxLength - ScheduleRunner.DueTimeSuffixLength)
        {
            errors.Add("name", $"Schedule name '{name}' must be letters, digits, '-' or '_', at most {InstanceIds.MaxLength - ScheduleRunner.DueTimeSuffixLength} long.");
        }

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return Read(name, document.RootElement, errors);
        }
        catch (JsonException e)
        {
            errors.Add("schedule", $"Not valid JSON: {e.Message}");
            return null;
        }
    }

    private static ScheduleDefinition? Read(string name, JsonElement root, ValidationErrors errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("schedule", "Must be a JSON object {cron, request, baseFrom}.");
            return null;
        }

        foreach (var unknown in root.EnumerateObject().Where(p => !Known.Contains(p.Name)))
        {
            errors.Add(unknown.Name, $"Unknown field '{unknown.Name}'. Known fields: {string.Join(", ", Known)}.");
        }

        var cron = root.TryGetProperty("cron", out var c) && c.ValueKind == JsonValueKind.String
            ? CronSchedule.Parse(c.GetString()!, errors)
            : Missing<CronSchedule>("cron", "an NCRONTAB string such as \"0 0 3 * * 1\"", errors);
        var request = root.TryGetProperty("request", out var r)
            ? SweepRequestJson.Read(r, errors)
            : Missing<SweepRequest>("request", "a sweep request object", errors);
        var baseFrom = ReadBaseFrom(root, errors);
        return errors.IsEmpty ? new ScheduleDefinition(name, cron!, request!, baseFrom) : null;
    }

    private static BaseFrom ReadBaseFrom(JsonElement root, ValidationErrors errors)
    {
        if (!root.TryGetProperty("baseFrom", out var b) || b.ValueKind == JsonValueKind.Null)
        {
            return BaseFrom.Fixed;
        }

        switch (b.ValueKind == JsonValueKind.String ? b.GetString() : null)
        {
            case "fixed":
                return BaseFrom.Fixed;
            case "latest":
                return BaseFrom.Latest;
            default:
                errors.Add("baseFrom", $"Must be \"fixed\" or \"latest\"; got {b.GetRawText()}.");
                return BaseFrom.Fixed;
        }
    }

    private static T? Missing<T>(string field, string what, ValidationErrors errors) where T : class
    {
        errors.Add(field, $"Required: {what}.");
        return null;
    }
}
