using SweepDomain.Evaluation;
using SweepDomain.Requests;

namespace SweepLibrary;

/// <summary>
/// How <see cref="Sweep.RunAsync"/> runs: every argument of the original's <c>run_sweep</c> (workers, periods, tiers,
/// ranking, k, cross-scenario), plus the evidence and racing options, the limits, where to write the result files and
/// which evaluator to run. Null or unset members take the <c>sweep run</c> command's defaults, and every value is checked
/// by the same validator, with the same messages.
/// </summary>
public sealed record SweepOptions
{
    /// <summary>Evaluations run in parallel by the built-in evaluator (<c>n_workers</c>); null uses every core.</summary>
    public int? Workers { get; init; }

    /// <summary>Periods of each simulation (<c>n_periods</c>); default 1000.</summary>
    public int? Periods { get; init; }

    /// <summary>
    /// The stability tiers (<c>stability_tiers</c>): keep the best <c>Configs</c> candidates and bring each to
    /// <c>Seeds</c> seeds in total. Null is the original's default, (100, 10), (50, 20), (10, 100).
    /// </summary>
    public IReadOnlyList<(int Configs, int Seeds)>? StabilityTiers { get; init; }

    /// <summary>
    /// How tiers rank candidates (<c>rank_by</c>): <c>combined</c> (default), <c>stability</c>, <c>mean</c>, or the
    /// original's <c>stability-first</c>, <c>score-first</c>, <c>balanced</c>, which mean <c>combined</c> in a sweep.
    /// </summary>
    public string? RankBy { get; init; }

    /// <summary>k in <c>mean × pass_rate × (1 − k × std)</c> (<c>k_factor</c>); default 1.0.</summary>
    public double? KFactor { get; init; }

    /// <summary>Cross-check each stage's winner on this scenario too (<c>cross_scenario</c>); null for none.</summary>
    public string? CrossScenario { get; init; }

    /// <summary>Seeds of the cross-scenario check; default 20.</summary>
    public int? CrossSeeds { get; init; }

    /// <summary>
    /// <c>best</c> (default): the best-ranked candidate carries forward. <c>significant</c>: the incumbent stays unless a
    /// candidate beats it significantly at <see cref="Alpha"/> (Holm-corrected).
    /// </summary>
    public string? CarryForward { get; init; }

    /// <summary>Significance level of the verdicts, of the <c>significant</c> rule and of racing; in (0, 0.5], default 0.05.</summary>
    public double? Alpha { get; init; }

    /// <summary>Race the tiers: give seeds in blocks and drop candidates already significantly worse than the leader.</summary>
    public bool Racing { get; init; }

    /// <summary>Seeds per racing block (default 10); only with <see cref="Racing"/>.</summary>
    public int? RaceBlock { get; init; }

    /// <summary>What one sweep may ask for; null is <see cref="SweepLimits.Default"/>, as <c>sweep run</c> applies.</summary>
    public SweepLimits? Limits { get; init; }

    /// <summary>
    /// When set, the folder (created if missing) gets the files <c>sweep run --output</c> writes, byte for byte: each
    /// stage's JSON and chart as the stage ends, then the final winner, the report, the summary and the page.
    /// </summary>
    public string? OutputDirectory { get; init; }

    /// <summary>
    /// Reuse the finished stages <see cref="OutputDirectory"/> holds of this same sweep (same settings, evaluator and
    /// engine; <c>{scenario}_sweep_resume/</c> records them) and run only the rest, with the results of an uninterrupted
    /// run. A directory holding another sweep is refused with <see cref="SweepDomain.InvalidSweepInputException"/> naming
    /// what differs; one holding none runs every stage, with a <see cref="Warn"/>ing. Needs <see cref="OutputDirectory"/>.
    /// </summary>
    public bool Resume { get; init; }

    /// <summary>Hears the run's warnings (for example that <see cref="Resume"/> found nothing to resume); null drops them.</summary>
    public Action<string>? Warn { get; init; }

    /// <summary>
    /// The model to evaluate: any <see cref="IEvaluator"/> with the <see cref="IScenarioCatalog"/> of the scenarios it
    /// knows. Both null (default) run the built-in BAM model on <see cref="Workers"/> cores; set both or neither. A
    /// synchronous <see cref="IScenarioEvaluator"/> runs on all cores when wrapped in
    /// <see cref="SweepHosting.Evaluation.ParallelEvaluator"/>.
    /// </summary>
    public IEvaluator? Evaluator { get; init; }

    /// <summary>The scenarios <see cref="Evaluator"/> can evaluate, with their parameters; set with it.</summary>
    public IScenarioCatalog? Catalog { get; init; }
}
