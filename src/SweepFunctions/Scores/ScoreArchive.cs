using System.Text.Json;
using SweepDomain.Results;
using SweepDomain.Sweep;
using SweepFunctions.Storage;

namespace SweepFunctions.Scores;

/// <summary>
/// Every score a sweep computed, in blobs, so that seed scores need not travel through the orchestration history a
/// second time: each evaluation batch writes <c>{id}/scores/NN/CCCC-BBBB.json</c> (stage NN, call CCCC of the stage,
/// batch BBBB of the call) as it finishes, and when a stage ends its batches are gathered into
/// <c>{id}/scores/NN.json</c>. Names are fixed by the sweep's deterministic order and writes overwrite, so a retried
/// batch leaves the same bytes. Later stages recall earlier scores from the gathered files.
/// </summary>
public sealed class ScoreArchive(IResultStore store)
{
    private static readonly JsonSerializerOptions Json = new(SweepReport.JsonOptions) { WriteIndented = false };

    public Task WriteAsync(string name, ScoreSheet sheet, CancellationToken cancellationToken = default) =>
        store.WriteTextAsync(name, JsonSerializer.Serialize(sheet, Json), cancellationToken);

    /// <summary>
    /// Stage <paramref name="stage"/>'s scores: its gathered file if it was written, otherwise its batches, which are
    /// then gathered into that file (and removed) unless <paramref name="gather"/> is false.
    /// </summary>
    public async Task<IReadOnlyList<ScoredRequest>> StageAsync(string sweepId, int stage, int periods, bool gather, CancellationToken cancellationToken = default)
    {
        if (await ReadAsync(SweepBlobs.ScoreStageBlob(sweepId, stage), cancellationToken) is { } gathered)
        {
            return gathered.Expand();
        }

        var batches = await store.ListAsync(SweepBlobs.ScoreBatchPrefix(sweepId, stage), cancellationToken);
        var scores = new List<ScoredRequest>();
        foreach (string name in batches)
        {
            scores.AddRange((await ReadAsync(name, cancellationToken))!.Expand());
        }

        if (gather)
        {
            await WriteAsync(SweepBlobs.ScoreStageBlob(sweepId, stage), ScoreSheet.From(scores, periods), cancellationToken);
            foreach (string name in batches)
            {
                await store.DeleteAsync(name, cancellationToken);
            }
        }

        return scores;
    }

    /// <summary>The gathered scores of every stage before <paramref name="stage"/>.</summary>
    public async Task<IReadOnlyList<ScoredRequest>> EarlierAsync(string sweepId, int stage, CancellationToken cancellationToken = default)
    {
        var scores = new List<ScoredRequest>();
        for (int s = 0; s < stage; s++)
        {
            var sheet = await ReadAsync(SweepBlobs.ScoreStageBlob(sweepId, s), cancellationToken)
                        ?? throw new InvalidOperationException($"The scores of stage {s + 1} of sweep {sweepId} are missing ({SweepBlobs.ScoreStageBlob(sweepId, s)}).");
            scores.AddRange(sheet.Expand());
        }

        return scores;
    }

    private async Task<ScoreSheet?> ReadAsync(string name, CancellationToken cancellationToken) =>
        await store.ReadTextAsync(name, cancellationToken) is { } text ? JsonSerializer.Deserialize<ScoreSheet>(text, Json) : null;
}
