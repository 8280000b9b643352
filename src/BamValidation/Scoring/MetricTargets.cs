namespace BamValidation.Scoring;

/// <summary>
/// The target entry of one metric, with the keys of the original's targets YAML (validation.md §3.2). Which keys
/// matter depends on the check type: MEAN_TOLERANCE reads <see cref="Target"/>, <see cref="Tolerance"/> and the
/// optional hard bounds <see cref="Min"/>/<see cref="Max"/>; RANGE reads <see cref="Min"/>/<see cref="Max"/>;
/// PCT_WITHIN reads <see cref="Target"/>/<see cref="Min"/>; OUTLIER reads <see cref="MaxOutlier"/> and
/// <see cref="PenaltyWeight"/>; BOOLEAN reads nothing (its threshold lives on the <see cref="MetricSpec"/>).
/// </summary>
public sealed record MetricTargets(
    double Target = 0.0,
    double Tolerance = 0.0,
    double? Min = null,
    double? Max = null,
    double MaxOutlier = 0.0,
    double PenaltyWeight = 2.0)
{
    public static MetricTargets MeanTolerance(double target, double tolerance, double? min = null, double? max = null) =>
        new(Target: target, Tolerance: tolerance, Min: min, Max: max);

    public static MetricTargets Range(double min, double max) => new(Min: min, Max: max);

    public static MetricTargets PctWithin(double target, double min) => new(Target: target, Min: min);

    public static MetricTargets Outlier(double maxOutlier, double penaltyWeight = 2.0) =>
        new(MaxOutlier: maxOutlier, PenaltyWeight: penaltyWeight);

    public static MetricTargets None { get; } = new();

    /// <summary>Lower bound of a RANGE or PCT_WITHIN entry (required there).</summary>
    internal double Lo => Min ?? throw new InvalidOperationException("This target entry has no 'min'.");

    /// <summary>Upper bound of a RANGE entry (required there).</summary>
    internal double Hi => Max ?? throw new InvalidOperationException("This target entry has no 'max'.");
}
