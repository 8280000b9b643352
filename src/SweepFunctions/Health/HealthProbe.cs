using System.Diagnostics;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;
using Azure;
using Azure.Storage.Blobs;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using SweepDomain.Sweep;
using SweepHosting.Api;

namespace SweepFunctions.Health;

/// <summary>
/// Asks the two things a sweep needs whether they answer: the results container (an existence call, on a client of
/// its own that does not retry) and the task hub (an instance query for one instance). Both run at once, each within
/// <see cref="Timeout"/>. What each check saw is said in the app's own words: status codes and error codes of the
/// storage service, never an exception's message, an endpoint, an account or a connection string.
/// The route is anonymous, so an answer is kept for <see cref="CacheFor"/> after it was made (by the injected clock):
/// callers within that time, and callers while a probe runs, share it instead of touching storage again.
/// </summary>
public sealed class HealthProbe(BlobContainerClient container, TimeProvider clock, TimeSpan? timeout = null)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private Answer? _answer;

    public TimeSpan Timeout { get; } = timeout ?? DefaultTimeout;

    public static string AppVersion { get; } =
        typeof(HealthProbe).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(HealthProbe).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>
    /// The answer of at most <see cref="CacheFor"/> ago for this task hub client, or a new one. The probe itself is
    /// shared, so <paramref name="cancellationToken"/> (the caller went away) ends only this caller's wait; the probe
    /// ends at its <see cref="Timeout"/>.
    /// </summary>
    public async Task<HealthView> CheckAsync(DurableTaskClient client, CancellationToken cancellationToken = default)
    {
        var answer = Volatile.Read(ref _answer);
        while (answer is null || answer.Client != client || IsStale(answer))
        {
            var probe = new TaskCompletionSource<(HealthView View, DateTimeOffset At)>(TaskCreationOptions.RunContinuationsAsynchronously);
            var fresh = new Answer(client, probe.Task);
            var seen = Interlocked.CompareExchange(ref _answer, fresh, answer);
            if (seen == answer)
            {
                // This caller won the race to refresh: only it starts a probe, and every caller waits for its answer.
                _ = ProbeAsync(client).ContinueWith(
                    t => { if (t.IsCompletedSuccessfully) probe.SetResult(t.Result); else probe.SetException(t.Exception!.InnerExceptions); },
                    TaskScheduler.Default);
            }

            answer = seen == answer ? fresh : seen;
        }

        return (await answer.Probe.WaitAsync(cancellationToken)).View;
    }

    private bool IsStale(Answer answer) =>
        answer.Probe.IsCompleted && clock.GetUtcNow() - answer.Probe.Result.At >= CacheFor;

    private async Task<(HealthView View, DateTimeOffset At)> ProbeAsync(DurableTaskClient client)
    {
        var checks = await Task.WhenAll(
            RunAsync(HealthCheckView.ResultsStorage, StorageAsync, CancellationToken.None),
            RunAsync(HealthCheckView.TaskHub, token => TaskHubAsync(client, token), CancellationToken.None));
        return (Viewed(checks), clock.GetUtcNow());
    }

    private static HealthView Viewed(HealthCheckView[] checks) =>
        new()
        {
            Status = checks.All(c => c.Status == HealthView.Healthy) ? HealthView.Healthy : HealthView.Unhealthy,
            AppVersion = AppVersion,
            EngineVersion = SweepEngineVersion.Current,
            DotnetVersion = RuntimeInformation.FrameworkDescription,
            Checks = checks,
        };

    private async Task<string> StorageAsync(CancellationToken cancellationToken) =>
        (await container.ExistsAsync(cancellationToken)).Value
            ? "the results container answered"
            : "the storage answered; the results container does not exist yet (the first sweep creates it)";

    private static async Task<string> TaskHubAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var pages = client.GetAllInstancesAsync(new OrchestrationQuery { PageSize = 1 }).AsPages(pageSizeHint: 1).GetAsyncEnumerator(cancellationToken);
        await using (pages)
        {
            await pages.MoveNextAsync();
        }

        return "the task hub answered an instance query";
    }

    private async Task<HealthCheckView> RunAsync(string name, Func<CancellationToken, Task<string>> check, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        string status = HealthView.Unhealthy;
        string detail;
        try
        {
            // A check that ignores its token still ends at the timeout.
            var run = check(timeout.Token);
            if (await Task.WhenAny(run, Task.Delay(Timeout, cancellationToken)) != run)
            {
                _ = run.ContinueWith(t => t.Exception, TaskScheduler.Default);
                throw new OperationCanceledException();
            }

            detail = await run;
            status = HealthView.Healthy;
        }
        catch (Exception e)
        {
            detail = Describe(e, timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested);
        }

        return new HealthCheckView { Name = name, Status = status, Detail = detail, DurationMs = clock.ElapsedMilliseconds };
    }

    /// <summary>What went wrong, from the exception's kind and codes only: its message may name the endpoint or the account.</summary>
    private string Describe(Exception e, bool timedOut) => e switch
    {
        _ when timedOut || e is OperationCanceledException or TimeoutException => $"no answer within {Timeout.TotalSeconds:0.#} s",
        RequestFailedException { Status: > 0 } r => $"the storage answered HTTP {r.Status}" + (string.IsNullOrEmpty(r.ErrorCode) ? "" : $" ({r.ErrorCode})"),
        RequestFailedException or HttpRequestException or SocketException => "could not connect",
        RpcException r => $"the task hub call failed with gRPC status {r.StatusCode}",
        AggregateException { InnerException: { } inner } => Describe(inner, timedOut),
        _ => $"the check failed ({e.GetType().Name})",
    };

    private sealed record Answer(DurableTaskClient Client, Task<(HealthView View, DateTimeOffset At)> Probe);
}
