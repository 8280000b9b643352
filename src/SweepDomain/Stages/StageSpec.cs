using System.Text.Json.Serialization;
using SweepDomain.Parameters;

namespace SweepDomain.Stages;

/// <summary>One axis of a stage's grid: a parameter and the values to try, in the order given.</summary>
public sealed record GridAxis(string Name, IReadOnlyList<ParamValue> Values);

/// <summary>
/// One validated stage: a label (safe as a file-name part) and a grid over parameters of one category
/// (sweep-semantics §1). <paramref name="Source"/> is the text the user wrote, quoted in messages.
/// </summary>
// Stored in durable histories (the orchestration's input). System.Text.Json matches members by name, so adding or
// reordering members is safe and a missing member reads as its default. The hazard is a change of what the engine does
// with these values: that changes how an old history replays, so it must raise SweepEngineVersion (docs/deploy.md).
public sealed record StageSpec(string Label, IReadOnlyList<GridAxis> Grid, string Source)
{
    /// <summary>
    /// Number of grid combinations: the product of the value-list lengths (sweep-semantics §2), saturating at
    /// <see cref="long.MaxValue"/> so a grid too large to count is never mistaken for a small one.
    /// </summary>
    [JsonIgnore]
    public long CombinationCount => Grid.Aggregate(1L, (n, axis) => Sweep.SweepCost.Multiply(n, axis.Values.Count));

    [JsonIgnore]
    public IEnumerable<string> ParameterNames => Grid.Select(a => a.Name);
}
