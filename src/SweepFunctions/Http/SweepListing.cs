using Microsoft.DurableTask.Client;
using SweepFunctions.Orchestration;
using SweepHosting.Api;

namespace SweepFunctions.Http;

/// <summary>
/// Recent sweeps from the task hub: one Durable instance query, filtered by runtime status and paged with the query's
/// continuation token, each instance summarised from its durable state (no blob is read). Schedules and other
/// orchestrations than the sweep's are left out.
/// </summary>
public static class SweepListing
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static async Task<SweepListView> ListAsync(
        DurableTaskClient client, IReadOnlyList<OrchestrationRuntimeStatus>? statuses, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        var query = new OrchestrationQuery
        {
            Statuses = statuses,
            PageSize = Math.Clamp(pageSize, 1, MaxPageSize),
            ContinuationToken = continuationToken,
            FetchInputsAndOutputs = true,
        };
        var page = client.GetAllInstancesAsync(query).AsPages(continuationToken, query.PageSize).GetAsyncEnumerator(cancellationToken);
        if (!await page.MoveNextAsync())
        {
            return new SweepListView { Sweeps = [] };
        }

        var sweeps = page.Current.Values
            .Where(i => i.Name == nameof(SweepOrchestrator))
            .Select(Summarise)
            .OrderByDescending(s => s.CreatedAt)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        return new SweepListView { Sweeps = sweeps, ContinuationToken = string.IsNullOrEmpty(page.Current.ContinuationToken) ? null : page.Current.ContinuationToken };
    }

    /// <summary>A sweep's summary from its durable state; a state that cannot be read leaves its fields out.</summary>
    public static SweepSummaryView Summarise(OrchestrationMetadata instance)
    {
        SweepOutput? output = null;
        SweepInput? input = null;
        try
        {
            output = instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? instance.ReadOutputAs<SweepOutput>() : null;
            input = instance.SerializedInput is null ? null : instance.ReadInputAs<SweepInput>();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException)
        {
            // written by another version: list what the metadata says
        }

        var finished = output?.Stages ?? input?.SoFar?.Finished ?? [];
        return new SweepSummaryView
        {
            Id = instance.InstanceId,
            RuntimeStatus = instance.RuntimeStatus.ToString(),
            Scenario = output?.Scenario ?? input?.Plan.Scenario,
            CreatedAt = instance.CreatedAt,
            LastUpdatedAt = instance.LastUpdatedAt,
            StageCount = input?.Plan.Stages.Count,
            StagesFinished = finished.Count,
            Winner = output?.Final ?? (finished.Count > 0 ? finished[^1].Params : null),
            WinnerIsFinal = output is not null,
        };
    }
}
