using System.Globalization;

namespace BamValidation.Scoring;

/// <summary>Generated target descriptions (validation.md §3.5). Display only.</summary>
internal static class TargetText
{
    public static string For(MetricSpec spec)
    {
        var t = spec.Targets;
        return spec.Check switch
        {
            CheckType.MeanTolerance => Invariant($"target: {t.Target:F4} ± {t.Tolerance:F4}"),
            CheckType.Range => Invariant($"range: [{t.Min:F2}, {t.Max:F2}]"),
            CheckType.PctWithin => Invariant($"target: {t.Target * 100:0.#}% (min: {t.Min * 100:0.#}%)"),
            CheckType.Outlier => Invariant($"max: {t.MaxOutlier * 100:0.#}%"),
            CheckType.Boolean => Invariant($"{(spec.Invert ? "<" : ">")} {spec.Threshold}"),
            _ => "",
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
