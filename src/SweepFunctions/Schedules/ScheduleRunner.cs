using System.Globalization;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using SweepDomain;
using SweepDomain.Requests;
using SweepDomain.Results;
using SweepFunctions.Launch;
using SweepFunctions.Storage;

namespace SweepFunctions.Schedules;

/// <summary>What one firing did with one schedule.</summary>
public enum FiringResult { Started, AlreadyStarted, Skipped }

public sealed record ScheduleFiring(string Schedule, FiringResult Result, string? SweepId = null, string? Reason = null);

/// <summary>
/// One pass over the schedules (<c>schedules/{name}.json</c>): each schedule's most recent due time at or before now
/// names its sweep <c>{name}-{due:yyyyMMddTHHmmZ}</c>, started only if no instance has that id and its folder holds no
/// results (the purge removes finished histories, never results; see <see cref="SweepLauncher.StartAsync"/> for the
/// folder's claim). A second firing,
/// a retry or a late timer therefore never starts the same recalibration twice, and a missed one is caught up by the
/// next firing. A broken schedule is logged with its reason and skipped; the others still run.
/// </summary>
public sealed class ScheduleRunner(IResultStore store, SweepLauncher launcher, TimeProvider clock, ILogger<ScheduleRunner> logger)
{
    /// <summary>Length of <c>-yyyyMMddTHHmmZ</c>, the due-time suffix of a scheduled sweep's id.</summary>
    public const int DueTimeSuffixLength = 15;

    public async Task<IReadOnlyList<ScheduleFiring>> RunAsync(DurableTaskClient client, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var firings = new List<ScheduleFiring>();
        foreach (string blob in await store.ListAsync(SweepBlobs.SchedulesPrefix, cancellationToken))
        {
            if (SweepBlobs.ScheduleNameOf(blob) is { } name)
            {
                var firing = await FireAsync(client, name, blob, now, cancellationToken);
                Log(firing);
                firings.Add(firing);
            }
        }

        return firings;
    }

    public static string SweepIdFor(string schedule, DateTimeOffset due) =>
        $"{schedule}-{due.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture)}";

    private async Task<ScheduleFiring> FireAsync(DurableTaskClient client, string name, string blob, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var errors = new ValidationErrors();
            string text = await store.ReadTextAsync(blob, cancellationToken) ?? "";
            if (ScheduleDefinition.Parse(name, text, errors) is not { } schedule)
            {
                return Skipped(name, errors);
            }

            if (schedule.Cron.MostRecentAtOrBefore(now) is not { } due)
            {
                return new ScheduleFiring(name, FiringResult.Skipped, Reason: $"cron '{schedule.Cron}' has no occurrence in the last five years");
            }

            string sweepId = SweepIdFor(name, due);
            if (await client.GetInstanceAsync(sweepId, cancellationToken) is not null || await HasResultsAsync(sweepId, cancellationToken))
            {
                return new ScheduleFiring(name, FiringResult.AlreadyStarted, sweepId);
            }

            var request = await WithBaseAsync(schedule, errors, cancellationToken) with { InstanceId = sweepId };
            if (await launcher.PrepareAsync(request, errors, cancellationToken) is not { } plan)
            {
                return Skipped(name, errors);
            }

            return await launcher.StartAsync(client, sweepId, plan, request, name, cancellationToken) == StartResult.Started
                ? new ScheduleFiring(name, FiringResult.Started, sweepId)
                : new ScheduleFiring(name, FiringResult.AlreadyStarted, sweepId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ScheduleFiring(name, FiringResult.Skipped, Reason: $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>
    /// The sweep's folder holds more than a start's claim (<c>request.json</c>): it ran, even if the purge has removed its
    /// history since, and must not run again and overwrite what it wrote.
    /// </summary>
    private async Task<bool> HasResultsAsync(string sweepId, CancellationToken cancellationToken) =>
        (await store.ListAsync(SweepBlobs.SweepPrefix(sweepId), cancellationToken)).Any(b => b != SweepBlobs.RequestBlob(sweepId));

    /// <summary>With <see cref="BaseFrom.Latest"/>, the base is the schedule's newest winner when it has one.</summary>
    private async Task<SweepRequest> WithBaseAsync(ScheduleDefinition schedule, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (schedule.BaseFrom == BaseFrom.Latest
            && await store.ReadTextAsync(SweepBlobs.LatestBlob(schedule.Name), cancellationToken) is { } text
            && LatestPointer.Parse(text, errors) is { } latest)
        {
            return schedule.Request with { Base = null, BasePath = latest.FinalBlob };
        }

        return schedule.Request;
    }

    private static ScheduleFiring Skipped(string name, ValidationErrors errors) =>
        new(name, FiringResult.Skipped, Reason: string.Join(" ", errors.Lines()));

    private void Log(ScheduleFiring firing)
    {
        switch (firing.Result)
        {
            case FiringResult.Started:
                logger.LogInformation("Schedule {Schedule} started sweep {SweepId}", firing.Schedule, firing.SweepId);
                break;
            case FiringResult.AlreadyStarted:
                logger.LogInformation("Schedule {Schedule}: sweep {SweepId} already exists, nothing started", firing.Schedule, firing.SweepId);
                break;
            default:
                logger.LogWarning("Schedule {Schedule} skipped: {Reason}", firing.Schedule, firing.Reason);
                break;
        }
    }
}
