using BamScenarios;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SweepDomain.Evaluation;
using SweepDomain.Parameters;
using SweepFunctions.Activities;
using SweepFunctions.Configuration;
using SweepFunctions.Http;
using SweepFunctions.Schedules;
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
        using var services = Build(new() { ["SweepResults:ConnectionString"] = "UseDevelopmentStorage=true" });

        Assert.IsType<BamScenarioCatalog>(services.GetRequiredService<IScenarioCatalog>());
        Assert.IsType<BamScenarioEvaluator>(services.GetRequiredService<IScenarioEvaluator>());
        Type[] functions = [typeof(StartSweep), typeof(GetSweep), typeof(GetSweepReport), typeof(CancelSweep), typeof(EvaluateBatch), typeof(CrossEvaluate),
            typeof(RecallScores), typeof(WriteStageResult), typeof(WriteSweepResult), typeof(ScheduledRecalibration),
            typeof(ListSweeps), typeof(GetHealth), typeof(GetOpenApiDocument)];
        Assert.All(functions, f => Assert.NotNull(ActivatorUtilities.CreateInstance(services, f)));
        Assert.Equal(50, services.GetRequiredService<IOptions<SweepAppOptions>>().Value.EvaluationBatchSize);
        Assert.Equal("sweeps", services.GetRequiredService<IOptions<ResultsStorageOptions>>().Value.Container);
    }

    [Fact]
    public void AddSweepApp_BothConnectionStringAndServiceUri_FailsNamingTheSettings()
    {
        using var services = Build(new()
        {
            ["SweepResults:ConnectionString"] = "UseDevelopmentStorage=true",
            ["SweepResults:ServiceUri"] = "https://account.blob.core.windows.net",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ResultsStorageOptions>>().Value);
        Assert.Contains("Set exactly one of SweepResults__ConnectionString (Azurite) or SweepResults__ServiceUri (managed identity).", error.Message);
    }

    [Fact]
    public async Task EvaluateBatch_BamBaseline_ReturnsOneScorePerRequestInOrder()
    {
        var store = new InMemoryResultStore();
        using var services = Build(new() { ["SweepResults:ConnectionString"] = "UseDevelopmentStorage=true" }, store);
        var activity = ActivatorUtilities.CreateInstance<EvaluateBatch>(services);
        var catalog = services.GetRequiredService<IScenarioCatalog>();
        string scenario = catalog.Names[0];
        EvaluationRequest[] requests = [new(scenario, ParamSet.Empty, 0, 20), new(scenario, ParamSet.Empty, 1, 20)];

        var output = await activity.RunAsync(new EvaluateBatchInput("composition", 0, "A", EvaluationPhase.Screening, 0, 0, 20, ConfigSeeds.Of(requests)));

        Assert.Equal(2, output.Count);
        Assert.All(output.All, s => Assert.True(double.IsFinite(s.TotalScore)));
        Assert.Equal(services.GetRequiredService<IScenarioEvaluator>().Evaluate(requests[1]), output[1]);
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
