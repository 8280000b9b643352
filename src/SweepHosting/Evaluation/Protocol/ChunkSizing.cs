namespace SweepHosting.Evaluation.Protocol;

/// <summary>
/// How many evaluations a process worker takes at once. A chunk is one round trip (one <c>evaluate</c> line out, its
/// answers back), so a fast model wants large chunks; but a worker that took a large chunk near the end of a batch
/// keeps the others idle until it finishes. So a chunk holds about <see cref="TargetSeconds"/> of the model's measured
/// work (one evaluation until a measurement exists), never more than a quarter of an equal share of what is left, and
/// at most <see cref="Max"/>. The chunking never changes a result: seeds come with the requests and answers are matched
/// by id.
/// </summary>
public static class ChunkSizing
{
    public const double TargetSeconds = 0.1;

    public const int Max = 32;

    /// <param name="secondsPerEvaluation">The model's measured time per evaluation; 0 before any measurement.</param>
    public static int Next(int remaining, int workers, double secondsPerEvaluation)
    {
        int share = (int)Math.Ceiling(remaining / (4.0 * Math.Max(1, workers)));
        int byTime = secondsPerEvaluation > 0 ? (int)Math.Min(Max, Math.Floor(TargetSeconds / secondsPerEvaluation)) : 1;
        return Math.Clamp(Math.Min(share, byTime), 1, Max);
    }
}
