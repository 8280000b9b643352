namespace SweepFunctions.Configuration;

/// <summary>How the app runs sweeps (section <c>Sweep</c>).</summary>
public sealed class SweepAppOptions
{
    public const string Section = "Sweep";

    public const int MaxBatchSize = 10_000;

    /// <summary>Evaluations per activity call: each call costs a dispatch round trip and history events.</summary>
    public int EvaluationBatchSize { get; set; } = 50;

    /// <summary>
    /// The NCRONTAB of the <c>ScheduledRecalibration</c> timer, read by the host as <c>%Sweep:ScheduleCron%</c>. It is
    /// how often the app looks for due schedules, not a schedule itself (each schedule blob has its own cron).
    /// </summary>
    public string? ScheduleCron { get; set; }
}
