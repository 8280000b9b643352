namespace BamValidation.Scoring;

/// <summary>Report label of a metric (validation.md §3.3). Plays no part in scoring.</summary>
public enum MetricGroup
{
    TimeSeries,
    Curves,
    Distribution,
    Growth,
    Financial,
    GrowthRateDist,
    Improvement,
}
