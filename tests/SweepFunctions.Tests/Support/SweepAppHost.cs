using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SweepDomain.Evaluation;
using SweepFunctions.Activities;
using SweepFunctions.Orchestration;
using SweepFunctions.Scores;
using SweepFunctions.Storage;
using SweepTestKit;

namespace SweepFunctions.Tests.Support;

/// <summary>
/// The app on a real durable engine, in-process: the services of <see cref="ServiceCollectionExtensions.AddSweepApp"/>
/// with the test-kit scenarios in place of the model, and the REAL orchestrator and activity classes registered under
/// their function names, so the engine calls the same methods the Functions worker calls.
/// </summary>
public sealed class SweepAppHost : IAsyncDisposable
{
    private readonly DurableTaskTestHost _durable;

    private SweepAppHost(DurableTaskTestHost durable, ServiceProvider services)
    {
        _durable = durable;
        Services = services;
    }

    public ServiceProvider Services { get; }

    public DurableTaskClient Client => _durable.Client;

    public IResultStore Store => Services.GetRequiredService<IResultStore>();

    public TestEvaluator Evaluator => Services.GetRequiredService<TestEvaluator>();

    public ManualClock Clock => Services.GetRequiredService<ManualClock>();

    public ListLoggerProvider Logs => Services.GetRequiredService<ListLoggerProvider>();

