using SweepDomain.Evidence;
using SweepDomain.Parameters;
using SweepDomain.Sweep;

namespace SweepHosting.Api;

/// <summary>
/// A finished stage as the status endpoint lists it: its winner and figures, the evidence in words (the verdict, and
/// the carry-forward rule with the reason that decided it), what racing did, the cross-scenario figures, the counts and
/// its blobs. Every candidate's figures are in <see cref="OutcomeBlob"/>, served by the stage route.
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

    /// <summary>True when the winner is not the incumbent.</summary>
    public bool? Improved { get; init; }

    /// <summary>The incumbent's combined score on its seeds in the same stage.</summary>
    public double? IncumbentCombined { get; init; }

    /// <summary>For example <c>winner vs incumbent: +0.0021 (95% CI -0.0010 .. +0.0052, n = 100), p = 0.18: not significant at alpha 0.05</c>.</summary>
    public string? Verdict { get; init; }

    /// <summary>The winner against the incumbent on their common seeds; null when the incumbent won.</summary>
    public PairedComparison? WinnerVsIncumbent { get; init; }

    /// <summary>The carry-forward policy, its rule in words and the reason that decided this stage.</summary>
    public CarryForwardDecision? Decision { get; init; }

    /// <summary>What racing did, when the tiers were raced.</summary>
    public RaceSummary? Racing { get; init; }

    /// <summary>Which rule ended the stage's tiers, with its figures.</summary>
    public StageStop? Stop { get; init; }

    /// <summary>The winner's cross-scenario check: each scenario's mean, std, combined, pass rate and failing seeds.</summary>
    public IReadOnlyList<CrossScenarioView>? CrossScenario { get; init; }

    public int? NCandidates { get; init; }

    public int? EvaluationsRequested { get; init; }

    public int? EvaluationsExecuted { get; init; }

    /// <summary>The stage's stability file in the results container.</summary>
    public required string Blob { get; init; }

    /// <summary>Every candidate's figures (the stage outcome) in the results container.</summary>
    public string? OutcomeBlob { get; init; }
}

/// <summary>One scenario of a stage winner's cross-scenario check, without its seed scores.</summary>
public sealed record CrossScenarioView(string Scenario, double Mean, double Std, double Combined, double PassRate, int FailingSeeds);
