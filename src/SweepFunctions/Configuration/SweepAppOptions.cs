using SweepDomain.Requests;

namespace SweepFunctions.Configuration;

/// <summary>How the app runs sweeps (section <c>Sweep</c>).</summary>
public sealed class SweepAppOptions
{
    public const string Section = "Sweep";

    /// <summary>The largest initial batch: the most evaluations <see cref="Orchestration.BatchSizing"/> puts in any batch.</summary>
    public const int MaxBatchSize = Orchestration.BatchSizing.Max;

    /// <summary>Evaluations per activity call until the batches' measured time sizes them (<see cref="Orchestration.BatchSizing"/>).</summary>
    public int EvaluationBatchSize { get; set; } = 50;

    /// <summary>
    /// The NCRONTAB of the <c>ScheduledRecalibration</c> timer, read by the host as <c>%Sweep:ScheduleCron%</c>. It is
    /// how often the app looks for due schedules, not a schedule itself (each schedule blob has its own cron).
    /// </summary>
    public string? ScheduleCron { get; set; }

    /// <summary>The largest request body <c>POST /api/sweeps</c> reads; a larger one gets 413. Default 1 MiB.</summary>
    public int MaxRequestBytes { get; set; } = 1 << 20;

    /// <summary>What one sweep may ask for (<c>Sweep__Limits__MaxEvaluations</c> and the others); see <see cref="SweepLimits"/>.</summary>
    public LimitSettings Limits { get; set; } = new();

    /// <summary>
    /// The NCRONTAB of the <c>PurgeSweepHistories</c> timer (<c>%Sweep:PurgeCron%</c>), which deletes the durable histories
    /// of finished sweeps older than <see cref="PurgeAfterDays"/>; the sweeps' result blobs stay.
    /// </summary>
    public string? PurgeCron { get; set; }

    /// <summary>Days a finished sweep's durable history is kept. Default 30.</summary>
    public int PurgeAfterDays { get; set; } = 30;

    /// <summary>The evaluator endpoints a sweep request may name, by name (<c>Sweep__Evaluators__&lt;name&gt;__Url</c>).</summary>
    public Dictionary<string, EvaluatorEndpointOptions> Evaluators { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The limits as the validator applies them, each naming the app setting that raises it.</summary>
    public SweepLimits ToLimits() => new()
    {
        MaxEvaluations = Limits.MaxEvaluations,
        MaxCandidatesPerStage = Limits.MaxCandidatesPerStage,
        MaxSeedsPerTier = Limits.MaxSeedsPerTier,
        MaxStages = Limits.MaxStages,
        MaxPeriods = Limits.MaxPeriods,
        MaxLabelLength = Limits.MaxLabelLength,
        RaisedBy = name => $"the app setting {Section}__{nameof(Limits)}__{name}",
    };

    /// <summary>The bindable form of <see cref="SweepDomain.Requests.SweepLimits"/>, with the same defaults.</summary>
    public sealed class LimitSettings
    {
        public long MaxEvaluations { get; set; } = SweepDomain.Requests.SweepLimits.Default.MaxEvaluations;

        public long MaxCandidatesPerStage { get; set; } = SweepDomain.Requests.SweepLimits.Default.MaxCandidatesPerStage;

        public int MaxSeedsPerTier { get; set; } = SweepDomain.Requests.SweepLimits.Default.MaxSeedsPerTier;

        public int MaxStages { get; set; } = SweepDomain.Requests.SweepLimits.Default.MaxStages;

        public int MaxPeriods { get; set; } = SweepDomain.Requests.SweepLimits.Default.MaxPeriods;

        public int MaxLabelLength { get; set; } = SweepDomain.Requests.SweepLimits.Default.MaxLabelLength;

        /// <summary>Every limit is at least 1.</summary>
        public bool AreValid => MaxEvaluations >= 1 && MaxCandidatesPerStage >= 1 && MaxSeedsPerTier >= 1 && MaxStages >= 1 && MaxPeriods >= 1 && MaxLabelLength >= 1;
    }
}
