using Microsoft.DurableTask;

namespace SweepFunctions.Tests.Support;

/// <summary>
/// An orchestration context whose activity calls are held: each <c>CallActivityAsync</c> is recorded with a task the
/// test completes when and in what order it likes, so the orchestrator's fan-in runs without an engine.
/// </summary>
public sealed class FanInContext : TaskOrchestrationContext
{
    public List<(string Name, object? Input, TaskCompletionSource<object?> Result)> Calls { get; } = [];

    public int StatusUpdates { get; private set; }

    public override TaskName Name => "SweepOrchestrator";

    public override string InstanceId => "fan-in";

    public override ParentOrchestrationInstance? Parent => null;

    public override DateTime CurrentUtcDateTime => new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public override bool IsReplaying => false;

    protected override Microsoft.Extensions.Logging.ILoggerFactory LoggerFactory => Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;

    public override async Task<T> CallActivityAsync<T>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        var result = new TaskCompletionSource<object?>();
        Calls.Add((name.Name, input, result));
        return (T)(await result.Task)!;
    }

    public override void SetCustomStatus(object? customStatus) => StatusUpdates++;

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => throw new NotSupportedException();

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public override void SendEvent(string instanceId, string eventName, object payload) => throw new NotSupportedException();

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) => throw new NotSupportedException();

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) => throw new NotSupportedException();

    public override Guid NewGuid() => throw new NotSupportedException();

    public override T GetInput<T>() => throw new NotSupportedException();
}
