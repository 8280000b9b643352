using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
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

    /// <summary>
    /// One page of the task hub's instances that match <paramref name="query"/>, sweeps only, newest first within the
    /// page; null when the query's continuation token is not one the task hub gave out. The pages follow the task hub's
    /// own order (on Azure Storage, by instance id), so a page may hold fewer sweeps than its size while more follow.
    /// </summary>
    public static async Task<SweepListView?> ListAsync(DurableTaskClient client, SweepListQuery query, ILogger logger, CancellationToken cancellationToken = default)
    {
        var durableQuery = new OrchestrationQuery
        {
            Statuses = query.Statuses,
            // The task hub filters by its execution's creation, which each stage's continue-as-new moves to the stage's
            // start: no earlier than the sweep's own, so the lower bound is safe to pass; both bounds are applied below.
            CreatedFrom = query.CreatedFrom,
            PageSize = Math.Clamp(query.PageSize, 1, MaxPageSize),
            ContinuationToken = query.ContinuationToken,
            FetchInputsAndOutputs = true,
        };
        Page<OrchestrationMetadata> page;
        try
        {
            var pages = client.GetAllInstancesAsync(durableQuery).AsPages(query.ContinuationToken, durableQuery.PageSize).GetAsyncEnumerator(cancellationToken);
            if (!await pages.MoveNextAsync())
            {
                return new SweepListView { Sweeps = [] };
            }

            page = pages.Current;
        }
        catch (RpcException e) when (query.ContinuationToken is not null && e.StatusCode is StatusCode.Unknown or StatusCode.Internal or StatusCode.InvalidArgument)
        {
            // The task hub could not read the token (the in-process engine and the Azure Storage provider both fail
            // inside the query); a task hub that cannot be reached answers Unavailable and is not mistaken for this.
            return null;
        }

        var sweeps = page.Values
            .Where(i => i.Name == nameof(SweepOrchestrator))
            .Select(instance => Summarise(instance, logger))
            .Where(s => (query.CreatedFrom is not { } from || s.CreatedAt >= from) && (query.CreatedTo is not { } to || s.CreatedAt <= to))
            .OrderByDescending(s => s.CreatedAt)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        return new SweepListView { Sweeps = sweeps, ContinuationToken = string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken };
    }

    /// <summary>A sweep's summary from its durable state; a state that cannot be read leaves its fields out.</summary>
    public static SweepSummaryView Summarise(OrchestrationMetadata instance, ILogger logger)
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
            logger.LogWarning("Sweep {SweepId}: its durable state cannot be read and is listed from its metadata only: {Reason}", instance.InstanceId, e.Message);
        }

        var finished = output?.Stages ?? input?.SoFar?.Finished ?? [];
        return new SweepSummaryView
        {
            Id = instance.InstanceId,
            RuntimeStatus = instance.RuntimeStatus.ToString(),
            Scenario = output?.Scenario ?? input?.Plan.Scenario,
            CreatedAt = SweepInput.StartOf(input, instance.CreatedAt),
            LastUpdatedAt = instance.LastUpdatedAt,
            StageCount = input?.Plan.Stages.Count,
            StagesFinished = finished.Count,
            Winner = output?.Final ?? (finished.Count > 0 ? finished[^1].Params : null),
            WinnerIsFinal = output is not null,
        };
    }
}

/// <summary>
/// What <c>GET /api/sweeps</c> asks the task hub for: the statuses (null for all), the creation window, the page size
/// and the continuation token of the previous page.
/// </summary>
public sealed record SweepListQuery(
    IReadOnlyList<OrchestrationRuntimeStatus>? Statuses, int PageSize, string? ContinuationToken = null, DateTimeOffset? CreatedFrom = null, DateTimeOffset? CreatedTo = null);
