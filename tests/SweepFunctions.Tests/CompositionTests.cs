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
            typeof(WriteStageResult), typeof(WriteSweepResult), typeof(ScheduledRecalibration)];
        Assert.All(functions, f => Assert.NotNull(ActivatorUtilities.CreateInstance(services, f)));
        Assert.Equal(50, services.GetRequiredService<IOptions<SweepOptions>>().Value.EvaluationBatchSize);
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
        using var services = Build(new() { ["SweepResults:ConnectionString"] = "UseDevelopmentStorage=true" });
        var activity = ActivatorUtilities.CreateInstance<EvaluateBatch>(services);
        var catalog = services.GetRequiredService<IScenarioCatalog>();
        string scenario = catalog.Names[0];
        EvaluationRequest[] requests = [new(scenario, ParamSet.Empty, 0, 20), new(scenario, ParamSet.Empty, 1, 20)];

        var output = await activity.RunAsync(new EvaluateBatchInput("composition", "A", EvaluationPhase.Screening, requests));

        Assert.Equal(2, output.Scores.Count);
        Assert.All(output.Scores, s => Assert.True(double.IsFinite(s.TotalScore)));
        Assert.Equal(services.GetRequiredService<IScenarioEvaluator>().Evaluate(requests[1]), output.Scores[1]);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddSweepApp(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
}
