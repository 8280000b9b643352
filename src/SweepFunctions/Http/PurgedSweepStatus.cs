using System.Text.Json;
using SweepDomain;
using SweepDomain.Requests;
using SweepDomain.Results;
using SweepDomain.Sweep;
using SweepFunctions.Activities;
using SweepFunctions.Orchestration;
using SweepFunctions.Storage;
using SweepHosting.Api;

namespace SweepFunctions.Http;

/// <summary>
/// The status of a sweep whose durable history is gone (the purge removes finished histories after
/// <c>Sweep__PurgeAfterDays</c>), read from the blobs it wrote: its accepted request, its stages' outcome blobs, its
/// final blob and report. Completed when it wrote its report, Terminated when it holds a cancel marker, Failed
/// otherwise (the failure's details were in the history). <see cref="SweepStatusView.HistoryPurged"/> says so.
/// </summary>
public static class PurgedSweepStatus
{
    /// <returns>
    /// The status, or null when the folder holds no sweep: no <c>request.json</c>, or nothing else beside it (a start
    /// that has claimed the folder and not scheduled its orchestration yet).
    /// </returns>
    public static async Task<SweepStatusView?> ReadAsync(IResultStore store, string id, CancellationToken cancellationToken = default)
    {
        var blobs = await store.ListAsync(SweepBlobs.SweepPrefix(id), cancellationToken);
        string requestBlob = SweepBlobs.RequestBlob(id);
        if (!blobs.Contains(requestBlob) || blobs.Count < 2
            || await store.ReadTextAsync(requestBlob, cancellationToken) is not { } requestText
            || SweepRequestJson.Parse(requestText, new ValidationErrors()) is not { } request)
        {
            return null;
        }

        var stages = new List<StageView>();
        foreach (string blob in blobs.Where(b => b.StartsWith(id + "/outcomes/", StringComparison.Ordinal)))
        {
            if (await store.ReadTextAsync(blob, cancellationToken) is { } text && JsonSerializer.Deserialize<StageOutcome>(text, SweepReport.JsonOptions) is { } outcome)
            {
                var result = outcome.Result;
                stages.Add(StageViews.From(outcome,
                    new WriteStageResultOutput(SweepBlobs.StageBlob(id, outcome.Index, result.Label), blob, result.WinnerParams, result.CombinedScore)));
            }
        }

        string reportBlob = SweepBlobs.ReportBlob(id);
        bool completed = blobs.Contains(reportBlob);
        string status = completed ? RuntimeStatuses.Completed
            : blobs.Contains(SweepBlobs.CancelBlob(id)) ? RuntimeStatuses.Terminated
            : RuntimeStatuses.Failed;
        string? finalBlob = request.Scenario is { } scenario ? SweepBlobs.FinalBlob(id, scenario) : null;
        var final = completed && finalBlob is not null && await store.ReadTextAsync(finalBlob, cancellationToken) is { } finalText
            ? JsonDocument.Parse(finalText).RootElement.Clone()
            : (JsonElement?)null;
        var createdAt = await store.WrittenAtAsync(requestBlob, cancellationToken) ?? DateTimeOffset.UnixEpoch;
        string lastWritten = completed ? reportBlob : stages.Count > 0 ? stages[^1].OutcomeBlob! : requestBlob;
        return new SweepStatusView
        {
            Id = id,
            RuntimeStatus = status,
            Scenario = request.Scenario,
            CreatedAt = createdAt,
            LastUpdatedAt = await store.WrittenAtAsync(lastWritten, cancellationToken) ?? createdAt,
            Stages = [.. stages.OrderBy(s => s.Stage)],
            Final = final,
            Blobs = blobs,
            HistoryPurged = true,
        };
    }
}
