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
            string label = input.Text is { } text ? SplitHead(text.IndexOf(':') is var colon and >= 0 ? text[..colon] : "").Label.Trim() : (input.Label ?? "").Trim();
            if (!limits.Check(nameof(SweepLimits.MaxLabelLength), label.Length, $"Label '{Short(label)}' has this many characters", $"{field}[{i}]", errors))
            {
                continue;
            }

            var stage = input.Text is not null
                ? Parse(input.Text, schema, errors, $"{field}[{i}]")
                : FromGrid(input.Label ?? "", input.Grid ?? [], schema, errors, $"{field}[{i}]", input.Ranges ?? [], input.Sobol, input.Adaptive);
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
        var (rawLabel, bracket) = SplitHead(source[..colon]);
        var (points, adaptive) = bracket is null ? (null, 0) : ParseBracket(bracket, source, errors, field);
        var axes = new List<GridAxis>();
        var ranges = new List<RangeInput>();
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
            else if (RangeInput.TryParse(token[..eq], token[(eq + 1)..]) is { } range)
            {
                ranges.Add(range);
            }
            else if (ParseAxis(token[..eq], token[(eq + 1)..], source, errors, field) is { } axis)
            {
                axes.Add(axis);
            }
        }

        var stage = Validate(rawLabel, axes, ranges, points, adaptive, tokens.Length, source, schema, errors, field);
        return errors.Count == before ? stage : null;
    }

    /// <summary>Validates a stage given in structured form (label plus grid), with the same rules as the text form.</summary>
    public static StageSpec? FromGrid(
        string label, IReadOnlyList<GridAxis> grid, ScenarioSchema schema, ValidationErrors errors, string field,
        IReadOnlyList<RangeInput>? ranges = null, int? sobol = null, int? adaptive = null)
    {
        ranges ??= [];
        string bracket = sobol is null ? "" : $"[{StageDesign.SobolWord} {sobol}" + (adaptive is > 0 ? $", {StageDesign.AdaptiveWord} {adaptive}" : "") + "]";
        string source = $"{label}{bracket}:" + string.Join(' ', grid.Select(a => a.Name + "=" + string.Join(',', a.Values)).Concat(ranges.Select(r => r.ToString())));
        if (adaptive is < 0)
        {
            errors.Add(field, $"The adaptive count {adaptive} in '{Short(source)}' is negative. Write {StageDesign.AdaptiveWord} 0 or more.");
        }

        return Validate(label, grid, ranges, sobol, Math.Max(0, adaptive ?? 0), grid.Count + ranges.Count, source, schema, errors, field);
    }

    /// <summary>
    /// The rules both forms share: a safe label, at least one parameter, each once, each valid for the schema.
    /// <paramref name="parametersGiven"/> counts what the user wrote, including tokens already rejected.
    /// </summary>
    private static StageSpec? Validate(
        string rawLabel, IReadOnlyList<GridAxis> grid, IReadOnlyList<RangeInput> rangeInputs, int? points, int adaptive,
        int parametersGiven, string source, ScenarioSchema? schema, ValidationErrors errors, string field)
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

        var ranges = new List<RangeAxis>();
        foreach (var input in rangeInputs)
        {
            if (axes.Exists(a => a.Name == input.Name) || ranges.Exists(r => r.Name == input.Name) || grid.Any(a => a.Name == input.Name))
            {
                errors.Add(field, $"Parameter '{Short(input.Name)}' appears twice in '{Short(source)}'. Give it once, as a range or as a list of values.");
            }
            else if (CheckRange(input, source, schema, errors, field) is { } range)
            {
                ranges.Add(range);
            }
        }

        var design = CheckDesign(label, ranges, rangeInputs.Count, points, adaptive, source, errors, field);
        return errors.Count == before ? new StageSpec(label, axes, source, design) : null;
    }

    /// <summary>A range's schema checks: a known parameter, both ends valid values for it (the grid's messages), min below max, a positive minimum on a log scale.</summary>
    private static RangeAxis? CheckRange(RangeInput input, string source, ScenarioSchema? schema, ValidationErrors errors, string field)
    {
        if (!CheckAxis(new GridAxis(input.Name, [input.Min, input.Max]), source, schema, errors, field))
        {
            return null;
        }

        var spec = schema?.Find(input.Name);
        double lo = input.Min.AsDouble, hi = input.Max.AsDouble;
        if (lo >= hi)
        {
            errors.Add(field, $"Range {input} in '{Short(source)}' is empty or reversed: write the smaller end first, {input.Name}=min..max.");
            return null;
        }

        if (input.Scale == RangeScale.Log && lo <= 0)
        {
            errors.Add(field, $"Range {input} in '{Short(source)}' is on a log scale but starts at {input.Min}; a log range needs a minimum above 0.");
            return null;
        }

        return new RangeAxis(input.Name, lo, hi, input.Scale, spec?.Type == ParamType.Int);
    }

    /// <summary>The bracket and the ranges go together: ranges need a count of points, a count needs ranges, and the Sobol table has its dimensions.</summary>
    private static StageDesign? CheckDesign(string label, IReadOnlyList<RangeAxis> ranges, int rangesGiven, int? points, int adaptive, string source, ValidationErrors errors, string field)
    {
        if (points is null)
        {
            if (rangesGiven > 0)
            {
                errors.Add(field, $"Stage '{Short(source)}' has ranges but no number of candidates to draw. Write {label}[{StageDesign.SobolWord} 64]:... (64 Sobol points), optionally [{StageDesign.SobolWord} 64, {StageDesign.AdaptiveWord} 32].");
            }

            return null;
        }

        if (rangesGiven == 0)
        {
            errors.Add(field, $"Stage '{Short(source)}' asks for {StageDesign.SobolWord} {points} but has no range to draw from. Write a range as param=min..max, or drop the bracket for a grid.");
            return null;
        }

        if (points < 1)
        {
            errors.Add(field, $"Stage '{Short(source)}' asks for {StageDesign.SobolWord} {points}; draw at least 1 point.");
            return null;
        }

        if (rangesGiven > Designs.Sobol.MaxDimensions)
        {
            errors.Add(field, $"Stage '{Short(source)}' has {rangesGiven} ranges; a stage may have at most {Designs.Sobol.MaxDimensions}.");
            return null;
        }

        return ranges.Count == rangesGiven ? new StageDesign(points.Value, adaptive, ranges) : null;
    }

    /// <summary>Splits the text before the colon into the label and the design bracket (null when there is none).</summary>
    private static (string Label, string? Bracket) SplitHead(string head)
    {
        int open = head.IndexOf('[');
        return open < 0 ? (head, null) : (head[..open], head[open..].Trim());
    }

    /// <summary>Reads <c>[sobol N]</c> or <c>[sobol N, adaptive M]</c>.</summary>
    private static (int? Points, int Adaptive) ParseBracket(string bracket, string source, ValidationErrors errors, string field)
    {
        var match = DesignBracket().Match(bracket);
        if (!match.Success)
        {
            errors.Add(field, $"Design '{Short(bracket)}' in '{Short(source)}' is not understood. Write [{StageDesign.SobolWord} 64] or [{StageDesign.SobolWord} 64, {StageDesign.AdaptiveWord} 32] after the label.");
            return (null, 0);
        }

        if (!int.TryParse(match.Groups["points"].Value, System.Globalization.CultureInfo.InvariantCulture, out int points) ||
            !int.TryParse(match.Groups["adaptive"].Success ? match.Groups["adaptive"].Value : "0", System.Globalization.CultureInfo.InvariantCulture, out int adaptive))
        {
            errors.Add(field, $"Design '{Short(bracket)}' in '{Short(source)}' asks for more candidates than can be counted.");
            return (null, 0);
        }

        return (points, adaptive);
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

    [GeneratedRegex(@"^\[\s*sobol\s+(?<points>[0-9]+)\s*(,\s*adaptive\s+(?<adaptive>[0-9]+)\s*)?\]$", RegexOptions.IgnoreCase)]
    private static partial Regex DesignBracket();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]+$")]
    private static partial Regex SafeLabel();
}
