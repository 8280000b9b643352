using System.Diagnostics;
using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SweepFunctions.Activities;
using SweepFunctions.Health;

namespace SweepFunctions.Telemetry;

/// <summary>
/// The app's OpenTelemetry: traces of the Functions worker (each invocation), outgoing HTTP (not gRPC, and not twice
/// what the Azure SDK traces itself), the Durable Task SDK
/// (<see cref="DurableTaskSource"/>: orchestrations, activities, starts), the Azure SDK (<c>Azure.*</c>: every blob
/// call; the runtime switch <c>Azure.Experimental.EnableActivitySource</c> is set in the project file) and our own
/// spans (<see cref="Source"/>: each evaluation batch); metrics of <see cref="SweepMetrics"/>. Exported to Azure
/// Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, to OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is
/// set, and to the console when <c>Telemetry__Console</c> is <c>true</c>; any of them together.
/// </summary>
public static class SweepTelemetry
{
    /// <summary>Our activity source and meter.</summary>
    public const string Name = "SweepFunctions";

    /// <summary>The Durable Task SDK's activity source (orchestration, activity and client spans).</summary>
    public const string DurableTaskSource = "Microsoft.DurableTask";

    /// <summary>The Azure SDK's activity sources, one per client type (<c>Azure.Storage.Blobs.BlobContainerClient</c>, ...).</summary>
    public const string AzureSdkSources = "Azure.*";

    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AzureMonitorAuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";
    public const string OtlpSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ConsoleSetting = "Telemetry:Console";

    /// <summary>The worker capability that makes the Functions host drop the worker's relayed log lines.</summary>
    public const string WorkerOpenTelemetryCapability = "WorkerOpenTelemetryEnabled";

    public static readonly string Version = HealthProbe.AppVersion;

    public static readonly ActivitySource Source = new(Name, Version);

    /// <summary>The exporters the settings ask for: <c>azuremonitor</c>, <c>otlp</c>, <c>console</c>, in that order.</summary>
    public static IReadOnlyList<string> Exporters(IConfiguration configuration) =>
    [
        .. string.IsNullOrWhiteSpace(configuration[AzureMonitorSetting]) ? Array.Empty<string>() : ["azuremonitor"],
        .. string.IsNullOrWhiteSpace(configuration[OtlpSetting]) ? Array.Empty<string>() : ["otlp"],
        .. configuration.GetValue<bool>(ConsoleSetting) ? ["console"] : Array.Empty<string>(),
    ];

    public static IServiceCollection AddSweepTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var exporters = Exporters(configuration);
        var builder = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing
                .AddSource(Name, DurableTaskSource, AzureSdkSources)
                .AddHttpClientInstrumentation(http => http.FilterHttpRequestMessage = request => !IsGrpc(request) && !TracedByAzureSdk()))
            .WithMetrics(metrics => metrics.AddMeter(Name));

        // UseFunctionsWorkerDefaults declares the capability WorkerOpenTelemetryEnabled, which tells a host in
        // telemetryMode OpenTelemetry to drop every log line the worker relays (categories Function.*), as the worker
        // is then expected to export its own logs. This worker exports traces and metrics only, so its log lines went
        // nowhere: they are relayed to the host instead, which writes them to its console and log stream and exports
        // them with its own telemetry. The host then also records each invocation, beside the worker's own spans.
        services.Configure<WorkerOptions>(worker => worker.Capabilities.Remove(WorkerOpenTelemetryCapability));

        if (exporters.Contains("azuremonitor"))
        {
            builder.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = configuration[AzureMonitorSetting];
                options.Credential = AzureMonitorCredential(configuration[AzureMonitorAuthenticationSetting]);
            });
        }

        if (exporters.Contains("otlp"))
        {
            builder.UseOtlpExporter();   // endpoint, protocol and headers from the OTEL_EXPORTER_OTLP_* settings
        }

        if (exporters.Contains("console"))
        {
            builder.WithTracing(tracing => tracing.AddConsoleExporter()).WithMetrics(metrics => metrics.AddConsoleExporter());
        }

        return services;
    }

    /// <summary>
    /// A gRPC call: the worker's own channel to the Functions host and the Durable client's calls, which the Durable
    /// spans already show; left out of the HTTP spans.
    /// </summary>
    public static bool IsGrpc(HttpRequestMessage request) =>
        request.Content?.Headers.ContentType?.MediaType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>An HTTP request of an Azure SDK client, which its <c>Azure.Core.Http</c> span already shows.</summary>
    private static bool TracedByAzureSdk() =>
        Activity.Current is { } current && (current.Source.Name == AzureCoreHttpSource || current.Parent?.Source.Name == AzureCoreHttpSource);

    private const string AzureCoreHttpSource = "Azure.Core.Http";

    /// <summary>
    /// The identity that sends telemetry when Application Insights has local authentication off: the managed identity
    /// that <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> names (<c>ClientId=...;Authorization=AAD</c>, or
    /// <c>Authorization=AAD</c> for the system-assigned one); none without it.
    /// </summary>
    public static TokenCredential? AzureMonitorCredential(string? authenticationString)
    {
        var parts = (authenticationString ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) || !authorization.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }

    /// <summary>A span for one evaluation batch, child of the durable activity's span when there is one.</summary>
    public static Activity? StartBatch(EvaluateBatchInput input, int evaluations) =>
        Source.StartActivity(
            input.Phase == SweepDomain.Evaluation.EvaluationPhase.CrossCheck ? nameof(CrossEvaluate) : nameof(EvaluateBatch),
            ActivityKind.Internal,
            default(ActivityContext),
            [
                new("sweep.id", input.SweepId),
                new("sweep.stage", input.Stage + 1),
                new("sweep.stage.label", input.Label),
                new(SweepMetrics.PhaseTag, SweepMetrics.PhaseName(input.Phase)),
                new("sweep.batch", $"{input.Call}-{input.Batch}"),
                new("sweep.evaluations", evaluations),
            ]);
}
