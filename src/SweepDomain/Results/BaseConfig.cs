using SweepDomain.Parameters;
using SweepDomain.Stages;
using YamlDotNet.RepresentationModel;

namespace SweepDomain.Results;

/// <summary>
/// Loads a sweep's base parameters (sweep-semantics §6.3): a <c>.yml</c>/<c>.yaml</c> file is a flat mapping of
/// parameters; any other file is a stability-result JSON whose FIRST entry's params are used (an empty
/// <c>results</c> gives no parameters). Unlike the original, nested YAML values, booleans and nulls are errors.
/// </summary>
public static class BaseConfig
{
    /// <summary>The parameters, or null with an error under <paramref name="field"/> naming the file and the problem.</summary>
    public static ParamSet? Load(string fileName, string text, ValidationErrors errors, string field = "base")
    {
        try
        {
            return IsYaml(fileName) ? FromYaml(text) : FromStabilityJson(text);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or YamlDotNet.Core.YamlException or ArgumentException)
        {
            errors.Add(field, $"Cannot read base config '{fileName}': {e.Message}");
            return null;
        }
    }

    /// <summary>The scenario a stability-result base was written for, or null for a YAML base or a file that does not say.</summary>
    public static string? ScenarioOf(string fileName, string text)
    {
        if (IsYaml(fileName))
        {
            return null;
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(text);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && document.RootElement.TryGetProperty("scenario", out var scenario) &&
                   scenario.ValueKind == System.Text.Json.JsonValueKind.String
                ? scenario.GetString()
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public static bool IsYaml(string fileName) => fileName.EndsWith(".yml", StringComparison.Ordinal) || fileName.EndsWith(".yaml", StringComparison.Ordinal);

    private static ParamSet FromStabilityJson(string text)
    {
        var entries = StabilityResultFile.Read(text);
        return entries.Count == 0 ? ParamSet.Empty : entries[0].Params;
    }

    private static ParamSet FromYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            return ParamSet.Empty;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            throw new FormatException("the document must be a mapping of parameter: value.");
        }

        var entries = new List<KeyValuePair<string, ParamValue>>();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            string name = ((YamlScalarNode)keyNode).Value ?? "";
            if (valueNode is not YamlScalarNode scalar)
            {
                throw new FormatException($"'{name}' must be a single value, not a list or mapping.");
            }

            entries.Add(KeyValuePair.Create(name, Scalar(name, scalar)));
        }

        return ParamSet.From(entries);
    }

    private static ParamValue Scalar(string name, YamlScalarNode scalar)
    {
        string value = scalar.Value ?? "";
        if (scalar.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted)
        {
            return ParamValue.Text(value);
        }

        if (value is "" or "~" or "null" or "Null" or "NULL" or "true" or "false" or "True" or "False" or "TRUE" or "FALSE")
        {
            throw new FormatException($"'{name}' has the value '{value}'; parameters take numbers or text.");
        }

        if (ValueGrammar.LooksNonFinite(value.TrimStart('.')) || value.StartsWith(".inf", StringComparison.OrdinalIgnoreCase) || value.StartsWith("-.inf", StringComparison.OrdinalIgnoreCase) || value.Equals(".nan", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"'{name}' has the non-finite value '{value}'.");
        }

        return ValueGrammar.Parse(value);
    }
}
