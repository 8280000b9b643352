using System.Collections;
using SweepDomain.Parameters;
using SweepDomain.Results;
using SweepDomain.Sweep;

namespace SweepLibrary;

/// <summary>
/// What <see cref="Sweep.RunAsync"/> returns: the stages' results in order (it is that list, as the original's
/// <c>run_sweep</c> returns <c>list[StageResult]</c>), the full report and the files written.
/// Each <see cref="StageResult"/> has the original's fields (<c>Label</c>, <c>WinnerParams</c>, <c>CombinedScore</c>,
/// <c>MeanScore</c>, <c>PassRate</c>, <c>NCandidates</c>), plus <c>Improved</c> (the winner beat the incumbent on the
/// same seeds), <c>StdScore</c>, <c>NSeeds</c>, the evidence (<c>WinnerVsIncumbent</c>, <c>Verdict</c>,
/// <c>Decision</c>), <c>Racing</c> and the cross-scenario check.
/// </summary>
public sealed class SweepResult(IReadOnlyList<StageResult> stages, SweepReport report, IReadOnlyList<StageOutcome> outcomes, IReadOnlyList<string> files)
    : IReadOnlyList<StageResult>
{
    /// <summary>Every stage's result, in order.</summary>
    public IReadOnlyList<StageResult> Stages => stages;

    /// <summary>
    /// The report <c>sweep run</c> writes as <c>{scenario}_sweep_report.json</c>: the settings, every candidate of every
    /// stage with its seed scores and its comparison with the winner and the incumbent, the timings.
    /// </summary>
    public SweepReport Report => report;

    /// <summary>Every stage with all its candidates, as the engine returned them.</summary>
    public IReadOnlyList<StageOutcome> Outcomes => outcomes;

    /// <summary>The configuration the last stage carried forward.</summary>
    public ParamSet Final => report.Final;

    /// <summary>Evaluations the sweep asked for, and those it ran (identical ones run once per sweep).</summary>
    public int EvaluationsRequested => report.EvaluationsRequested;

    /// <inheritdoc cref="EvaluationsRequested"/>
    public int EvaluationsExecuted => report.EvaluationsExecuted;

    /// <summary>Full paths of the files written to <see cref="SweepOptions.OutputDirectory"/>; empty when it was not set.</summary>
    public IReadOnlyList<string> Files => files;

    /// <inheritdoc/>
    public int Count => stages.Count;

    /// <inheritdoc/>
    public StageResult this[int index] => stages[index];

    /// <inheritdoc/>
    public IEnumerator<StageResult> GetEnumerator() => stages.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
