using Azure.Identity;
using Azure.Storage.Blobs;
using BamScenarios;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SweepDomain.Evaluation;
using SweepFunctions.Configuration;
using SweepFunctions.Evaluation;
using SweepFunctions.Health;
using SweepFunctions.Launch;
using SweepFunctions.Schedules;
using SweepFunctions.Storage;
using SweepFunctions.Telemetry;

namespace SweepFunctions;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Everything the sweep app needs: validated options, the results container, the launcher shared by HTTP and the
    /// scheduler, and the model's scenario catalog and evaluator. Function classes are created by the worker.
    /// </summary>
    public static IServiceCollection AddSweepApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ResultsStorageOptions>().Bind(configuration.GetSection(ResultsStorageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ResultsStorageOptions>, ResultsStorageOptionsValidator>();
        services.AddOptions<SweepAppOptions>().Bind(configuration.GetSection(SweepAppOptions.Section))
            .Validate(o => o.EvaluationBatchSize is >= 1 and <= SweepAppOptions.MaxBatchSize, $"Sweep__EvaluationBatchSize must be 1 to {SweepAppOptions.MaxBatchSize}.")
            .Validate(o => o.MaxRequestBytes >= 1024, "Sweep__MaxRequestBytes must be at least 1024.")
            .Validate(o => o.Limits.AreValid, "Every Sweep__Limits__* setting must be at least 1.")
            .Validate(o => o.PurgeAfterDays >= 1, "Sweep__PurgeAfterDays must be at least 1.")
            .Validate(o => o.Evaluators.All(e => e.Value.Problem(e.Key) is null), "Every Sweep__Evaluators__<name> needs an https Url and exactly one of Audience and Key.")
            .ValidateOnStart();

        services.AddSingleton(sp => ResultsContainer(sp.GetRequiredService<IOptions<ResultsStorageOptions>>().Value));
        services.AddSingleton<IResultStore, BlobResultStore>();
        services.AddSingleton<CancellationMarker>();
        services.AddSingleton<SweepLauncher>();
        services.AddSingleton<ScheduleRunner>();
        services.AddSingleton(sp => new HealthProbe(ResultsContainer(sp.GetRequiredService<IOptions<ResultsStorageOptions>>().Value, HealthProbeClientOptions()), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<SweepMetrics>();

        services.AddSingleton<IScenarioCatalog, BamScenarioCatalog>();
        services.AddSingleton<IScenarioEvaluator, BamScenarioEvaluator>();
        services.AddSingleton<NamedEvaluators>();
        return services;
    }

    /// <summary>Azurite or a connection string when one is set; otherwise the service URI with the app's identity (no keys).</summary>
    private static BlobContainerClient ResultsContainer(ResultsStorageOptions options, BlobClientOptions? clientOptions = null)
    {
        var service = !string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new BlobServiceClient(options.ConnectionString, clientOptions)
            : new BlobServiceClient(options.ServiceUri, new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ClientId }), clientOptions);
        return service.GetBlobContainerClient(options.Container);
    }

    /// <summary>The health check's own client: one attempt, so a storage that does not answer is reported at once.</summary>
    private static BlobClientOptions HealthProbeClientOptions()
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = HealthProbe.DefaultTimeout;
        return options;
    }
}
