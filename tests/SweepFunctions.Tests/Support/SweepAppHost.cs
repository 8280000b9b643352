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
            .AddSingleton(new ManualClock(new DateTimeOffset(2026, 3, 2, 3, 10, 0, TimeSpan.Zero)))
            .AddSingleton<TimeProvider>(sp => sp.GetRequiredService<ManualClock>());
        if (store is not null)
        {
            services.AddSingleton(store);
        }

        configure?.Invoke(services, configuration);
        var provider = services.BuildServiceProvider();
        var payloads = new ConcurrentDictionary<string, long>();
        var batches = new ConcurrentQueue<EvaluateBatchInput>();
        var durable = await DurableTaskTestHost.StartAsync(registry => Register(registry, provider, payloads, batches));
        return new SweepAppHost(durable, provider) { _payloads = payloads, _batches = batches };
    }

    private ConcurrentDictionary<string, long> _payloads = new();

    private ConcurrentQueue<EvaluateBatchInput> _batches = new();

    /// <summary>Every evaluation batch the activities ran (EvaluateBatch and CrossEvaluate), as they received it.</summary>
    public IReadOnlyList<EvaluateBatchInput> Batches => _batches.ToList();

    /// <summary>
    /// Bytes of activity inputs and outputs a sweep's orchestration history has carried so far, serialised as the
    /// Durable Task SDK's default converter does (System.Text.Json).
    /// </summary>
    public long ActivityPayloadBytes(string sweepId) => _payloads.GetValueOrDefault(sweepId);

    /// <summary>Each function under its name, calling the method its <c>[Function]</c> attribute marks.</summary>
    private static void Register(DurableTaskRegistry registry, IServiceProvider services, ConcurrentDictionary<string, long> payloads, ConcurrentQueue<EvaluateBatchInput> batches)
    {
        T Create<T>() => ActivatorUtilities.CreateInstance<T>(services);
        Func<TaskActivityContext, TIn?, Task<TOut>> Measured<TIn, TOut>(Func<TIn, string> sweepId, Func<TIn, Task<TOut>> run) => async (_, input) =>
        {
            var output = await run(input!);
            payloads.AddOrUpdate(sweepId(input!), _ => 0, (_, total) => total);
            payloads[sweepId(input!)] += JsonSerializer.SerializeToUtf8Bytes(input).Length + JsonSerializer.SerializeToUtf8Bytes(output).Length;
            return output;
        };

        registry.AddOrchestratorFunc<SweepInput, SweepOutput?>(nameof(SweepOrchestrator), (context, input) => SweepOrchestrator.RunAsync(context, input!));
        registry.AddActivityFunc(nameof(EvaluateBatch), Measured<EvaluateBatchInput, ScoreColumns>(i => i.SweepId, async i => { var output = await Create<EvaluateBatch>().RunAsync(i); batches.Enqueue(i); return output; }));
        registry.AddActivityFunc(nameof(CrossEvaluate), Measured<EvaluateBatchInput, ScoreColumns>(i => i.SweepId, async i => { var output = await Create<CrossEvaluate>().RunAsync(i); batches.Enqueue(i); return output; }));
        registry.AddActivityFunc(nameof(RecallScores), Measured<StageRun, ScoreSheet>(i => i.SweepId, i => Create<RecallScores>().RunAsync(i)));
        registry.AddActivityFunc(nameof(WriteStageResult), Measured<WriteStageResultInput, WriteStageResultOutput>(i => i.Stage.SweepId, i => Create<WriteStageResult>().RunAsync(i)));
        registry.AddActivityFunc(nameof(WriteSweepResult), Measured<WriteSweepResultInput, WriteSweepResultOutput>(i => i.SweepId, i => Create<WriteSweepResult>().RunAsync(i)));
    }

    public T Create<T>() => ActivatorUtilities.CreateInstance<T>(Services);

    /// <summary>
    /// The history of the instance's latest execution as the engine stores it: its events and their JSON size. The
    /// in-process engine does not implement the history query, so this reads its instance store (the preview package's
    /// private fields: <c>instanceStore.store[id].HistoryEventsJson</c>).
    /// </summary>
    public (int Events, int Bytes) History(string instanceId)
    {
        const System.Reflection.BindingFlags Private = System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public;
        object? Field(object target, string name) => target.GetType().GetField(name, Private)?.GetValue(target)
            ?? throw new InvalidOperationException($"The in-process engine has no field '{name}' on {target.GetType().Name} any more.");

        var engine = typeof(DurableTaskTestHost).GetFields(Private)
            .Select(f => f.GetValue(_durable))
            .OfType<Microsoft.Extensions.Hosting.IHost>()
            .Select(h => h.Services.GetService<DurableTask.Core.IOrchestrationService>())
            .First(s => s is not null)!;
        var store = (System.Collections.IDictionary)Field(Field(engine, "instanceStore")!, "store")!;
        var state = store[instanceId]!;
        var events = (System.Text.Json.Nodes.JsonArray)state.GetType().GetProperty("HistoryEventsJson")!.GetValue(state)!;
        return (events.Count, System.Text.Encoding.UTF8.GetByteCount(events.ToJsonString()));
    }

    /// <summary>Waits for the sweep to finish (a minute at most) and returns its final state with output.</summary>
    public async Task<OrchestrationMetadata> WaitForSweepAsync(string sweepId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        return await Client.WaitForInstanceCompletionAsync(sweepId, getInputsAndOutputs: true, timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _durable.DisposeAsync();
        await Services.DisposeAsync();
    }
}
