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
/// </summary>
public sealed class HealthProbe(BlobContainerClient container, TimeSpan? timeout = null)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    public TimeSpan Timeout { get; } = timeout ?? DefaultTimeout;

    public static string AppVersion { get; } =
        typeof(HealthProbe).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(HealthProbe).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public async Task<HealthView> CheckAsync(DurableTaskClient client, CancellationToken cancellationToken = default)
    {
        var checks = await Task.WhenAll(
            RunAsync(HealthCheckView.ResultsStorage, StorageAsync, cancellationToken),
            RunAsync(HealthCheckView.TaskHub, token => TaskHubAsync(client, token), cancellationToken));
        return new HealthView
        {
            Status = checks.All(c => c.Status == HealthView.Healthy) ? HealthView.Healthy : HealthView.Unhealthy,
            AppVersion = AppVersion,
            EngineVersion = SweepEngineVersion.Current,
            DotnetVersion = RuntimeInformation.FrameworkDescription,
            Checks = checks,
        };
    }

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
}
