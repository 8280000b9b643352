using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SweepDomain.Evaluation;
using SweepFunctions.Activities;
using SweepFunctions.Orchestration;
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

    /// <summary>Starts the app with <paramref name="store"/>, or with the configured blob container when null.</summary>
    public static async Task<SweepAppHost> StartAsync(IResultStore? store, IDictionary<string, string?> settings)
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

        var provider = services.BuildServiceProvider();
        var durable = await DurableTaskTestHost.StartAsync(registry => Register(registry, provider));
        return new SweepAppHost(durable, provider);
    }

    /// <summary>Each function under its name, calling the method its <c>[Function]</c> attribute marks.</summary>
    private static void Register(DurableTaskRegistry registry, IServiceProvider services)
    {
        T Create<T>() => ActivatorUtilities.CreateInstance<T>(services);

        registry.AddOrchestratorFunc<SweepInput, SweepOutput>(nameof(SweepOrchestrator), (context, input) => SweepOrchestrator.RunAsync(context, input!));
        registry.AddActivityFunc<EvaluateBatchInput, EvaluateBatchOutput>(nameof(EvaluateBatch), (_, input) => Create<EvaluateBatch>().RunAsync(input!));
        registry.AddActivityFunc<EvaluateBatchInput, EvaluateBatchOutput>(nameof(CrossEvaluate), (_, input) => Create<CrossEvaluate>().RunAsync(input!));
        registry.AddActivityFunc<WriteStageResultInput, WriteStageResultOutput>(nameof(WriteStageResult), (_, input) => Create<WriteStageResult>().RunAsync(input!));
        registry.AddActivityFunc<WriteSweepResultInput, WriteSweepResultOutput>(nameof(WriteSweepResult), (_, input) => Create<WriteSweepResult>().RunAsync(input!));
    }

    public T Create<T>() => ActivatorUtilities.CreateInstance<T>(Services);

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
