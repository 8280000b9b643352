using System.Net;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SweepDomain.Evaluation;
using SweepDomain.Parameters;
using SweepFunctions.Activities;
using SweepFunctions.Health;
using SweepFunctions.Http;
using SweepFunctions.Scores;
using SweepFunctions.Storage;
using SweepHosting.Api;
using SweepFunctions.Tests.Support;

namespace SweepFunctions.Tests;

/// <summary>
/// The invocation's token reaches the work: a cancelled activity stops evaluating, a cancelled HTTP call stops waiting
/// for storage. The cancel watch frees what it holds and looks on its own clock; the anonymous health answer is kept
/// for a few seconds of that clock.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CancellationTests(AzuriteAppFixture fixture)
{
    [Fact]
    public async Task EvaluateBatch_cancelled_by_the_host_mid_batch_stops_before_its_200_evaluations()
    {
        await fixture.RequireStorageAsync();
        var evaluator = new GatedEvaluator();
        var activity = ActivatorUtilities.CreateInstance<EvaluateBatch>(fixture.App.Services, evaluator);
        EvaluationRequest[] requests = Enumerable.Range(0, 200).Select(seed => new EvaluationRequest("quadratic", ParamSet.Empty, seed, 20)).ToArray();
        using var host = new CancellationTokenSource();

        // Started on a pool thread: when the activity's first awaits complete at once, it evaluates on the calling thread,
        // and this test would block inside the call, never opening the gate (the evaluations would then wait out their
        // minute each, 200 of them).
        var run = Task.Run(() => activity.RunAsync(new EvaluateBatchInput("cancel-activity", 0, "A", EvaluationPhase.Screening, 0, 0, 20, ConfigSeeds.Of(requests)), host.Token));
        await evaluator.FirstStarted.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await host.CancelAsync();
        evaluator.Open.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.InRange(evaluator.Count, 1, 199);
    }

    [Fact]
    public async Task GetSweepReport_cancelled_while_storage_is_slow_stops_waiting()
    {
        await fixture.RequireStorageAsync();
        var store = new SilentStore();
        var report = new GetSweepReport(store);
        using var client = new CancellationTokenSource();

        var run = report.RunAsync(TestHttpRequest.Get("sweeps/slow-storage/report"), fixture.App.Client, "slow-storage", client.Token);
        await store.Reading.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await client.CancelAsync();

        // Without the token the read would wait for ever, and this wait would end in a TimeoutException instead.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task CancelWatch_ends_when_the_invocation_is_cancelled_and_frees_its_token_source_when_disposed()
    {
        var clock = new FakeTimeProvider();
        var marker = new CancellationMarker(new InMemoryResultStore(), clock, NullLogger<CancellationMarker>.Instance);
        using var host = new CancellationTokenSource();

        var watch = marker.WatchFor("no-marker", host.Token);
        var token = watch.Token;
        Assert.False(token.IsCancellationRequested);
        await host.CancelAsync();
        Assert.True(token.IsCancellationRequested);
        await watch.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => token.WaitHandle);
    }

    [Fact]
    public async Task CancelWatch_sees_the_marker_when_its_clock_reaches_the_poll_interval_of_1_s()
    {
        var clock = new FakeTimeProvider();
        var store = new InMemoryResultStore();
        var marker = new CancellationMarker(store, clock, NullLogger<CancellationMarker>.Instance);
        await marker.RequestAsync("marked", "test");

        await using var watch = marker.WatchFor("marked");
        var seen = new TaskCompletionSource();
        using var registration = watch.Token.Register(seen.SetResult);
        // The watch's loop starts on the thread pool: move its clock on until it has looked once.
        while (!seen.Task.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(seen.Task, Task.Delay(50));
        }

        Assert.True(watch.Token.IsCancellationRequested);
        Assert.Equal(TimeSpan.FromSeconds(1), CancellationMarker.PollInterval);
    }

    [Fact]
    public async Task Health_answer_is_kept_for_5_s_of_the_clock_then_probed_again()
    {
        await fixture.RequireStorageAsync();
        var storage = new CountingStorage();
        var container = new BlobContainerClient(new Uri("http://127.0.0.1/devstoreaccount1/sweeps"),
            new BlobClientOptions { Transport = new HttpClientTransport(storage), Retry = { MaxRetries = 0 } });
        var clock = new FakeTimeProvider();
        var probe = new HealthProbe(container, clock);

        var first = await probe.CheckAsync(fixture.App.Client);
        clock.Advance(TimeSpan.FromSeconds(4.9));
        var second = await probe.CheckAsync(fixture.App.Client);
        Assert.Equal(1, storage.Requests);
        Assert.Same(first, second);

        clock.Advance(TimeSpan.FromSeconds(0.1));
        var third = await probe.CheckAsync(fixture.App.Client);

        Assert.Equal(2, storage.Requests);
        Assert.NotSame(first, third);
        Assert.Equal(HealthView.Healthy, third.Status);
    }

    [Fact]
    public async Task Health_caller_that_goes_away_stops_waiting_for_the_probe()
    {
        await fixture.RequireStorageAsync();
        var storage = new CountingStorage { Silent = true };
        var container = new BlobContainerClient(new Uri("http://127.0.0.1/devstoreaccount1/sweeps"),
            new BlobClientOptions { Transport = new HttpClientTransport(storage), Retry = { MaxRetries = 0 } });
        var probe = new HealthProbe(container, new FakeTimeProvider(), TimeSpan.FromMinutes(10));
        using var caller = new CancellationTokenSource();

        var check = probe.CheckAsync(fixture.App.Client, caller.Token);
        await storage.Reached.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => check.WaitAsync(TimeSpan.FromMinutes(1)));
    }

    /// <summary>Counts its evaluations; all but the first wait until the test opens the gate.</summary>
    private sealed class GatedEvaluator : IScenarioEvaluator
    {
        private int _count;

        public TaskCompletionSource FirstStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Open { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count => Volatile.Read(ref _count);

        public EvaluationScore Evaluate(EvaluationRequest request)
        {
            Interlocked.Increment(ref _count);
            FirstStarted.TrySetResult();
            Open.Task.Wait(TimeSpan.FromMinutes(1));
            return new EvaluationScore(1, 1, 0, 1, "");
        }
    }

    /// <summary>A store whose reads answer only when their token is cancelled.</summary>
    private sealed class SilentStore : UnsupportedStore
    {
        public TaskCompletionSource Reading { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task<string?> ReadTextAsync(string name, CancellationToken cancellationToken = default)
        {
            Reading.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        }
    }

    /// <summary>A storage endpoint that counts its requests and says the container exists, or never answers.</summary>
    private sealed class CountingStorage : HttpMessageHandler
    {
        private int _requests;

        public bool Silent { get; init; }

        public int Requests => Volatile.Read(ref _requests);

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            Reached.TrySetResult();
            if (Silent)
            {
                await Task.Delay(TimeSpan.FromMinutes(2), CancellationToken.None);
            }

            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
