using System.Text.Json.Serialization;
using SweepDomain.Parameters;

namespace SweepDomain.Stages;

/// <summary>One axis of a stage's grid: a parameter and the values to try, in the order given.</summary>
public sealed record GridAxis(string Name, IReadOnlyList<ParamValue> Values);

/// <summary>
/// One validated stage: a label (safe as a file-name part) and a grid over parameters of one category
/// (sweep-semantics §1). <paramref name="Source"/> is the text the user wrote, quoted in messages. A stage with ranges
/// also has a <paramref name="Design"/>: its listed values form the grid's cells, and the design draws the ranged
/// parameters' values inside each.
/// </summary>
// Stored in durable histories (the orchestration's input). System.Text.Json matches members by name, so adding or
// reordering members is safe and a missing member reads as its default. The hazard is a change of what the engine does
// with these values: that changes how an old history replays, so it must raise SweepEngineVersion (docs/deploy.md).
public sealed record StageSpec(string Label, IReadOnlyList<GridAxis> Grid, string Source, StageDesign? Design = null)
{
    /// <summary>
    /// The most candidates the stage draws, the incumbent aside: the product of the value-list lengths
    /// (sweep-semantics §2), times the design's points plus its adaptive ones when it has ranges; saturating at
    /// <see cref="long.MaxValue"/> so a grid too large to count is never mistaken for a small one.
    /// </summary>
    [JsonIgnore]
    public long CombinationCount => Design is null ? Cells : Design.Candidates(Cells);

    /// <summary>The number of combinations of the listed values alone.</summary>
    [JsonIgnore]
    public long Cells => Grid.Aggregate(1L, (n, axis) => Sweep.SweepCost.Multiply(n, axis.Values.Count));

    [JsonIgnore]
    public IEnumerable<string> ParameterNames => Grid.Select(a => a.Name).Concat(Design?.Ranges.Select(r => r.Name) ?? []);

    /// <summary>The design in one line (see <see cref="StageDesign.Describe"/>), or the grid's size.</summary>
    [JsonIgnore]
    public string DesignText => Design?.Describe(Cells) ?? $"grid of {Cells} combinations";
}
