using System.Collections.Concurrent;
using System.Net;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SweepDomain.Sweep;
using SweepFunctions.Activities;
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
    public async Task Cancel_terminates_without_waiting_for_running_batches_and_no_evaluation_starts_once_each_batch_has_seen_it()
    {
        const string id = "cancel-stops";
        var plan = OrchestrationTests.Plan(Requests.Long().ToJsonString());
        var store = (InMemoryResultStore)App.Store;
        // Which batches have found the marker, before they start (then they must not run) or in their watch.
        var sawMarker = new ConcurrentDictionary<EvaluateBatchInput, byte>(ReferenceEqualityComparer.Instance);
        store.OnRead = (name, found) =>
        {
            if (found && name == SweepBlobs.CancelBlob(id) && SweepAppHost.CurrentBatch is { } batch)
            {
                sawMarker[batch] = 0;
            }
        };
        // Every evaluation of this sweep waits, so its batches are under way when the cancel comes, and stay so.
        App.Evaluator.Hold(_ => SweepAppHost.CurrentBatch?.SweepId == id);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await App.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SweepOrchestrator),
                new SweepInput(id, plan, 10, SweepEngineVersion.Current), new StartOrchestrationOptions(id));
            await UntilAsync(() => Task.FromResult(App.Evaluator.Holding > 0), "no evaluation of the sweep started", timeout.Token);

            var response = await App.Create<CancelSweep>().RunAsync(TestHttpRequest.Post($"sweeps/{id}/cancel", ""), App.Client, id);

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            await UntilAsync(async () => (await App.Client.GetInstanceAsync(id, timeout.Token))!.RuntimeStatus == OrchestrationRuntimeStatus.Terminated,
                "the sweep was not terminated", timeout.Token);
            Assert.True(App.Evaluator.Holding > 0, "the sweep was terminated only once its running evaluations had ended");
            Assert.NotNull(await App.Store.ReadTextAsync(SweepBlobs.CancelBlob(id)));

            // A running batch looks for the marker every PollInterval, and stops at its next evaluation once it has seen
            // it; a batch that starts later sees it first and runs nothing. So once every running batch has seen it,
            // releasing the held evaluations lets them finish and nothing new starts.
            await UntilAsync(() => Task.FromResult(App.RunningBatches(id).All(sawMarker.ContainsKey)), "a running batch never saw the marker", timeout.Token);
            int started = App.Evaluator.Started.Count(s => s == id);
            App.Evaluator.Release();
            await UntilAsync(() => Task.FromResult(App.RunningBatches(id).Count == 0), "a batch did not stop", timeout.Token);
            // Batches still queued may be picked up later; give them time to start: each must find the marker and stop.
            await Task.Delay(CancellationMarker.PollInterval * 2, timeout.Token);

            Assert.Equal(started, App.Evaluator.Started.Count(s => s == id));
            Assert.InRange(started, 1, 184 * 5 - 1);   // far from the sweep's end: 184 candidates × their seeds
        }
        finally
        {
            store.OnRead = null;
            App.Evaluator.Release();
        }
    }

    /// <summary>Waits for <paramref name="condition"/>, looking every 20 ms, and fails saying <paramref name="failure"/> at the timeout.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition, string failure, CancellationToken timeout)
    {
        try
        {
            while (!await condition())
            {
                await Task.Delay(20, timeout);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Assert.Fail(failure);
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
        // Its evaluations wait until the end of the test, so it is still running whatever the machine's speed.
        App.Evaluator.Hold(_ => SweepAppHost.CurrentBatch?.SweepId == "purge-running");
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
            App.Evaluator.Release();
        }
    }
}
