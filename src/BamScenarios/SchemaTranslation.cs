using BamModel;
using BamValidation.Scenarios;
using BamValidation.Scoring;
using SweepDomain.Evaluation;
using SweepDomain.Parameters;

namespace BamScenarios;

/// <summary>Between the model's plain parameter terms and the sweep's schema, parameter sets and scores.</summary>
public static class SchemaTranslation
{
    /// <summary>
    /// The sweep's schema of a scenario: the model's parameters, in their order, with the same names, defaults and
    /// ranges, and the fewest periods its validation needs (<see cref="ValidationScenario.MinimumPeriods"/>).
    /// </summary>
    public static ScenarioSchema ToSchema(string scenario, IReadOnlyList<ModelParameter> parameters) =>
        new(scenario, parameters.Select(ToSpec).ToList()) { MinimumPeriods = ValidationScenarios.Find(scenario)?.MinimumPeriods };

    /// <summary>The sweep's description of one model parameter.</summary>
    public static ParameterSpec ToSpec(ModelParameter p) => new(
        p.Name,
        p.Type switch
        {
            ParameterType.Int => ParamType.Int,
            ParameterType.Float => ParamType.Float,
            _ => ParamType.Choice,
        },
        ToParamValue(p.Default),
        p.Min,
        p.Max,
        p.Description,
        p.Choices);

    /// <summary>A parameter set as the model's overrides: ints as <see cref="long"/>, floats as <see cref="double"/>, text as <see cref="string"/>.</summary>
    public static IReadOnlyList<(string Name, object Value)> ToOverrides(ParamSet parameters) =>
        parameters.Select(p => (p.Key, ToPlain(p.Value))).ToList();

    /// <summary>The compact form of a validation result that the sweep stores.</summary>
    public static EvaluationScore ToEvaluationScore(this ValidationScore score) =>
        new(score.TotalScore, score.NPass, score.NWarn, score.NFail, score.Note);

    private static object ToPlain(ParamValue value) => value.Kind switch
    {
        ParamKind.Int => value.AsInt,
        ParamKind.Float => value.AsDouble,
        _ => value.AsText,
    };

    private static ParamValue ToParamValue(object value) => value switch
    {
        long i => ParamValue.Int(i),
        double x => ParamValue.Float(x),
        _ => ParamValue.Text((string)value),
    };
}
