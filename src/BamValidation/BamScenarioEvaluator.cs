using BamModel;
using BamModel.Recording;
using BamValidation.Metrics;
using BamValidation.Scenarios;
using BamValidation.Scoring;
using SweepDomain.Evaluation;

namespace BamValidation;

/// <summary>
/// Runs one simulation and validates it on the calling thread. Holds no shared mutable state: each thread reuses
/// its own <see cref="RunSeries"/> and <see cref="MetricWorkspace"/>, so a warm thread evaluates without
/// reallocating its buffers.
/// </summary>
public sealed class BamScenarioEvaluator : IScenarioEvaluator
{
    [ThreadStatic]
    private static RunSeries? _series;

    /// <summary>The compact score the sweep stores.</summary>
    /// <exception cref="ParameterException">A bad parameter override or period count.</exception>
    /// <exception cref="ArgumentException">Unknown scenario.</exception>
    public EvaluationScore Evaluate(EvaluationRequest request) => EvaluateDetailed(request).ToEvaluationScore();

    /// <summary>The full result, one <see cref="MetricResult"/> per metric.</summary>
    public ValidationScore EvaluateDetailed(EvaluationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scenario = ValidationScenarios.Get(request.Scenario);
        var series = _series ??= new RunSeries();
        BamRunner.Run(request.Scenario, request.Params, request.Seed, request.Periods, series);
        return BamValidator.Validate(scenario, series, MetricWorkspace.ForCurrentThread);
    }
}
