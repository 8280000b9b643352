using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SweepFunctions.Configuration;

namespace SweepFunctions.Maintenance;

/// <summary>
/// The purge timer (<c>%Sweep:PurgeCron%</c>): deletes the durable histories of sweeps that completed, failed or were
/// terminated and were created more than <see cref="SweepAppOptions.PurgeAfterDays"/> days ago, so the task hub does not
/// grow for ever. The sweeps' result blobs stay; a purged sweep's status route then answers 404. Running sweeps are never
/// touched. Switched off with the app setting <c>AzureWebJobs.PurgeSweepHistories.Disabled</c>.
/// </summary>
public sealed class PurgeSweepHistories(IOptions<SweepAppOptions> options, TimeProvider clock, ILogger<PurgeSweepHistories> logger)
{
    public static readonly IReadOnlyList<OrchestrationRuntimeStatus> Finished =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    [Function(nameof(PurgeSweepHistories))]
    public Task<int> RunAsync([TimerTrigger("%Sweep:PurgeCron%")] TimerInfo timer, [DurableClient] DurableTaskClient client) =>
        PurgeAsync(client);

    /// <returns>How many instances were purged.</returns>
    public async Task<int> PurgeAsync(DurableTaskClient client, CancellationToken cancellationToken = default)
    {
        var before = clock.GetUtcNow().AddDays(-options.Value.PurgeAfterDays);
        // An explicit lower bound: some task hub back ends (the in-process test engine among them) refuse an open one.
        var result = await client.PurgeAllInstancesAsync(new PurgeInstancesFilter(CreatedFrom: DateTimeOffset.UnixEpoch, CreatedTo: before, Statuses: Finished), cancellationToken);
        logger.LogInformation("Purged the durable histories of {Count} finished sweeps created before {Before:u}; their results stay in storage",
            result.PurgedInstanceCount, before);
        return result.PurgedInstanceCount;
    }
}
