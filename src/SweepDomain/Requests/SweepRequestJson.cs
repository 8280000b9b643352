using System.Text.Json;
using SweepDomain.Parameters;
using SweepDomain.Stages;

namespace SweepDomain.Requests;

/// <summary>
/// Reads a sweep request from JSON (the HTTP body, a schedule file). Field names are camelCase as in the README;
/// <c>stages</c> items are strings or <c>{label, grid: {name: [values]}}</c> objects; <c>base</c> is an object of
/// parameters or a string naming a stability JSON or YAML file. Problems are collected, not thrown.
/// </summary>
public static class SweepRequestJson
{
    private static readonly string[] Known =
        ["scenario", "stages", "base", "crossScenario", "periods", "stabilityTiers", "rankBy", "kFactor", "crossSeeds", "instanceId",
         "carryForward", "alpha", "racing", "raceBlock"];

    public static SweepRequest? Parse(string json, ValidationErrors errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            errors.Add("body", $"The body is not valid JSON: {e.Message}");
            return null;
        }

        using (document)
        {
            return Read(document.RootElement, errors);
        }
    }

    public static SweepRequest? Read(JsonElement root, ValidationErrors errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", $"The body must be a JSON object; got {root.ValueKind}.");
            return null;
        }

        int before = errors.Count;
        foreach (var property in root.EnumerateObject().Where(p => !Known.Contains(p.Name)))
        {
            string? hint = Known.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase) || EditDistance.Between(k, property.Name) <= 2);
            errors.Add(property.Name, $"Unknown field '{property.Name}'." + (hint is null ? "" : $" Did you mean '{hint}'?") + $" Known fields: {string.Join(", ", Known)}.");
        }

        var request = new SweepRequest
        {
            Scenario = String(root, "scenario", errors),
            Stages = Stages(root, errors),
            Base = root.TryGetProperty("base", out var b) && b.ValueKind == JsonValueKind.Object ? Params(b, "base", errors) : null,
            BasePath = root.TryGetProperty("base", out b) && b.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null) ? StringValue(b, "base", errors) : null,
            CrossScenario = String(root, "crossScenario", errors),
            Periods = Int(root, "periods", errors),
            StabilityTiers = String(root, "stabilityTiers", errors),
            RankBy = String(root, "rankBy", errors),
            KFactor = Number(root, "kFactor", errors),
            CrossSeeds = Int(root, "crossSeeds", errors),
            InstanceId = String(root, "instanceId", errors),
            CarryForward = String(root, "carryForward", errors),
            Alpha = Number(root, "alpha", errors),
            Racing = Bool(root, "racing", errors),
            RaceBlock = Int(root, "raceBlock", errors),
        };
        return errors.Count == before ? request : null;
    }

    private static IReadOnlyList<StageInput>? Stages(JsonElement root, ValidationErrors errors)
    {
        if (!root.TryGetProperty("stages", out var stages) || stages.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (stages.ValueKind != JsonValueKind.Array)
        {
            errors.Add("stages", "Must be an array of stage strings or {label, grid} objects.");
            return null;
        }

        var result = new List<StageInput>();
        int i = 0;
        foreach (var item in stages.EnumerateArray())
        {
            string field = $"stages[{i++}]";
            if (item.ValueKind == JsonValueKind.String)
            {
                result.Add(new StageInput(item.GetString()));
            }
            else if (item.ValueKind == JsonValueKind.Object)
            {
                string label = item.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString()! : "";
                var grid = new List<GridAxis>();
                if (item.TryGetProperty("grid", out var g) && g.ValueKind == JsonValueKind.Object)
                {
                    foreach (var axis in g.EnumerateObject())
                    {
                        var values = axis.Value.ValueKind == JsonValueKind.Array
                            ? axis.Value.EnumerateArray().Select(v => Value(v, field, errors)).OfType<ParamValue>().ToList()
                            : [];
                        if (axis.Value.ValueKind != JsonValueKind.Array)
                        {
                            errors.Add(field, $"Grid entry '{axis.Name}' must be an array of values.");
                        }

                        grid.Add(new GridAxis(axis.Name, values));
                    }
                }
                else
                {
                    errors.Add(field, "A structured stage needs \"grid\": {\"param\": [v1, v2]}.");
                }

                result.Add(new StageInput(null, label, grid));
            }
            else
            {
                errors.Add(field, $"A stage must be a string or an object; got {item.ValueKind}.");
            }
        }

        return result;
    }

    private static ParamSet? Params(JsonElement element, string field, ValidationErrors errors)
    {
        var entries = new List<KeyValuePair<string, ParamValue>>();
        foreach (var property in element.EnumerateObject())
        {
            if (entries.Exists(e => e.Key == property.Name))
            {
                errors.Add(field, $"Parameter '{property.Name}' appears twice.");
            }
            else if (Value(property.Value, field, errors) is { } value)
            {
                entries.Add(KeyValuePair.Create(property.Name, value));
            }
        }

        return ParamSet.From(entries);
    }

    private static ParamValue? Value(JsonElement element, string field, ValidationErrors errors)
    {
        try
        {
            return JsonSerializer.Deserialize<ParamValue>(element.GetRawText());
        }
        catch (JsonException e)
        {
            errors.Add(field, $"{e.Message} Got {element.GetRawText()}.");
            return null;
        }
    }

    private static string? String(JsonElement root, string name, ValidationErrors errors) =>
        root.TryGetProperty(name, out var e) && e.ValueKind != JsonValueKind.Null ? StringValue(e, name, errors) : null;

    private static string? StringValue(JsonElement e, string name, ValidationErrors errors)
    {
        if (e.ValueKind == JsonValueKind.String)
        {
            return e.GetString();
        }

        errors.Add(name, $"Must be a string; got {e.GetRawText()}.");
        return null;
    }

    private static int? Int(JsonElement root, string name, ValidationErrors errors)
    {
        if (!root.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int value))
        {
            return value;
        }

        errors.Add(name, $"Must be a whole number; got {e.GetRawText()}.");
        return null;
    }

    private static bool? Bool(JsonElement root, string name, ValidationErrors errors)
    {
        if (!root.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (e.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return e.GetBoolean();
        }

        errors.Add(name, $"Must be true or false; got {e.GetRawText()}.");
        return null;
    }

    private static double? Number(JsonElement root, string name, ValidationErrors errors)
    {
        if (!root.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (e.ValueKind == JsonValueKind.Number)
        {
            return e.GetDouble();
        }

        errors.Add(name, $"Must be a number; got {e.GetRawText()}.");
        return null;
    }
}
