using BamModel.Recording;
using BenchmarkDotNet.Attributes;

namespace BamModel.Bench;

/// <summary>One 1000-period run per scenario, simulation and recording only (the RunSeries is reused).</summary>
[MemoryDiagnoser]
public class SimulationBenchmarks
{
    private readonly RunSeries _series = new();

    [Params(BamScenarios.Baseline, BamScenarios.GrowthPlus, BamScenarios.BufferStock)]
    public string Scenario { get; set; } = BamScenarios.Baseline;

    [Benchmark]
    public int Run1000Periods()
    {
        BamRunner.Run(Scenario, [], seed: 0, nPeriods: 1000, _series);
        return _series.T;
    }

    // Simulation + validation of one run: to be added once BamValidation exists, as a second benchmark here
    // (for example `RunAndValidate1000Periods`) calling BamRunner.Run and then the validation on _series.
}
