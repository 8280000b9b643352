namespace BamValidation.Scoring;

/// <summary>
/// The result of one metric in one run (validation.md §3.6): its status, actual value and score in [0, 1]. The
/// name, weight, group, format and target text are those of <see cref="Spec"/>; the original's always-empty
/// <c>message</c> is left out.
/// </summary>
public sealed record MetricResult(MetricSpec Spec, Status Status, double Actual, double Score)
{
    public string Name => Spec.Name;

    public double Weight => Spec.Weight;

    public MetricGroup Group => Spec.Group;

    public MetricFormat Format => Spec.Format;

    /// <summary>Display text of the target, built on demand (scoring never needs it).</summary>
    public string TargetDescription => Spec.Describe();
}
