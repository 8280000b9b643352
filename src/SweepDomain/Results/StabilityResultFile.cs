using System.Globalization;
using System.Text;
using System.Text.Json;
using SweepDomain.Parameters;

namespace SweepDomain.Results;

/// <summary>
/// The original's stability-result JSON (sweep-semantics §6.4): <c>{scenario, results: [...], _schema_version: 1}</c>
/// with 2-space indentation and keys in the original's order. Sweep winners are written in it, so a result can be
/// the base of the next sweep, and files the original wrote can be read back.
/// </summary>
// WARNING: the key names and order are the original's file format; users' files and tools depend on them.
public static class StabilityResultFile
{
    public const int SchemaVersion = 1;

    public static string Write(string scenario, IReadOnlyList<StabilityEntry> entries)
    {
        var w = new IndentedJson();
        w.StartObject();
        w.String("scenario", scenario);
        w.StartArray("results");
        for (int i = 0; i < entries.Count; i++)
        {
            WriteEntry(w, i + 1, entries[i]);
        }

        w.EndArray();
        w.Raw("_schema_version", SchemaVersion.ToString(CultureInfo.InvariantCulture));
        w.EndObject();
        return w + "\n";
    }

    /// <summary>Reads every entry in file order. Throws <see cref="FormatException"/> naming what is missing.</summary>
    public static IReadOnlyList<StabilityEntry> Read(string json)
    {
        using var document = JsonDocument.Parse(QuoteNonFiniteTokens(json));
        if (!document.RootElement.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("The file has no 'results' array; it is not a stability-result file.");
        }

        return results.EnumerateArray().Select((e, i) => ReadEntry(e, i)).ToList();
    }

    private static void WriteEntry(IndentedJson w, int rank, StabilityEntry e)
    {
        w.StartObject();
        w.Raw("rank", rank.ToString(CultureInfo.InvariantCulture));
        w.StartObject("params");
        foreach (var (name, value) in e.Params)
        {
            if (value.Kind == ParamKind.Text || !double.IsFinite(value.AsDouble))
            {
                w.String(name, value.ToString());
            }
            else
            {
                w.Raw(name, value.Kind == ParamKind.Int ? value.ToString() : FormatDouble(value.AsDouble));
            }
        }

        w.EndObject();
        Number(w, "combined_score", e.CombinedScore);
        Number(w, "mean_score", e.MeanScore);
        Number(w, "std_score", e.StdScore);
        Number(w, "pass_rate", e.PassRate);
        Numbers(w, "seed_scores", e.SeedScores);
        Number(w, "single_score", e.SingleScore);
        if (e.ScenarioResults is { Count: > 0 })
        {
            w.StartObject("scenario_results");
            foreach (var (scenario, s) in e.ScenarioResults)
            {
                w.StartObject(scenario);
                Number(w, "mean_score", s.MeanScore);
                Number(w, "std_score", s.StdScore);
                Number(w, "combined_score", s.CombinedScore);
                Number(w, "pass_rate", s.PassRate);
                w.Raw("n_fail", s.NFail.ToString(CultureInfo.InvariantCulture));
                Numbers(w, "seed_scores", s.SeedScores);
                w.EndObject();
            }

            w.EndObject();
        }

        w.EndObject();
    }

    private static StabilityEntry ReadEntry(JsonElement e, int index)
    {
        if (!e.TryGetProperty("params", out var p) || p.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Result {index + 1} has no 'params' object.");
        }

        if (OptionalNumber(e, "single_score") is not { } single)
        {
            throw new FormatException($"Result {index + 1} has no 'single_score'.");
        }

        Dictionary<string, ScenarioEntry>? scenarios = null;
        if (e.TryGetProperty("scenario_results", out var sr) && sr.ValueKind == JsonValueKind.Object)
        {
            scenarios = sr.EnumerateObject().ToDictionary(s => s.Name, s => new ScenarioEntry(
                Required(s.Value, "mean_score"), Required(s.Value, "std_score"), Required(s.Value, "combined_score"),
                Required(s.Value, "pass_rate"), (int)Required(s.Value, "n_fail"), OptionalNumbers(s.Value, "seed_scores") ?? []));
        }

        return new StabilityEntry(
            JsonSerializer.Deserialize<ParamSet>(p.GetRawText())!,
            OptionalNumber(e, "combined_score"),
            OptionalNumber(e, "mean_score"),
            OptionalNumber(e, "std_score"),
            OptionalNumber(e, "pass_rate"),
            OptionalNumbers(e, "seed_scores"),
            single,
            scenarios,
            (int)(OptionalNumber(e, "n_pass") ?? 0),
            (int)(OptionalNumber(e, "n_warn") ?? 0),
            (int)(OptionalNumber(e, "n_fail") ?? 0));
    }

    // The original wrote NaN/Infinity as bare tokens; we write null (sweep-semantics §6.4).
    private static void Number(IndentedJson w, string? name, double? value) =>
        w.Raw(name, value is { } v && double.IsFinite(v) ? FormatDouble(v) : "null");

    private static void Numbers(IndentedJson w, string name, IReadOnlyList<double>? values)
    {
        if (values is null)
        {
            w.Null(name);
            return;
        }

        w.StartArray(name);
        foreach (double v in values)
        {
            Number(w, null, v);
        }

        w.EndArray();
    }

    /// <summary>Python's float repr: shortest round-trip digits, always a decimal point or exponent, lower-case e.</summary>
    public static string FormatDouble(double value) => ParamValue.FormatFloat(value).Replace('E', 'e');

    private static double Required(JsonElement e, string name) =>
        OptionalNumber(e, name) ?? throw new FormatException($"scenario_results entry lacks '{name}'.");

    private static double? OptionalNumber(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.Number => v.GetDouble(),
            JsonValueKind.String => double.Parse(v.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
            _ => null,
        } : null;

    private static IReadOnlyList<double>? OptionalNumbers(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Number ? x.GetDouble() : double.NaN).ToList()
            : null;

    /// <summary>Turns the bare tokens NaN, Infinity and -Infinity (outside strings) into strings, so standard JSON can read them.</summary>
    private static string QuoteNonFiniteTokens(string json)
    {
        var text = new StringBuilder(json.Length + 16);
        bool inString = false;
        for (int i = 0; i < json.Length; i++)
        {
            char c = json[i];
            if (inString)
            {
                text.Append(c);
                if (c == '\\' && i + 1 < json.Length)
                {
                    text.Append(json[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            string? token = c switch
            {
                'N' when string.CompareOrdinal(json, i, "NaN", 0, 3) == 0 => "NaN",
                'I' when string.CompareOrdinal(json, i, "Infinity", 0, 8) == 0 => "Infinity",
                '-' when string.CompareOrdinal(json, i, "-Infinity", 0, 9) == 0 => "-Infinity",
                _ => null,
            };
            if (token is null)
            {
                inString = c == '"';
                text.Append(c);
            }
            else
            {
                text.Append('"').Append(token).Append('"');
                i += token.Length - 1;
            }
        }

        return text.ToString();
    }
}
