namespace BamValidation.Scenarios;

/// <summary>The burn-in adjustment rule (validation.md §6.2).</summary>
public static class BurnIn
{
    /// <summary>The burn-in every scenario's targets file gives.</summary>
    public const int DefaultPeriods = 500;

    /// <summary>
    /// The post-burn-in window the targets were written for: every scenario's targets come from runs of 1,000 periods
    /// with a burn-in of 500 (validation.md §2, §6.2).
    /// </summary>
    public const int TargetWindowPeriods = 500;

    /// <summary>
    /// <paramref name="burnIn"/> unless it is below 1 or not below <paramref name="nPeriodsRequested"/>; then
    /// <c>max(1, nPeriods / 2)</c>. Uses the requested periods, not the recorded ones (§13 item 14).
    /// </summary>
    public static int Adjust(int burnIn, int nPeriodsRequested) =>
        burnIn < 1 || burnIn >= nPeriodsRequested ? Math.Max(1, nPeriodsRequested / 2) : burnIn;
}
