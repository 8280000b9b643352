using SweepDomain.Parameters;

namespace SweepHosting.Api;

/// <summary>
/// A finished stage's winner as the status endpoint lists it. The scores are those of the stage's stability file;
/// <see cref="Improved"/> is known once the sweep is complete.
/// </summary>
public sealed record StageView
{
    /// <summary>1-based.</summary>
    public required int Stage { get; init; }

    public required string Label { get; init; }

    public required ParamSet Params { get; init; }

    public double? CombinedScore { get; init; }

    public double? MeanScore { get; init; }

    public double? StdScore { get; init; }

    public double? PassRate { get; init; }

    public int? NSeeds { get; init; }

    public bool? Improved { get; init; }

    /// <summary>The stage's stability file in the results container.</summary>
    public required string Blob { get; init; }
}
