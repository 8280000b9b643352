using System.Text.RegularExpressions;
using SweepDomain.Parameters;
using SweepDomain.Requests;

namespace SweepDomain.Stages;

/// <summary>
/// Parses stage strings <c>LABEL:param1=v1,v2 param2=v3</c> (sweep-semantics §1.1) and rejects every odd input of
/// the table in §1.2 with a message that quotes the stage. All problems of all stages are reported together.
/// </summary>
public static partial class StageParser
{
    /// <summary>
    /// Parses and validates every stage, text or structured, against <paramref name="schema"/>, and rejects labels
    /// used twice. Errors of stage i go to <c>{field}[i]</c>.
    /// </summary>
    public static IReadOnlyList<StageSpec> ParseAll(IReadOnlyList<StageInput> stages, ScenarioSchema schema, ValidationErrors errors, string field = "stages", SweepLimits? limits = null)
    {
        limits ??= SweepLimits.Default;
        var parsed = new List<StageSpec>();
        for (int i = 0; i < stages.Count; i++)
        {
            var input = stages[i];
            string label = input.Text is { } text ? (text.IndexOf(':') is var colon and >= 0 ? text[..colon] : "").Trim() : (input.Label ?? "").Trim();
            if (!limits.Check(nameof(SweepLimits.MaxLabelLength), label.Length, $"Label '{Short(label)}' has this many characters", $"{field}[{i}]", errors))
            {
                continue;
            }

            var stage = input.Text is not null
                ? Parse(input.Text, schema, errors, $"{field}[{i}]")
                : FromGrid(input.Label ?? "", input.Grid ?? [], schema, errors, $"{field}[{i}]");
            if (stage is not null)
            {
                parsed.Add(stage);
            }
        }

        CheckDistinctLabels(parsed, errors, field);
        return parsed;
    }

