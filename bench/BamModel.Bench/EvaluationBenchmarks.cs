using BamModel.Recording;
using BamValidation;
using BamValidation.Metrics;
using BamValidation.Scenarios;
using BenchmarkDotNet.Attributes;

namespace BamModel.Bench;

/// <summary>
/// One full evaluation per scenario, as the sweep runs it: a 1000-period simulation plus validation (the thread's
/// RunSeries and metric workspace are reused). <see cref="ValidateOnly"/> isolates the metrics and scoring of a
/// recorded run, the part BamValidation owns. The Min column is the fastest iteration: on a shared machine the best
/// estimate of the undisturbed time.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class EvaluationBenchmarks
{
    private readonly RunSeries _recorded = new();
    private readonly MetricWorkspace _workspace = new();
    private ValidationScenario _scenario = null!;

    [Params(BamScenarios.Baseline, BamScenarios.GrowthPlus, BamScenarios.BufferStock)]
    public string Scenario { get; set; } = BamScenarios.Baseline;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = ValidationScenarios.Get(Scenario);
        BamRunner.Run(Scenario, [], 7, 1000, _recorded);
    }

    [Benchmark]
    public double Evaluate1000Periods() => BamValidator.RunAndValidate(Scenario, [], 7, 1000).TotalScore;

    [Benchmark]
    public double ValidateOnly() => BamValidator.Validate(_scenario, _recorded, _workspace).TotalScore;
}
