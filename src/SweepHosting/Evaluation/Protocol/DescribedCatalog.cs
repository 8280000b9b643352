using SweepDomain.Evaluation;
using SweepDomain.Parameters;

namespace SweepHosting.Evaluation.Protocol;

/// <summary>The scenarios a model described, as the sweep's catalog: stages are validated against them as for the built-in model.</summary>
public sealed class DescribedCatalog(IReadOnlyList<ScenarioSchema> schemas) : IScenarioCatalog
{
    public IReadOnlyList<string> Names { get; } = schemas.Select(s => s.Scenario).ToList();

    public ScenarioSchema? Find(string scenario) => schemas.FirstOrDefault(s => s.Scenario == scenario);
}