    /// <summary>
    /// Parses one stage string; returns null (and adds errors) when it is invalid. Without a <paramref name="schema"/>
    /// only what needs no scenario is checked (the syntax, the label, empty, reserved, repeated names and repeated
    /// values); the library's <c>Stages.Parse</c> does that, and the sweep checks the names and values later.
    /// </summary>
    public static StageSpec? Parse(string source, ScenarioSchema? schema, ValidationErrors errors, string field = "stage")
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            errors.Add(field, "A stage is empty. Write LABEL:param=v1,v2.");
            return null;
        }

        int colon = source.IndexOf(':');
        if (colon < 0)
        {
            errors.Add(field, $"Missing ':' after the label in '{Short(source)}'. Write LABEL:param=v1,v2.");
            return null;
        }

        int before = errors.Count;
        var axes = new List<GridAxis>();
        string[] tokens = WhiteSpace().Split(source[(colon + 1)..].Trim()).Where(t => t.Length > 0).ToArray();
        for (int t = 0; t < tokens.Length; t++)
        {
            string token = tokens[t];
            int eq = token.IndexOf('=');
            if (eq < 0)
            {
                bool afterComma = t > 0 && tokens[t - 1].EndsWith(',');
                errors.Add(field, afterComma
                    ? $"Space after a comma before '{Short(token)}' in '{Short(source)}'. Separate values with commas only: v1,v2."
                    : $"'{Short(token)}' has no '=' in '{Short(source)}'. Write param=v1,v2.");
            }
            else if (ParseAxis(token[..eq], token[(eq + 1)..], source, errors, field) is { } axis)
            {
                axes.Add(axis);
            }
        }

        var stage = Validate(source[..colon], axes, tokens.Length, source, schema, errors, field);
        return errors.Count == before ? stage : null;
    }

    /// <summary>Validates a stage given in structured form (label plus grid), with the same rules as the text form.</summary>
    public static StageSpec? FromGrid(string label, IReadOnlyList<GridAxis> grid, ScenarioSchema schema, ValidationErrors errors, string field)
    {
        string source = $"{label}:" + string.Join(' ', grid.Select(a => a.Name + "=" + string.Join(',', a.Values)));
        return Validate(label, grid, grid.Count, source, schema, errors, field);
    }

    /// <summary>
    /// The rules both forms share: a safe label, at least one parameter, each once, each valid for the schema.
    /// <paramref name="parametersGiven"/> counts what the user wrote, including tokens already rejected.
    /// </summary>
    private static StageSpec? Validate(string rawLabel, IReadOnlyList<GridAxis> grid, int parametersGiven, string source, ScenarioSchema? schema, ValidationErrors errors, string field)
    {
        int before = errors.Count;
        string label = rawLabel.Trim();
        CheckLabel(label, source, errors, field);
        if (parametersGiven == 0)
        {
            errors.Add(field, $"Stage '{Short(source)}' has no parameters. Write {label}:param=v1,v2.");
        }

        var axes = new List<GridAxis>();
        foreach (var axis in grid)
        {
            if (axes.Exists(a => a.Name == axis.Name))
            {
                errors.Add(field, $"Parameter '{Short(axis.Name)}' appears twice in '{Short(source)}'. List all its values once: {axis.Name}=v1,v2.");
            }
            else if (CheckAxis(axis, source, schema, errors, field))
            {
                axes.Add(axis);
            }
        }

        return errors.Count == before ? new StageSpec(label, axes, source) : null;
    }

    /// <summary>The text-level checks of one <c>name=v1,v2</c> token; the schema checks come later, in <see cref="Validate"/>.</summary>
    private static GridAxis? ParseAxis(string name, string valuesText, string source, ValidationErrors errors, string field)
    {
        string[] items = valuesText.Split(',');
        if (items.Any(v => v.Length == 0))
        {
            errors.Add(field, $"Parameter '{Short(name)}' has an empty value in '{Short(source)}'. Write {(name.Length > 0 ? name : "param")}=v1,v2.");
            return null;
        }

        var nonFinite = items.FirstOrDefault(ValueGrammar.LooksNonFinite);
        if (nonFinite is not null)
        {
            errors.Add(field, $"Parameter '{Short(name)}' has the non-finite value '{Short(nonFinite)}' in '{Short(source)}'. Use a finite number.");
            return null;
        }

        return new GridAxis(name, items.Select(ValueGrammar.Parse).ToArray());
    }

    private static bool CheckAxis(GridAxis axis, string source, ScenarioSchema? schema, ValidationErrors errors, string field)
    {
        if (axis.Name.Length == 0)
        {
            errors.Add(field, $"A parameter name is empty in '{Short(source)}'. Write param=v1,v2.");
            return false;
        }

        if (ScenarioSchema.ReservedNames.Contains(axis.Name))
        {
            errors.Add(field, $"'{Short(axis.Name)}' is reserved in '{Short(source)}': the sweep sets seeds and periods itself (use the periods option).");
            return false;
        }

        if (schema is null)
        {
            return CheckDistinctValues(axis, axis.Values, source, errors, field);
        }

        var spec = schema.Find(axis.Name);
        if (spec is null)
        {
            string? hint = schema.Suggest(axis.Name);
            errors.Add(field, $"Unknown parameter '{Short(axis.Name)}' in '{Short(source)}' for scenario '{schema.Scenario}'." +
                              (hint is null ? "" : $" Did you mean '{hint}'?"));
            return false;
        }

        if (axis.Values.Count == 0)
        {
            errors.Add(field, $"Parameter '{Short(axis.Name)}' has no values in '{Short(source)}'.");
            return false;
        }

        bool ok = true;
        foreach (var value in axis.Values)
        {
            string? problem = spec.Check(value);
            if (problem is not null)
            {
                errors.Add(field, $"{problem} In '{Short(source)}'.");
                ok = false;
            }
        }

        var normalised = axis.Values.Select(v => spec.Type == ParamType.Float && v.IsNumber ? ParamValue.Float(v.AsDouble) : v).ToList();
        return CheckDistinctValues(axis, normalised, source, errors, field) && ok;
    }

    private static bool CheckDistinctValues(GridAxis axis, IEnumerable<ParamValue> values, string source, ValidationErrors errors, string field)
    {
        var duplicate = values.GroupBy(v => v).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            errors.Add(field, $"Parameter '{Short(axis.Name)}' lists the value {duplicate.Key} more than once in '{Short(source)}'.");
            return false;
        }

        return true;
    }

    private static void CheckLabel(string label, string source, ValidationErrors errors, string field)
    {
        if (label.Length == 0)
        {
            errors.Add(field, $"The label is empty in '{Short(source)}'. Write LABEL:param=v1,v2.");
        }
        else if (!SafeLabel().IsMatch(label) || label is "." or "..")
        {
            errors.Add(field, $"Label '{Short(label)}' in '{Short(source)}' may only use letters, digits, '_', '-' and '.', because it names result files.");
        }
    }

    /// <summary>Adds an error for each label that more than one stage uses (file names would collide).</summary>
    public static void CheckDistinctLabels(IReadOnlyList<StageSpec> stages, ValidationErrors errors, string field)
    {
        foreach (var group in stages.GroupBy(s => s.Label, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add(field, $"Label '{group.Key}' is used by {group.Count()} stages ({string.Join(", ", group.Select(s => $"'{Short(s.Source)}'"))}); each stage needs its own label.");
        }
    }

    /// <summary>
    /// A stage's text as messages quote it: whole up to <see cref="QuoteLength"/> characters, otherwise its start and
    /// its length, so an error about a huge stage stays readable (and small).
    /// </summary>
    public static string Short(string text) =>
        text.Length <= QuoteLength ? text : $"{text[..QuoteLength]}... ({text.Length:N0} characters)";

    public const int QuoteLength = 120;

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]+$")]
    private static partial Regex SafeLabel();
}
