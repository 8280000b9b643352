using BamModel;
using BamValidation;
using BamValidation.Scoring;
using SweepDomain.Evaluation;

namespace BamScenarios;

/// <summary>
/// Runs one simulation and validates it on the calling thread (<see cref="BamValidator.RunAndValidate"/>). Holds
/// no shared mutable state, so different requests may run on different threads at once.
/// </summary>
public sealed class BamScenarioEvaluator : IScenarioEvaluator
{
    /// <summary>The compact score the sweep stores.</summary>
    /// <exception cref="ParameterException">A bad parameter override or period count.</exception>
    /// <exception cref="ArgumentException">Unknown scenario.</exception>
    public EvaluationScore Evaluate(EvaluationRequest request) => EvaluateDetailed(request).ToEvaluationScore();

    /// <summary>The full result, one <see cref="MetricResult"/> per metric.</summary>
    public ValidationScore EvaluateDetailed(EvaluationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return BamValidator.RunAndValidate(request.Scenario, SchemaTranslation.ToOverrides(request.Params), request.Seed, request.Periods);
    }
}
