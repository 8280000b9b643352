using BamModel.Recording;

namespace BamModel;

/// <summary>Runs one scenario for one seed and records what the validation reads (validation.md §7).</summary>
public static class BamRunner
{
    /// <summary>
    /// Validates <paramref name="overrides"/> (plain values, see <see cref="ModelParameter"/>; any name of the three
    /// scenarios' lists; an extension parameter the scenario does not use is ignored), builds the scenario's simulation, runs up to <paramref name="nPeriods"/> periods
    /// (stopping after a collapse) and records into <paramref name="series"/>, which is reset first.
    /// Deterministic for a seed on any machine and thread; keeps no shared mutable state.
    /// </summary>
    /// <exception cref="ParameterException">A bad override, or <paramref name="nPeriods"/> &lt; 1.</exception>
    public static void Run(string scenario, IReadOnlyList<(string Name, object Value)> overrides, int seed, int nPeriods, RunSeries series)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(series);
        ModelParameters.CheckPeriods(nPeriods);
        SimulationConfig config = BamScenarios.CreateConfig(scenario, overrides, seed);

        var sim = new Simulation(config);
        series.Reset(nPeriods, config.NFirms, config.NHouseholds, config.RBar);
        series.ReserveLoans(nPeriods * 4);
        sim.Recorder = new SeriesRecorder(sim, series);
        for (int t = 0; t < nPeriods && !sim.Collapsed; t++)
        {
            sim.Step();
        }

        series.Collapsed = sim.Collapsed;
    }
}
