using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace SweepFunctions.Schedules;

/// <summary>
/// The recalibration timer. <c>Sweep:ScheduleCron</c> is how often it looks for due schedules; each schedule blob has
/// its own cron. The host parses the timer's cron even for a disabled function, so the setting always holds a valid
/// NCRONTAB, and the timer is switched off with the app setting <c>AzureWebJobs.ScheduledRecalibration.Disabled</c>.
/// </summary>
public sealed class ScheduledRecalibration(ScheduleRunner runner)
{
    [Function(nameof(ScheduledRecalibration))]
    public Task RunAsync([TimerTrigger("%Sweep:ScheduleCron%")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        runner.RunAsync(client, cancellationToken);
}
