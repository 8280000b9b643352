namespace BamValidation.Scoring;

/// <summary>
/// The fail-escalation multiplier (validation.md §5.1): <c>esc(w) = clamp(5 − 2w, 0.5, 5)</c>. It widens the WARN
/// band of light metrics (esc &gt; 1) and narrows that of heavy ones (esc &lt; 1); the PASS band never changes.
/// </summary>
public static class FailEscalation
{
    public static double Multiplier(double weight) => Math.Clamp(5.0 - 2.0 * weight, 0.5, 5.0);
}
