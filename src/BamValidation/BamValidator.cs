using BamModel;
using BamModel.Recording;
using BamValidation.Metrics;
using BamValidation.Scenarios;
using BamValidation.Scoring;

namespace BamValidation;

/// <summary>
/// Single-run validation (validation.md §6): reduces a recorded run to the scenario's scalars and scores them.
/// Never throws on a degenerate run, a collapsed economy included: the metric code guards degenerate data itself, a
/// metric that cannot be computed is NaN, scores 0 and FAILs, and the result's <see cref="ValidationScore.Note"/> says
/// why. An exception from the metric code is a defect, not a bad candidate, so it is not caught here: it reaches the
/// caller with its cause instead of being ranked as a failed seed.
/// </summary>
public static class BamValidator
{
    [ThreadStatic]
    private static RunSeries? _series;

    /// <summary>
    /// Runs <paramref name="scenario"/> with <paramref name="overrides"/> (plain values, see
    /// <see cref="ModelParameter"/>) for <paramref name="seed"/> and validates it, on the calling thread. Each thread
    /// reuses its own <see cref="RunSeries"/> and <see cref="MetricWorkspace"/>, so a warm thread runs without
    /// reallocating its buffers; nothing is shared between threads.
    /// </summary>
    /// <exception cref="ParameterException">A bad parameter override or period count.</exception>
    /// <exception cref="ArgumentException">Unknown scenario.</exception>
    public static ValidationScore RunAndValidate(string scenario, IReadOnlyList<(string Name, object Value)> overrides, int seed, int nPeriods)
    {
        var validation = ValidationScenarios.Get(scenario);
        var series = _series ??= new RunSeries();
        BamRunner.Run(scenario, overrides, seed, nPeriods, series);
        return Validate(validation, series, MetricWorkspace.ForCurrentThread);
    }

    /// <summary>Validates <paramref name="series"/> as a run of <paramref name="scenario"/>, using this thread's workspace.</summary>
    /// <exception cref="ArgumentException">Unknown scenario.</exception>
    public static ValidationScore Validate(string scenario, RunSeries series) =>
        Validate(ValidationScenarios.Get(scenario), series, MetricWorkspace.ForCurrentThread);

    /// <summary>Validates with an explicit workspace (one per thread).</summary>
    public static ValidationScore Validate(ValidationScenario scenario, RunSeries series, MetricWorkspace workspace)
    {
        var values = ComputeScalars(scenario, series, workspace);
        var specs = scenario.Metrics;
        Span<double> actuals = stackalloc double[specs.Count];
        for (int i = 0; i < actuals.Length; i++)
        {
            actuals[i] = values[specs[i].Field];
        }

        return MetricScorer.Score(scenario.Name, specs, actuals, RunNotes.Describe(scenario, series, actuals));
    }

    /// <summary>
    /// The scenario's scalars for <paramref name="series"/>, in <paramref name="workspace"/>'s table (valid until
    /// the workspace is used again). Burn-in follows §6.2, from the requested number of periods.
    /// </summary>
    public static ScalarTable ComputeScalars(ValidationScenario scenario, RunSeries series, MetricWorkspace workspace)
    {
        int burnIn = BurnIn.Adjust(scenario.BurnInPeriods, series.NPeriodsRequested);
        var values = workspace.Values;
        values.Clear();
        workspace.EnsureCapacity(series.T, series.NFirms, series.NHouseholds);
        scenario.ComputeScalars(series, burnIn, workspace, values);
        return values;
    }
}
