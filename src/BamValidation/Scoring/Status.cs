namespace BamValidation.Scoring;

/// <summary>The verdict on one metric, in increasing severity (validation.md §3.1).</summary>
public enum Status
{
    Pass,
    Warn,
    Fail,
}
