using BamValidation.Metrics;

namespace BamValidation.Scoring;

/// <summary>
/// One scored metric of a scenario (validation.md §3.5). Several specs may read the same <see cref="Field"/>; each
/// still counts separately in the score and the counts. <see cref="Threshold"/> and <see cref="Invert"/> are used
/// by BOOLEAN checks only: the test passes when actual &lt; threshold if inverted, else actual &gt; threshold.
/// </summary>
public sealed record MetricSpec(
    string Name,
    Scalar Field,
    CheckType Check,
    MetricTargets Targets,
    double Weight = 1.0,
    MetricGroup Group = MetricGroup.TimeSeries,
    MetricFormat Format = MetricFormat.Default,
    double Threshold = 0.0,
    bool Invert = false,
    string? TargetDescription = null)
{
    /// <summary>The display text of the target: the explicit one, else generated as in validation.md §3.5.</summary>
    public string Describe() => TargetDescription ?? TargetText.For(this);
}
