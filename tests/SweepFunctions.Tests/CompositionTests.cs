using System.Reflection;
using BamScenarios;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SweepDomain.Evaluation;
using SweepDomain.Parameters;
using SweepFunctions.Activities;
using SweepFunctions.Configuration;
using SweepFunctions.Http;
using SweepFunctions.Scores;
using SweepFunctions.Storage;
using SweepFunctions.Tests.Support;

namespace SweepFunctions.Tests;

/// <summary>The app's own composition (<see cref="ServiceCollectionExtensions.AddSweepApp"/>), with the real BAM model.</summary>
public sealed class CompositionTests
{
    [Fact]
    public void AddSweepApp_EveryFunctionClass_CanBeCreatedWithTheBamModel()
    {
        using var services = Build(new() { ["SweepResults:ConnectionString"] = AzuriteAppFixture.ConnectionString });

        Assert.IsType<BamScenarioCatalog>(services.GetRequiredService<IScenarioCatalog>());
        Assert.IsType<BamScenarioEvaluator>(services.GetRequiredService<IScenarioEvaluator>());
        var entryPoints = FunctionEntryPoints();
        // The orchestrator is a static method the engine calls without an instance; every other function needs its class.
        Assert.All(entryPoints.Where(m => m.IsStatic), m => Assert.Contains(m.GetParameters(), p => p.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null));
        var classes = entryPoints.Where(m => !m.IsStatic).Select(m => m.DeclaringType!).Distinct().ToList();
        Assert.Contains(typeof(GetSweepStage), classes);   // one of those an earlier hand-written list missed
        Assert.All(classes, f => Assert.NotNull(ActivatorUtilities.CreateInstance(services, f)));
        Assert.Equal(50, services.GetRequiredService<IOptions<SweepAppOptions>>().Value.EvaluationBatchSize);
        Assert.Equal("sweeps", services.GetRequiredService<IOptions<ResultsStorageOptions>>().Value.Container);
    }

    [Fact]
    public void FunctionIndex_NamesEveryFunctionMethodOfTheApp()
    {
        var marked = typeof(StartSweep).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null);

        Assert.Equal(marked.OrderBy(m => m.DeclaringType!.FullName), FunctionEntryPoints().OrderBy(m => m.DeclaringType!.FullName));
    }

    /// <summary>The method of each function of the index (its <c>entryPoint</c>, <c>Namespace.Class.Method</c>), found in the app.</summary>
    private static List<MethodInfo> FunctionEntryPoints() => FunctionIndex.Functions.Values
        .Select(f => f.GetProperty("entryPoint").GetString()!)
        .Select(entryPoint =>
        {
            int dot = entryPoint.LastIndexOf('.');
            var type = typeof(StartSweep).Assembly.GetType(entryPoint[..dot]);
            Assert.True(type is not null, $"The function index names {entryPoint}, and the app has no class {entryPoint[..dot]}.");
            return type!.GetMethod(entryPoint[(dot + 1)..])!;
        })
        .ToList();

    [Fact]
    public void AddSweepApp_BothConnectionStringAndServiceUri_FailsNamingTheSettings()
    {
        using var services = Build(new()
        {
            ["SweepResults:ConnectionString"] = AzuriteAppFixture.ConnectionString,
            ["SweepResults:ServiceUri"] = "https://account.blob.core.windows.net",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ResultsStorageOptions>>().Value);
        Assert.Contains("Set exactly one of SweepResults__ConnectionString (Azurite) or SweepResults__ServiceUri (managed identity).", error.Message);
    }

    [Fact]
    public async Task EvaluateBatch_BamBaseline_ReturnsOneScorePerRequestInOrder()
    {
        var store = new InMemoryResultStore();
        using var services = Build(new() { ["SweepResults:ConnectionString"] = AzuriteAppFixture.ConnectionString }, store);
        var activity = ActivatorUtilities.CreateInstance<EvaluateBatch>(services);
        var catalog = services.GetRequiredService<IScenarioCatalog>();
        string scenario = catalog.Names[0];
        EvaluationRequest[] requests = [new(scenario, ParamSet.Empty, 0, 20), new(scenario, ParamSet.Empty, 1, 20)];

        var output = await activity.RunAsync(new EvaluateBatchInput("composition", 0, "A", EvaluationPhase.Screening, 0, 0, 20, ConfigSeeds.Of(requests)), CancellationToken.None);

        Assert.Equal(2, output.Scores.Count);
        Assert.All(output.Scores.All, s => Assert.True(double.IsFinite(s.TotalScore)));
        Assert.Equal(services.GetRequiredService<IScenarioEvaluator>().Evaluate(requests[1]), output.Scores[1]);
        Assert.True(output.Seconds > 0, $"The batch reports the wall time of its evaluations, and reported {output.Seconds} s.");
        Assert.Equal(["composition/scores/01/0000-0000.json"], await store.ListAsync("composition/"));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, IResultStore? store = null)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSweepApp(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        if (store is not null)
        {
            services.AddSingleton(store);
        }

        return services.BuildServiceProvider();
    }
}
