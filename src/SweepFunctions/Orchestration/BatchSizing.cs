namespace SweepFunctions.Orchestration;

/// <summary>
/// How many evaluations one activity call carries. Each call costs a dispatch round trip (about a quarter second on
/// the in-process engine, more through the queues) and history events, so a fast model wants large batches; but a
/// batch is also the unit a retry repeats and a payload the history carries. So a batch holds about
/// <see cref="TargetSeconds"/> of the evaluator's measured wall time per evaluation (the <c>Sweep__EvaluationBatchSize</c>
/// setting, <paramref name="initial"/>, until a measurement exists), at most <see cref="Max"/> evaluations. A measured call
/// with more than a quarter target of work per slot is cut into at least <see cref="MinBatches"/> batches, so every
/// activity slot of two instances has work; a smaller one is not split below a quarter target each. Whatever the timing, a call never makes more than <see cref="MaxBatches"/> batches: that bounds
/// the history of a step, and wins over <see cref="Max"/> for a call of more than 2,000,000 evaluations. A pure function
/// of its arguments, which the orchestrator reads from history (activity results), so replay makes the same batches.
/// </summary>
public static class BatchSizing
{
    /// <summary>Seconds of measured work one batch aims at: long against the call's overhead, short enough to retry.</summary>
    public const double TargetSeconds = 3.0;

    /// <summary>Most evaluations in a batch (about 136 KB of screening input in the history).</summary>
    public const int Max = 1_000;

    /// <summary>Fewest batches a call is cut into: two instances at <c>maxConcurrentActivityFunctions</c> 2 (host.json).</summary>
    public const int MinBatches = 4;

    /// <summary>Most batches one call makes (the default limits allow about 3,900 at the initial size of 50).</summary>
    public const int MaxBatches = 4_000;

    /// <summary>The batch size for a call of <paramref name="evaluations"/> evaluations.</summary>
    /// <param name="measured">The activities' measured time so far; <see cref="BatchTiming.None"/> before any.</param>
    public static int For(int evaluations, BatchTiming measured, int initial)
    {
        int size = Math.Min(initial, Max);
        if (measured.SecondsPerEvaluation is { } perEvaluation)
        {
            double perSecond = 1 / Math.Max(perEvaluation, 1e-9);
            int wanted = (int)Math.Min(Max, Math.Floor(TargetSeconds * perSecond));
            int quarter = (int)Math.Min(Max, Math.Floor(TargetSeconds / MinBatches * perSecond));
            int spread = Math.Max((int)Math.Ceiling(evaluations / (double)MinBatches), quarter);
            size = Math.Min(wanted, spread);
        }

        int bounded = (int)Math.Ceiling(evaluations / (double)MaxBatches);
        return Math.Max(1, Math.Max(Math.Min(size, evaluations), bounded));
    }
}

/// <summary>
/// The wall time evaluation batches took and how many evaluations they held, summed over the batches returned so far;
/// carried from stage to stage. <see cref="SecondsPerEvaluation"/> is null until some evaluation was measured.
/// </summary>
public sealed record BatchTiming(double Seconds, long Evaluations)
{
    public static readonly BatchTiming None = new(0, 0);

    public double? SecondsPerEvaluation => Evaluations > 0 ? Seconds / Evaluations : null;

    public BatchTiming Add(double seconds, int evaluations) => new(Seconds + seconds, Evaluations + evaluations);
}
