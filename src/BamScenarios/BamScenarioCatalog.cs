using SweepDomain.Evaluation;
using SweepDomain.Parameters;
using ModelScenarios = BamModel.BamScenarios;

namespace BamScenarios;

/// <summary>The BAM scenarios and their parameter schemas, as the sweep sees them.</summary>
public sealed class BamScenarioCatalog : IScenarioCatalog
{
    private static readonly IReadOnlyDictionary<string, ScenarioSchema> Schemas = ModelScenarios.Names.ToDictionary(
        name => name,
        name => SchemaTranslation.ToSchema(name, ModelScenarios.Parameters(name)!));

    public IReadOnlyList<string> Names => ModelScenarios.Names;

    public ScenarioSchema? Find(string scenario) => Schemas.GetValueOrDefault(scenario);
}
