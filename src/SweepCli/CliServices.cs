using SweepDomain.Evaluation;

namespace SweepCli;

/// <summary>
/// What the commands take from outside: the scenarios and the model that scores them. <see cref="Program"/> fills it
/// with the real model; tests fill it with the test kit. <see cref="Metrics"/> is null when the evaluator gives only
/// totals; <see cref="Environment"/> reads environment variables (tests pass their own).
/// </summary>
public sealed record CliServices(
    IScenarioCatalog Catalog,
    IScenarioEvaluator Evaluator,
    IMetricEvaluator? Metrics = null,
    Func<string, string?>? Environment = null,
    int ProcessorCount = 0)
{
    public int Cores => ProcessorCount > 0 ? ProcessorCount : System.Environment.ProcessorCount;

    public string? GetEnvironment(string name) => (Environment ?? System.Environment.GetEnvironmentVariable)(name);
}
