using SweepDomain.Evaluation;

namespace SweepCli;

/// <summary>One metric of one run: its status (PASS, WARN or FAIL), actual value, target, score in [0, 1] and weight.</summary>
public sealed record MetricOutcome(string Name, string Status, double Actual, string Target, double Score, double Weight);

/// <summary>One run's total verdict together with its per-metric results.</summary>
public sealed record DetailedScore(EvaluationScore Score, IReadOnlyList<MetricOutcome> Metrics);

/// <summary>A model that can explain its total score metric by metric (used by <c>sweep evaluate --metrics</c>).</summary>
public interface IMetricEvaluator
{
    DetailedScore EvaluateWithMetrics(EvaluationRequest request);
}
