using BamModel;
using SweepDomain.Evaluation;
using SweepDomain.Parameters;

namespace BamValidation;

/// <summary>The BAM scenarios and their parameter schemas, as the sweep sees them.</summary>
public sealed class BamScenarioCatalog : IScenarioCatalog
{
    public IReadOnlyList<string> Names => BamScenarios.Names;

    public ScenarioSchema? Find(string scenario) => BamScenarios.Schema(scenario);
}
