using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SweepFunctions.Configuration;
using SweepFunctions.Orchestration;

namespace SweepFunctions.Maintenance;

/// <summary>
/// The purge timer (<c>%Sweep:PurgeCron%</c>): deletes the durable histories of sweeps that completed, failed or were
/// terminated and started more than <see cref="SweepAppOptions.PurgeAfterDays"/> days ago, so the task hub does not
/// grow for ever. A sweep's start is the one it carries through its stages (<see cref="SweepInput.StartOf"/>), not its
/// last stage's. The sweeps' result blobs stay, and the status, report, stage and page routes answer from them; a
/// scheduled sweep whose history is purged still counts as started. Running sweeps are never touched. Switched off with
/// the app setting <c>AzureWebJobs.PurgeSweepHistories.Disabled</c>.
/// </summary>
public sealed class PurgeSweepHistories(IOptions<SweepAppOptions> options, TimeProvider clock, ILogger<PurgeSweepHistories> logger)
{
    public static readonly IReadOnlyList<OrchestrationRuntimeStatus> Finished =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    [Function(nameof(PurgeSweepHistories))]
    public Task<int> RunAsync([TimerTrigger("%Sweep:PurgeCron%")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        PurgeAsync(client, cancellationToken);

    /// <returns>How many instances were purged.</returns>
    public async Task<int> PurgeAsync(DurableTaskClient client, CancellationToken cancellationToken = default)
    {
        var before = clock.GetUtcNow().AddDays(-options.Value.PurgeAfterDays);
        // Every finished instance is looked at: one whose last stage began after the cut-off may still have started before it.
        var query = new OrchestrationQuery { Statuses = Finished, FetchInputsAndOutputs = true, PageSize = 100 };
        var old = new List<string>();
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (StartOf(instance) <= before)
            {
                old.Add(instance.InstanceId);
            }
        }

        int purged = 0;
        foreach (string id in old)
        {
            purged += (await client.PurgeInstanceAsync(id, cancellationToken)).PurgedInstanceCount;
        }

        logger.LogInformation("Purged the durable histories of {Count} finished sweeps started before {Before:u}; their results stay in storage",
            purged, before);
        return purged;
    }

    /// <summary>The sweep's own start; an instance whose input cannot be read (another orchestration, another version) by its creation.</summary>
    private DateTimeOffset StartOf(OrchestrationMetadata instance)
    {
        try
        {
            return SweepInput.StartOf(instance.Name == nameof(SweepOrchestrator) ? instance.ReadInputAs<SweepInput>() : null, instance.CreatedAt);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException)
        {
            logger.LogWarning("Instance {InstanceId}: its input cannot be read ({Reason}), so its age counts from its creation, {CreatedAt:u}",
                instance.InstanceId, e.Message, instance.CreatedAt);
            return instance.CreatedAt;
        }
    }
}
