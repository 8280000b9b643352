namespace BamValidation.Scoring;

/// <summary>How a metric's actual value is compared with its target (validation.md §3.2).</summary>
public enum CheckType
{
    /// <summary>Within target ± tolerance; optional hard bounds <c>min</c>/<c>max</c>.</summary>
    MeanTolerance,

    /// <summary>Within [min, max].</summary>
    Range,

    /// <summary>A fraction that should reach a target level, with a minimum.</summary>
    PctWithin,

    /// <summary>An outlier fraction that should not exceed a maximum.</summary>
    Outlier,

    /// <summary>A strict inequality against the spec's threshold; no WARN band.</summary>
    Boolean,
}
