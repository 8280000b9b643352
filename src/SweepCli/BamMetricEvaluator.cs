using BamScenarios;
using SweepDomain.Evaluation;

namespace SweepCli;

/// <summary>The BAM validator's per-metric results in the CLI's terms (for <c>sweep evaluate --metrics</c>).</summary>
internal sealed class BamMetricEvaluator(BamScenarioEvaluator evaluator) : IMetricEvaluator
{
    public DetailedScore EvaluateWithMetrics(EvaluationRequest request)
    {
        var result = evaluator.EvaluateDetailed(request);
        var metrics = result.MetricResults
            .Select(m => new MetricOutcome(m.Name, m.Status.ToString().ToUpperInvariant(), m.Actual, m.TargetDescription, m.Score, m.Weight))
            .ToList();
        return new DetailedScore(result.ToEvaluationScore(), metrics);
    }
}
