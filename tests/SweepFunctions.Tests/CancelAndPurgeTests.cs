using System.Diagnostics;
using System.Net;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SweepDomain.Sweep;
using SweepFunctions.Configuration;
using SweepFunctions.Http;
using SweepFunctions.Maintenance;
using SweepFunctions.Orchestration;
using SweepFunctions.Storage;
using SweepFunctions.Tests.Support;

namespace SweepFunctions.Tests;

/// <summary>Cancel stops the work, not only the orchestration; the purge timer removes old histories and keeps results.</summary>
[Collection(DurableCollection.Name)]
public sealed class CancelAndPurgeTests(DurableAppFixture fixture)
{
    private SweepAppHost App => fixture.App;

    [Fact]
    public async Task Cancel_terminates_within_seconds_and_no_evaluation_starts_once_the_batches_have_seen_it()
    {
        var plan = OrchestrationTests.Plan(Requests.Long().ToJsonString());
        App.Evaluator.Delay = TimeSpan.FromMilliseconds(20);
        try
        {
            int before = App.Evaluator.Seen.Count;
            await App.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SweepOrchestrator),
                new SweepInput("cancel-stops", plan, 10, SweepEngineVersion.Current), new StartOrchestrationOptions("cancel-stops"));
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            while (App.Evaluator.Seen.Count < before + 40)
            {
                await Task.Delay(20, timeout.Token);
            }

            var response = await App.Create<CancelSweep>().RunAsync(TestHttpRequest.Post("sweeps/cancel-stops/cancel", ""), App.Client, "cancel-stops");
            long cancelled = Stopwatch.GetTimestamp();

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var state = await App.Client.GetInstanceAsync("cancel-stops", timeout.Token);
            while (state!.RuntimeStatus != OrchestrationRuntimeStatus.Terminated)
            {
                Assert.True(Stopwatch.GetElapsedTime(cancelled) < TimeSpan.FromSeconds(5), $"still {state.RuntimeStatus} 5 s after cancel");
                await Task.Delay(50, timeout.Token);
                state = await App.Client.GetInstanceAsync("cancel-stops", timeout.Token);
            }

            // Batches poll the marker every second and stop at their next evaluation; queued ones never start. Allow a
            // second of scheduling slack on a busy machine, wait long enough for every queued batch to have been picked
            // up, then check that nothing started late and nothing runs any more.
            var stopBy = CancellationMarker.PollInterval + TimeSpan.FromSeconds(1);
            await Task.Delay(stopBy, timeout.Token);
            int stopped = App.Evaluator.Seen.Count;
            await Task.Delay(TimeSpan.FromSeconds(3), timeout.Token);
            var late = App.Evaluator.Started.Where(t => Stopwatch.GetElapsedTime(cancelled, t) > stopBy).ToList();
            Assert.True(late.Count == 0, $"{late.Count} evaluations started more than {stopBy.TotalSeconds} s after the cancel");
            Assert.Equal(stopped, App.Evaluator.Seen.Count);
            Assert.True(App.Evaluator.Seen.Count - before < 184 * 5, "the sweep ran to its end");   // far from its 184 × seeds
            Assert.NotNull(await App.Store.ReadTextAsync(SweepBlobs.CancelBlob("cancel-stops")));
        }
        finally
        {
            App.Evaluator.Delay = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Purge_removes_finished_histories_older_than_the_setting_and_keeps_running_ones_and_results()
    {
        var quick = OrchestrationTests.Plan(Requests.OneStage().ToJsonString());
        var slow = OrchestrationTests.Plan(Requests.Long().ToJsonString());
        await App.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SweepOrchestrator), new SweepInput("purge-done", quick, 50, SweepEngineVersion.Current), new StartOrchestrationOptions("purge-done"));
        await App.WaitForSweepAsync("purge-done");
        await App.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SweepOrchestrator), new SweepInput("purge-terminated", slow, 5, SweepEngineVersion.Current), new StartOrchestrationOptions("purge-terminated"));
        await App.Client.TerminateInstanceAsync("purge-terminated");
        await App.WaitForSweepAsync("purge-terminated");
        App.Evaluator.Delay = TimeSpan.FromMilliseconds(20);
        try
        {
            await App.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SweepOrchestrator), new SweepInput("purge-running", slow, 5, SweepEngineVersion.Current), new StartOrchestrationOptions("purge-running"));
            var options = Options.Create(new SweepAppOptions { PurgeAfterDays = 30 });

            int today = await new PurgeSweepHistories(options, new ManualClock(DateTimeOffset.UtcNow), NullLogger<PurgeSweepHistories>.Instance).PurgeAsync(App.Client);
            Assert.Equal(0, today);
            Assert.NotNull(await App.Client.GetInstanceAsync("purge-done"));

            int later = await new PurgeSweepHistories(options, new ManualClock(DateTimeOffset.UtcNow.AddDays(31)), NullLogger<PurgeSweepHistories>.Instance).PurgeAsync(App.Client);

            Assert.True(later >= 2, $"{later} purged");
            Assert.Null(await App.Client.GetInstanceAsync("purge-done"));
            Assert.Null(await App.Client.GetInstanceAsync("purge-terminated"));
            Assert.Equal(OrchestrationRuntimeStatus.Running, (await App.Client.GetInstanceAsync("purge-running"))!.RuntimeStatus);
            Assert.Contains("purge-done/report.json", await App.Store.ListAsync("purge-done/"));
        }
        finally
        {
            await App.Client.TerminateInstanceAsync("purge-running");
            App.Evaluator.Delay = TimeSpan.Zero;
        }
    }
}
