using System.Text.Json;
using SweepDomain.Parameters;
using SweepDomain.Stages;

namespace SweepDomain.Requests;

/// <summary>
/// A sweep request in JSON (the HTTP body, a schedule's request, the accepted <c>request.json</c>), read and written
/// here and nowhere else, with one list of field names. Field names are camelCase as in the README; <c>stages</c>
/// items are strings or <c>{label, grid: {name: [values]}}</c> objects; <c>base</c> is an object of parameters or a
/// string naming a stability JSON or YAML file. Reading collects problems instead of throwing.
/// </summary>
public static class SweepRequestJson
{
    /// <summary>The body's field names, used by the reader and the writer alike.</summary>
    public static class Fields
    {
        public const string Scenario = "scenario";
        public const string Stages = "stages";
        public const string Base = "base";
        public const string CrossScenario = "crossScenario";
        public const string Periods = "periods";
        public const string StabilityTiers = "stabilityTiers";
        public const string RankBy = "rankBy";
        public const string KFactor = "kFactor";
        public const string CrossSeeds = "crossSeeds";
        public const string InstanceId = "instanceId";
        public const string CarryForward = "carryForward";
        public const string Alpha = "alpha";
        public const string Racing = "racing";
        public const string RaceBlock = "raceBlock";
        public const string Equivalence = "equivalence";
        public const string Evaluator = "evaluator";

        /// <summary>The fields of a structured stage, <c>{label, grid: {name: [values]}}</c>.</summary>
        public const string StageLabel = "label";
        public const string StageGrid = "grid";

        /// <summary>A structured stage's ranges, <c>{name: {min, max, scale}}</c>, and its design's counts.</summary>
        public const string StageRanges = "ranges";
        public const string RangeMin = "min";
        public const string RangeMax = "max";
        public const string RangeScale = "scale";
        public const string StageSobol = "sobol";
        public const string StageAdaptive = "adaptive";
    }

    private static readonly string[] Known =
    [
        Fields.Scenario, Fields.Stages, Fields.Base, Fields.CrossScenario, Fields.Periods, Fields.StabilityTiers, Fields.RankBy, Fields.KFactor,
        Fields.CrossSeeds, Fields.InstanceId, Fields.CarryForward, Fields.Alpha, Fields.Racing, Fields.RaceBlock,
        Fields.Equivalence, Fields.Evaluator,
    ];

    /// <summary>
    /// The request as an indented JSON document ending in a newline. Only the fields the request sets are written
    /// (a null field takes the reader's default); <c>base</c> is written as parameters, or else as the file name in
    /// <see cref="SweepRequest.BasePath"/>. <see cref="Parse"/> reads it back to an equal request.
    /// </summary>
    public static string ToJson(SweepRequest request)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            Write(writer, request);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes the request as one JSON object; see <see cref="ToJson"/>.</summary>
    public static void Write(Utf8JsonWriter writer, SweepRequest request)
    {
        writer.WriteStartObject();
        WriteString(writer, Fields.Scenario, request.Scenario);
        if (request.Stages is { } stages)
        {
            writer.WriteStartArray(Fields.Stages);
            foreach (var stage in stages)
            {
                WriteStage(writer, stage);
            }

            writer.WriteEndArray();
        }

        if (request.Base is { } parameters)
        {
            writer.WritePropertyName(Fields.Base);
            JsonSerializer.Serialize(writer, parameters);
        }
        else
        {
            WriteString(writer, Fields.Base, request.BasePath);
        }

        WriteString(writer, Fields.CrossScenario, request.CrossScenario);
        WriteNumber(writer, Fields.Periods, request.Periods);
        WriteString(writer, Fields.StabilityTiers, request.StabilityTiers);
        WriteString(writer, Fields.RankBy, request.RankBy);
        WriteNumber(writer, Fields.KFactor, request.KFactor);
        WriteNumber(writer, Fields.CrossSeeds, request.CrossSeeds);
        WriteString(writer, Fields.InstanceId, request.InstanceId);
        WriteString(writer, Fields.CarryForward, request.CarryForward);
        WriteNumber(writer, Fields.Alpha, request.Alpha);
        if (request.Racing is { } racing)
        {
            writer.WriteBoolean(Fields.Racing, racing);
        }

        WriteNumber(writer, Fields.RaceBlock, request.RaceBlock);
        WriteNumber(writer, Fields.Equivalence, request.Equivalence);
        WriteString(writer, Fields.Evaluator, request.Evaluator);
        writer.WriteEndObject();
    }

