namespace BamValidation.Scoring;

/// <summary>How a metric's value is displayed (validation.md §3.4). No effect on scoring.</summary>
public enum MetricFormat
{
    /// <summary>Plain decimal.</summary>
    Default,

    /// <summary>×100 with a % sign.</summary>
    Percent,

    /// <summary>High precision, for small trend coefficients.</summary>
    Trend,

    /// <summary>Rounded to a whole number.</summary>
    Integer,
}
