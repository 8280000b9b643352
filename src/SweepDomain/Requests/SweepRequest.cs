using SweepDomain.Parameters;
using SweepDomain.Stages;

namespace SweepDomain.Requests;

/// <summary>
/// A stage as a client sends it: either the text form <c>LABEL:p=v1,v2</c> (<see cref="Text"/>) or the structured
/// form (<see cref="Label"/> plus <see cref="Grid"/>, and for a stage over ranges <see cref="Ranges"/> with the number
/// of Sobol points <see cref="Sobol"/> and of adaptive ones <see cref="Adaptive"/>).
/// </summary>
public sealed record StageInput(
    string? Text,
    string? Label = null,
    IReadOnlyList<GridAxis>? Grid = null,
    IReadOnlyList<RangeInput>? Ranges = null,
    int? Sobol = null,
    int? Adaptive = null)
{
    public static implicit operator StageInput(string text) => new(text);
}

/// <summary>
/// A sweep as a client asks for it, before validation: the HTTP body, a schedule's request, or the CLI's flags.
/// Null members take their defaults. <see cref="Base"/> is inline parameters; <see cref="BasePath"/> names a stability
/// JSON or YAML file (a blob path for the service) that the host resolves into <see cref="Base"/> first.
/// </summary>
public sealed record SweepRequest
{
    public string? Scenario { get; init; }

    public IReadOnlyList<StageInput>? Stages { get; init; }

    public ParamSet? Base { get; init; }

    public string? BasePath { get; init; }

    public string? CrossScenario { get; init; }

    public int? Periods { get; init; }

    public string? StabilityTiers { get; init; }

    public string? RankBy { get; init; }

    public double? KFactor { get; init; }

    public int? CrossSeeds { get; init; }

    public string? InstanceId { get; init; }

    /// <summary><c>best</c> (default) or <c>significant</c>: see <see cref="Selection.CarryForward"/>.</summary>
    public string? CarryForward { get; init; }

    /// <summary>Significance level of verdicts, of the <c>significant</c> policy and of racing; in (0, 0.5].</summary>
    public double? Alpha { get; init; }

    /// <summary>Race the tiers: give seeds in blocks and drop candidates significantly worse than the best.</summary>
    public bool? Racing { get; init; }

    /// <summary>Seeds per racing block; only with <see cref="Racing"/>.</summary>
    public int? RaceBlock { get; init; }

    /// <summary>
    /// The equivalence stop's margin on the ranking's score: a stage stops early, keeping the incumbent, once every
    /// survivor is shown to lie within this margin of it. Off when null.
    /// </summary>
    public double? Equivalence { get; init; }

    /// <summary>
    /// The name of an evaluator the host's operator configured (the Function App's <c>Sweep__Evaluators__&lt;name&gt;</c>);
    /// null runs the built-in model. Only a name: a request never carries an address of its own.
    /// </summary>
    public string? Evaluator { get; init; }
}