    /// <summary>
    /// Starts the app with <paramref name="store"/>, or with the configured blob container when null;
    /// <paramref name="configure"/> adds to its services (telemetry, say) before they are built.
    /// </summary>
    public static async Task<SweepAppHost> StartAsync(IResultStore? store, IDictionary<string, string?> settings, Action<IServiceCollection, IConfiguration>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var logs = new ListLoggerProvider();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs))
            .AddSweepApp(configuration)
            .AddSingleton(logs)
            .AddSingleton<TestEvaluator>()
            .AddSingleton<IScenarioEvaluator>(sp => sp.GetRequiredService<TestEvaluator>())
            .AddSingleton(TestScenarios.Catalog)
            .AddSingleton(new ManualClock(null))
            .AddSingleton<TimeProvider>(sp => sp.GetRequiredService<ManualClock>());
        if (store is not null)
        {
            services.AddSingleton(store);
        }

        configure?.Invoke(services, configuration);
        var provider = services.BuildServiceProvider();
        var host = new Recorder();
        var durable = await DurableTaskTestHost.StartAsync(registry => Register(registry, provider, host));
        return new SweepAppHost(durable, provider) { _recorder = host };
    }

    private static readonly AsyncLocal<EvaluateBatchInput?> CurrentBatchSlot = new();

    private Recorder _recorder = new();

    /// <summary>
    /// The evaluation batch (EvaluateBatch or CrossEvaluate) the calling code runs for, in every thread and task the
    /// activity starts (its evaluations, its cancellation watch); null outside one.
    /// </summary>
    public static EvaluateBatchInput? CurrentBatch => CurrentBatchSlot.Value;

    /// <summary>Every evaluation batch the activities ran (EvaluateBatch and CrossEvaluate), as they received it.</summary>
    public IReadOnlyList<EvaluateBatchInput> Batches => _recorder.Batches.ToList();

    /// <summary>The evaluation batches of <paramref name="sweepId"/> whose activity has started and not yet returned.</summary>
    public IReadOnlyList<EvaluateBatchInput> RunningBatches(string sweepId) => _recorder.Running.Keys.Where(b => b.SweepId == sweepId).ToList();

    /// <summary>
    /// Bytes of activity inputs and outputs a sweep's orchestration history has carried so far, serialised as the
    /// Durable Task SDK's default converter does (System.Text.Json).
    /// </summary>
    public long ActivityPayloadBytes(string sweepId) => _recorder.Payloads.GetValueOrDefault(sweepId);

    /// <summary>What the registered functions saw, by sweep: activity calls and payload sizes, orchestrator episodes, batches.</summary>
    private sealed class Recorder
    {
        public ConcurrentDictionary<string, long> Payloads { get; } = new();

        public ConcurrentDictionary<string, int> ActivityCalls { get; } = new();

        public ConcurrentDictionary<string, int> Episodes { get; } = new();

        public ConcurrentQueue<EvaluateBatchInput> Batches { get; } = new();

        public ConcurrentDictionary<EvaluateBatchInput, byte> Running { get; } = new(ReferenceEqualityComparer.Instance);

        /// <summary>Runs a batch with <see cref="CurrentBatch"/> set, listed as running until it returns or throws.</summary>
        /// <summary>Cancelled when the app host stops, as the Functions host cancels its invocations at shutdown.</summary>
        public CancellationTokenSource Stopping { get; } = new();

        public async Task<EvaluatedBatch> RunBatchAsync(EvaluateBatchInput input, Func<EvaluateBatchInput, Task<EvaluatedBatch>> run)
        {
            CurrentBatchSlot.Value = input;
            Running[input] = 0;
            try
            {
                var output = await run(input);
                Batches.Enqueue(input);
                return output;
            }
            finally
            {
                Running.TryRemove(input, out _);
            }
        }
    }

    /// <summary>Each function under its name, calling the method its <c>[Function]</c> attribute marks.</summary>
    private static void Register(DurableTaskRegistry registry, IServiceProvider services, Recorder recorder)
    {
        T Create<T>() => ActivatorUtilities.CreateInstance<T>(services);
        Func<TaskActivityContext, TIn?, Task<TOut>> Measured<TIn, TOut>(Func<TIn, string> sweepId, Func<TIn, Task<TOut>> run) => async (_, input) =>
        {
            recorder.ActivityCalls.AddOrUpdate(sweepId(input!), 1, (_, calls) => calls + 1);
            var output = await run(input!);
            recorder.Payloads.AddOrUpdate(sweepId(input!), _ => 0, (_, total) => total);
            recorder.Payloads[sweepId(input!)] += JsonSerializer.SerializeToUtf8Bytes(input).Length + JsonSerializer.SerializeToUtf8Bytes(output).Length;
            return output;
        };

        registry.AddOrchestratorFunc<SweepInput, SweepOutput?>(nameof(SweepOrchestrator), (context, input) =>
        {
            recorder.Episodes.AddOrUpdate(context.InstanceId, 1, (_, episodes) => episodes + 1);
            return SweepOrchestrator.RunAsync(context, input!);
        });
        registry.AddActivityFunc(nameof(EvaluateBatch), Measured<EvaluateBatchInput, EvaluatedBatch>(i => i.SweepId, i => recorder.RunBatchAsync(i, b => Create<EvaluateBatch>().RunAsync(b, recorder.Stopping.Token))));
        registry.AddActivityFunc(nameof(CrossEvaluate), Measured<EvaluateBatchInput, EvaluatedBatch>(i => i.SweepId, i => recorder.RunBatchAsync(i, b => Create<CrossEvaluate>().RunAsync(b, recorder.Stopping.Token))));
        registry.AddActivityFunc(nameof(RecallScores), Measured<StageRun, ScoreSheet>(i => i.SweepId, i => Create<RecallScores>().RunAsync(i, recorder.Stopping.Token)));
        registry.AddActivityFunc(nameof(WriteStageResult), Measured<WriteStageResultInput, WriteStageResultOutput>(i => i.Stage.SweepId, i => Create<WriteStageResult>().RunAsync(i, recorder.Stopping.Token)));
        registry.AddActivityFunc(nameof(WriteSweepResult), Measured<WriteSweepResultInput, WriteSweepResultOutput>(i => i.SweepId, i => Create<WriteSweepResult>().RunAsync(i, recorder.Stopping.Token)));
    }

    public T Create<T>() => ActivatorUtilities.CreateInstance<T>(Services);

    /// <summary>
    /// The events an orchestration's history holds, from what the engine ran for the instance: each activity call is
    /// scheduled and completed (2 events), each episode (one run of the orchestrator, replaying) starts and completes
    /// (2), and the execution starts and ends (2). The orchestrator sets no timers and waits for no events (retries
    /// would add timers: a test that counts this way runs without failures). Counted here because the in-process
    /// engine does not answer the history query (<c>GetOrchestrationHistoryAsync</c> returns no events); the counts
    /// run over every execution of the instance, so a test that counts this way runs one stage (one execution).
    /// </summary>
    public int HistoryEvents(string instanceId) =>
        2 * _recorder.ActivityCalls.GetValueOrDefault(instanceId) + 2 * _recorder.Episodes.GetValueOrDefault(instanceId) + 2;

    /// <summary>Waits for the sweep to finish (a minute at most) and returns its final state with output.</summary>
    public async Task<OrchestrationMetadata> WaitForSweepAsync(string sweepId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        return await Client.WaitForInstanceCompletionAsync(sweepId, getInputsAndOutputs: true, timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _recorder.Stopping.CancelAsync();
        await _durable.DisposeAsync();
        await Services.DisposeAsync();
    }
}
