using SweepDomain.Parameters;
using SweepDomain.Requests;
using SweepDomain.Stages;

namespace SweepLibrary;

/// <summary>
/// One stage of a sweep: its label and its grid, each parameter with the values to try (the original's
/// <c>(label, param_grid)</c> tuple). Write it as text and parse it with <see cref="Stages.Parse(string)"/>, or build it
/// directly. Deconstructs as <c>var (label, grid) = stage;</c>.
/// </summary>
/// <param name="Label">Names the stage in reports and its result files: letters, digits, <c>_</c>, <c>-</c> and <c>.</c>.</param>
/// <param name="Grid">Each parameter once, in order, with its values; the stage's candidates are their Cartesian product.</param>
public sealed record Stage(string Label, IReadOnlyList<GridAxis> Grid)
{
    /// <summary>The stage as written, when it came from <see cref="Stages.Parse(string)"/>; error messages quote it.</summary>
    public string? Source { get; init; }

    /// <summary>How many candidates the grid makes: the product of its value counts.</summary>
    public long CombinationCount => Grid.Aggregate(1L, (n, axis) => n * axis.Values.Count);

    /// <summary>The grid as a map from parameter name to values, in the stage's order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ParamValue>> ParamGrid => Grid.ToDictionary(a => a.Name, a => a.Values);

    /// <summary>The label and the grid, as the original's <c>parse_stage</c> returns them.</summary>
    public void Deconstruct(out string label, out IReadOnlyList<GridAxis> grid) => (label, grid) = (Label, Grid);

    /// <summary>The stage as a request carries it: its text when parsed from text, else its label and grid.</summary>
    internal StageInput ToInput() => Source is { } text ? new StageInput(text) : new StageInput(null, Label, Grid);

    /// <summary><c>LABEL:param1=v1,v2 param2=v3</c>.</summary>
    public override string ToString() => Source ?? $"{Label}:" + string.Join(' ', Grid.Select(a => a.Name + "=" + string.Join(',', a.Values)));
}

/// <summary>The stage syntax <c>LABEL:param1=v1,v2 param2=v3,v4</c>, parsed exactly as the <c>sweep</c> command parses it.</summary>
public static class Stages
{
    /// <summary>
    /// Parses one stage (the original's <c>parse_stage</c>). Integers stay integers (<c>2</c>), decimals and exponents
    /// are floats (<c>1.0</c>, <c>1e3</c>), anything else is text. Checks everything that needs no scenario; the names
    /// and values are checked against the scenario when the sweep starts.
    /// </summary>
    /// <exception cref="SweepDomain.InvalidSweepInputException">The stage is malformed; the message names the problem and quotes the stage.</exception>
    public static Stage Parse(string stage) => Parse([stage])[0];

    /// <summary>Parses several stages (the original's <c>parse_stages</c>), reporting the problems of all of them at once.</summary>
    /// <exception cref="SweepDomain.InvalidSweepInputException">A stage is malformed, or two stages share a label.</exception>
    public static IReadOnlyList<Stage> Parse(IEnumerable<string> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var errors = new SweepDomain.ValidationErrors();
        var texts = stages.ToList();
        var specs = new List<StageSpec>();
        for (int i = 0; i < texts.Count; i++)
        {
            string field = texts.Count == 1 ? "stage" : $"stages[{i}]";
            if (StageParser.Parse(texts[i] ?? "", schema: null, errors, field) is { } spec)
            {
                specs.Add(spec);
            }
        }

        StageParser.CheckDistinctLabels(specs, errors, "stages");
        if (!errors.IsEmpty)
        {
            throw new SweepDomain.InvalidSweepInputException(errors);
        }

        return specs.Select(s => new Stage(s.Label, s.Grid) { Source = s.Source }).ToList();
    }
}
