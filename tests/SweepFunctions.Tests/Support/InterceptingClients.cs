using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using SweepFunctions.Storage;

namespace SweepFunctions.Tests.Support;

/// <summary>
/// The task hub's client with a hook before each schedule call: <see cref="BeforeSchedule"/> may throw (a scheduler
/// that fails) or wait (a slow one). Everything else goes to the real client.
/// </summary>
public sealed class InterceptingDurableClient(DurableTaskClient inner) : DurableTaskClient(inner.Name)
{
    public Func<string, Task> BeforeSchedule { get; init; } = _ => Task.CompletedTask;

    public static Func<string, Task> FailWith(StatusCode status) => _ => throw new RpcException(new Status(status, "the task hub cannot be reached"));

    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        await BeforeSchedule(options?.InstanceId ?? "");
        return await inner.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, options, cancellation);
    }

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        inner.GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) => inner.GetAllInstancesAsync(filter);

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        inner.RaiseEventAsync(instanceId, eventName, eventPayload, cancellation);

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
        inner.TerminateInstanceAsync(instanceId, options, cancellation);

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        inner.SuspendInstanceAsync(instanceId, reason, cancellation);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        inner.ResumeInstanceAsync(instanceId, reason, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        inner.WaitForInstanceStartAsync(instanceId, getInputsAndOutputs, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        inner.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellation);

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        inner.PurgeInstanceAsync(instanceId, options, cancellation);

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        inner.PurgeAllInstancesAsync(filter, options, cancellation);

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>
/// The results store with a rendezvous: the first <paramref name="parties"/> listings of <paramref name="prefix"/> each
/// wait until all of them have listed, so concurrent requests all pass their look at the folder before any goes on.
/// </summary>
public sealed class RendezvousStore(IResultStore inner, string prefix, int parties) : IResultStore
{
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public async Task<IReadOnlyList<string>> ListAsync(string listed, CancellationToken cancellationToken = default)
    {
        var names = await inner.ListAsync(listed, cancellationToken);
        if (listed == prefix && Interlocked.Increment(ref _arrived) <= parties)
        {
            if (_arrived >= parties)
            {
                _all.TrySetResult();
            }

            await _all.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }

        return names;
    }

    public Task<IReadOnlyList<string>> ListFolderAsync(string folder, CancellationToken cancellationToken = default) => inner.ListFolderAsync(folder, cancellationToken);

    public Task WriteTextAsync(string name, string text, CancellationToken cancellationToken = default) => inner.WriteTextAsync(name, text, cancellationToken);

    public Task<bool> CreateTextAsync(string name, string text, CancellationToken cancellationToken = default) => inner.CreateTextAsync(name, text, cancellationToken);

    public Task<DateTimeOffset?> WrittenAtAsync(string name, CancellationToken cancellationToken = default) => inner.WrittenAtAsync(name, cancellationToken);

    public Task<TimeSpan?> AgeAsync(string name, CancellationToken cancellationToken = default) => inner.AgeAsync(name, cancellationToken);

    public Task<string?> ReadTextAsync(string name, CancellationToken cancellationToken = default) => inner.ReadTextAsync(name, cancellationToken);

    public Task DeleteAsync(string name, CancellationToken cancellationToken = default) => inner.DeleteAsync(name, cancellationToken);
}