    private static void WriteStage(Utf8JsonWriter writer, StageInput stage)
    {
        if (stage.Text is not null)
        {
            writer.WriteStringValue(stage.Text);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(Fields.StageLabel, stage.Label ?? "");
        writer.WriteStartObject(Fields.StageGrid);
        foreach (var axis in stage.Grid ?? [])
        {
            writer.WritePropertyName(axis.Name);
            JsonSerializer.Serialize(writer, axis.Values);
        }

        writer.WriteEndObject();
        if (stage.Ranges is { Count: > 0 } ranges)
        {
            writer.WriteStartObject(Fields.StageRanges);
            foreach (var range in ranges)
            {
                writer.WriteStartObject(range.Name);
                writer.WritePropertyName(Fields.RangeMin);
                JsonSerializer.Serialize(writer, range.Min);
                writer.WritePropertyName(Fields.RangeMax);
                JsonSerializer.Serialize(writer, range.Max);
                if (range.Scale == RangeScale.Log)
                {
                    writer.WriteString(Fields.RangeScale, "log");
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        WriteNumber(writer, Fields.StageSobol, stage.Sobol);
        WriteNumber(writer, Fields.StageAdaptive, stage.Adaptive);
        writer.WriteEndObject();
    }

    private static void WriteString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

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
            Scenario = String(root, Fields.Scenario, errors),
            Stages = Stages(root, errors),
            Base = root.TryGetProperty(Fields.Base, out var b) && b.ValueKind == JsonValueKind.Object ? Params(b, Fields.Base, errors) : null,
            BasePath = root.TryGetProperty(Fields.Base, out b) && b.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null) ? StringValue(b, Fields.Base, errors) : null,
            CrossScenario = String(root, Fields.CrossScenario, errors),
            Periods = Int(root, Fields.Periods, errors),
            StabilityTiers = String(root, Fields.StabilityTiers, errors),
            RankBy = String(root, Fields.RankBy, errors),
            KFactor = Number(root, Fields.KFactor, errors),
            CrossSeeds = Int(root, Fields.CrossSeeds, errors),
            InstanceId = String(root, Fields.InstanceId, errors),
            CarryForward = String(root, Fields.CarryForward, errors),
            Alpha = Number(root, Fields.Alpha, errors),
            Racing = Bool(root, Fields.Racing, errors),
            RaceBlock = Int(root, Fields.RaceBlock, errors),
            Equivalence = Number(root, Fields.Equivalence, errors),
            Evaluator = String(root, Fields.Evaluator, errors),
        };
        return errors.Count == before ? request : null;
    }

    /// <summary>A structured stage's <c>ranges</c>: <c>{name: {min, max, scale?}}</c>, scale <c>linear</c> (the default) or <c>log</c>.</summary>
    private static List<RangeInput> StageRanges(JsonElement stage, string field, ValidationErrors errors)
    {
        var result = new List<RangeInput>();
        if (!stage.TryGetProperty(Fields.StageRanges, out var ranges) || ranges.ValueKind == JsonValueKind.Null)
        {
            return result;
        }

        if (ranges.ValueKind != JsonValueKind.Object)
        {
            errors.Add(field, "\"ranges\" must be an object: {\"param\": {\"min\": 0.5, \"max\": 5, \"scale\": \"log\"}}.");
            return result;
        }

        foreach (var range in ranges.EnumerateObject())
        {
            var min = range.Value.ValueKind == JsonValueKind.Object && range.Value.TryGetProperty(Fields.RangeMin, out var lo) && lo.ValueKind == JsonValueKind.Number ? Value(lo, field, errors) : null;
            var max = range.Value.ValueKind == JsonValueKind.Object && range.Value.TryGetProperty(Fields.RangeMax, out var hi) && hi.ValueKind == JsonValueKind.Number ? Value(hi, field, errors) : null;
            string scale = range.Value.ValueKind == JsonValueKind.Object && range.Value.TryGetProperty(Fields.RangeScale, out var sc) && sc.ValueKind == JsonValueKind.String ? sc.GetString()! : "linear";
            if (min is null || max is null || scale is not ("linear" or "log"))
            {
                errors.Add(field, $"Range '{range.Name}' must be {{\"min\": number, \"max\": number}}, optionally with \"scale\": \"linear\" or \"log\"; got {range.Value.GetRawText()}.");
                continue;
            }

            result.Add(new RangeInput(range.Name, min.Value, max.Value, scale == "log" ? RangeScale.Log : RangeScale.Linear));
        }

        return result;
    }

    private static int? StageCount(JsonElement stage, string name, string field, ValidationErrors errors)
    {
        if (!stage.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int count))
        {
            return count;
        }

        errors.Add(field, $"\"{name}\" must be a whole number of candidates; got {value.GetRawText()}.");
        return null;
    }

    private static IReadOnlyList<StageInput>? Stages(JsonElement root, ValidationErrors errors)
    {
        if (!root.TryGetProperty(Fields.Stages, out var stages) || stages.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (stages.ValueKind != JsonValueKind.Array)
        {
            errors.Add(Fields.Stages, "Must be an array of stage strings or {label, grid} objects.");
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
                string label = item.TryGetProperty(Fields.StageLabel, out var l) && l.ValueKind == JsonValueKind.String ? l.GetString()! : "";
                var grid = new List<GridAxis>();
                var ranges = StageRanges(item, field, errors);
                if (!item.TryGetProperty(Fields.StageGrid, out var g) && ranges.Count > 0)
                {
                    // A stage over ranges alone needs no grid.
                }
                else if (g.ValueKind == JsonValueKind.Object)
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
                    errors.Add(field, "A structured stage needs \"grid\": {\"param\": [v1, v2]} or \"ranges\": {\"param\": {\"min\": 0.5, \"max\": 5}} with \"sobol\": 64.");
                }

                result.Add(new StageInput(null, label, grid, ranges.Count > 0 ? ranges : null, StageCount(item, Fields.StageSobol, field, errors), StageCount(item, Fields.StageAdaptive, field, errors)));
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
