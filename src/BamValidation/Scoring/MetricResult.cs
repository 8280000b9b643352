namespace BamValidation.Scoring;

/// <summary>The result of one metric in one run (validation.md §3.6). <see cref="Score"/> is in [0, 1].</summary>
public sealed record MetricResult(
    string Name,
    Status Status,
    double Actual,
    string TargetDescription,
    double Score,
    double Weight,
    MetricGroup Group,
    MetricFormat Format);
