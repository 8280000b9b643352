using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SweepFunctions.Activities;
using SweepFunctions.Telemetry;
using SweepFunctions.Tests.Support;

namespace SweepFunctions.Tests;

/// <summary>Meters and activity listeners are process-wide, so these tests run alone, after the others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "telemetry, run alone";
}

/// <summary>
/// The app's OpenTelemetry (<see cref="SweepTelemetry.AddSweepTelemetry"/>) with in-memory exporters, on a small sweep
/// started through the real HTTP function, run by the real activities on the durable engine, with blobs in Azurite.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests
{
    private const string SweepId = "telemetry-sweep";

    [Fact]
    public async Task Sweep_CountsAndTimesEveryEvaluationByPhase_AndTracesBatchesDurableCallsAndBlobs()
    {
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        var fixture = AzuriteAppFixture.With((services, configuration) =>
        {
            services.AddSweepTelemetry(configuration);
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
            services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
        });
        await fixture.InitializeAsync();
        try
        {
            await fixture.RequireStorageAsync();
            var app = fixture.App;
            var tracer = app.Services.GetRequiredService<TracerProvider>();
            var meter = app.Services.GetRequiredService<MeterProvider>();
            var body = Requests.TwoStages(SweepId);
            body["crossScenario"] = "other";
            body["crossSeeds"] = 3;

            using (var client = new HttpClient(new FunctionsHttpHandler(app)) { BaseAddress = new Uri("http://localhost:7071/api/") })
            using (var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"))
            {
                Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("sweeps", content)).StatusCode);
            }

            await app.WaitForSweepAsync(SweepId);
            Assert.True(tracer.ForceFlush(10_000) && meter.ForceFlush(10_000));

            var received = app.Batches.Where(b => b.SweepId == SweepId).ToList();
            var evaluationsByPhase = received.GroupBy(b => SweepMetrics.PhaseName(b.Phase)).ToDictionary(g => g.Key, g => g.Sum(Evaluations));
            using var report = JsonDocument.Parse((await app.Store.ReadTextAsync($"{SweepId}/report.json"))!);

            // The sweep itself, as the activities received its batches, and the report's count. Screening: 3 candidates
            // of A, then 2 of B (B's incumbent {x: 0.3, n: 2} is A's winner, already scored). Tiers: A 3 + 2 (the
            // incumbent x = 0.5 ties x = 0.1 and ranks first), B 2 + 1. Cross-check: each winner on 3 seeds of `other`
            // (its `quadratic` seeds are already scored).
            Assert.Equal(new Dictionary<string, long> { ["screening"] = 5, ["tier"] = 8, ["cross-check"] = 6 }, evaluationsByPhase);
            Assert.Equal(19, report.RootElement.GetProperty("evaluationsExecuted").GetInt32());

            // The counter and the histogram of seconds per evaluation saw each of them once, tagged with its phase.
            Assert.Equal(evaluationsByPhase, ByPhase(metrics, SweepMetrics.Evaluations, p => p.GetSumLong()));
            Assert.Equal(evaluationsByPhase, ByPhase(metrics, SweepMetrics.EvaluationDuration, p => p.GetHistogramCount()));
            Assert.Equal(
                new Dictionary<string, long> { ["screening"] = received.Count(b => b.Phase == SweepDomain.Evaluation.EvaluationPhase.Screening), ["tier"] = received.Count(b => b.Phase == SweepDomain.Evaluation.EvaluationPhase.Tier), ["cross-check"] = received.Count(b => b.Phase == SweepDomain.Evaluation.EvaluationPhase.CrossCheck) },
                ByPhase(metrics, SweepMetrics.BatchDuration, p => p.GetHistogramCount()));
            var scenarios = Points(metrics, SweepMetrics.Evaluations).Select(p => Tag(p, SweepMetrics.ScenarioTag)).Distinct().Order();
            Assert.Equal(["other", "quadratic"], scenarios);

            // A span per batch, of our source, under the durable activity's span; spans of the orchestration and of the
            // blob calls.
            var ours = spans.Where(s => s.Source.Name == SweepTelemetry.Name && Equals(s.GetTagItem("sweep.id"), SweepId)).ToList();
            Assert.Equal(received.Count, ours.Count);
            Assert.Equal(received.Count(b => b.Phase == SweepDomain.Evaluation.EvaluationPhase.CrossCheck), ours.Count(s => s.DisplayName == nameof(CrossEvaluate)));
            Assert.Equal(received.Sum(Evaluations), ours.Sum(s => Convert.ToInt64(s.GetTagItem("sweep.evaluations"))));
            var durable = spans.Where(s => s.Source.Name == SweepTelemetry.DurableTaskSource && Equals(s.GetTagItem("durabletask.task.instance_id"), SweepId)).ToList();
            Assert.Contains(durable, s => s.DisplayName.StartsWith("orchestration:SweepOrchestrator", StringComparison.Ordinal));
            Assert.Contains(durable, s => s.DisplayName.StartsWith("activity:EvaluateBatch", StringComparison.Ordinal));
            // The engine starts each stage as a new execution (continue-as-new) and carries no trace context into it, so
            // stage 1's batches sit under their durable activity spans and later stages' batches start traces of their own.
            var activitySpans = durable.Where(s => s.DisplayName.StartsWith("activity:", StringComparison.Ordinal)).Select(s => s.SpanId).ToHashSet();
            Assert.All(ours.Where(s => Equals(s.GetTagItem("sweep.stage"), 1)), s => Assert.Contains(s.ParentSpanId, activitySpans));
            Assert.All(ours, s => Assert.True(s.ParentSpanId == default || activitySpans.Contains(s.ParentSpanId)));

            // Every blob the sweep wrote, each under an Azure SDK upload span, with one HTTP span per request (the HttpClient
            // span of a request the Azure SDK already traces is left out).
            var spanById = spans.ToDictionary(s => s.SpanId);
            var written = spans
                .Where(s => s.Source.Name == "Azure.Core.Http" && s.DisplayName == "PUT")
                .Where(s => spanById.TryGetValue(s.ParentSpanId, out var parent) && parent.DisplayName == "BlobClient.Upload")
                .Select(s => new Uri((string)s.GetTagItem("url.full")!).AbsolutePath)
                .Where(path => path.Contains($"/{SweepId}/", StringComparison.Ordinal))
                .Select(path => path[(path.IndexOf($"/{SweepId}/", StringComparison.Ordinal) + 1)..])
                .ToHashSet();
            Assert.Superset(
                new HashSet<string> { $"{SweepId}/request.json", $"{SweepId}/stages/01-A.json", $"{SweepId}/stages/02-B.json", $"{SweepId}/outcomes/01-A.json", $"{SweepId}/outcomes/02-B.json", $"{SweepId}/quadratic_sweep.json", $"{SweepId}/report.json" },
                written);
            var azureRequests = spans.Count(s => s.Source.Name == "Azure.Core.Http");
            Assert.Equal(0, spans.Count(s => s.Source.Name == "System.Net.Http" && spanById.TryGetValue(s.ParentSpanId, out var parent) && parent.Source.Name == "Azure.Core.Http"));
            Assert.True(azureRequests > 0);
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    [Fact]
    public void Exporters_FollowTheSettings()
    {
        Assert.Equal([], SweepTelemetry.Exporters(Config()));
        Assert.Equal(["azuremonitor"], SweepTelemetry.Exporters(Config(("APPLICATIONINSIGHTS_CONNECTION_STRING", "InstrumentationKey=00000000-0000-0000-0000-000000000000"))));
        Assert.Equal(["otlp", "console"], SweepTelemetry.Exporters(Config(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4317"), ("Telemetry:Console", "true"))));
        Assert.Equal([], SweepTelemetry.Exporters(Config(("APPLICATIONINSIGHTS_CONNECTION_STRING", ""), ("Telemetry:Console", "false"))));
    }

    [Fact]
    public void AddSweepTelemetry_EveryExporterAtOnce_BuildsItsProviders()
    {
        var configuration = Config(
            ("APPLICATIONINSIGHTS_CONNECTION_STRING", "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/"),
            ("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "ClientId=11111111-1111-1111-1111-111111111111;Authorization=AAD"),
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9"),
            ("Telemetry:Console", "true"));
        var services = new ServiceCollection().AddLogging().AddSingleton(configuration).AddSweepTelemetry(configuration);

        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<TracerProvider>());
        Assert.NotNull(provider.GetRequiredService<MeterProvider>());
    }

    [Theory]
    [InlineData("ClientId=11111111-1111-1111-1111-111111111111;Authorization=AAD", true)]
    [InlineData("Authorization=AAD", true)]
    [InlineData("", false)]
    [InlineData("Authorization=None", false)]
    public void AzureMonitorCredential_IsTheManagedIdentityOnlyWithAuthorizationAad(string authentication, bool expected)
    {
        var credential = SweepTelemetry.AzureMonitorCredential(authentication);

        Assert.Equal(expected, credential is Azure.Identity.ManagedIdentityCredential);
    }

    [Fact]
    public void AppRuntimeConfig_SwitchesOnTheAzureSdkActivitySources()
    {
        string configuration = typeof(TelemetryTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .Cast<System.Reflection.AssemblyConfigurationAttribute>().Single().Configuration;
        string path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "SweepFunctions", "bin", configuration, "net10.0", "SweepFunctions.runtimeconfig.json");

        using var runtimeConfig = JsonDocument.Parse(File.ReadAllText(path));

        Assert.True(runtimeConfig.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("Azure.Experimental.EnableActivitySource").GetBoolean());
    }

    private static long Evaluations(EvaluateBatchInput batch) => batch.Configs.Sum(c => c.Seeds.Sum(r => (long)r.Count));

    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    /// <summary>The points of the latest snapshot of <paramref name="name"/> (cumulative, so the latest holds everything).</summary>
    private static IReadOnlyList<MetricPoint> Points(List<MetricSnapshot> snapshots, string name) =>
        snapshots.LastOrDefault(m => m.Name == name)?.MetricPoints ?? throw new Xunit.Sdk.XunitException($"No metric '{name}' was exported.");

    private static Dictionary<string, long> ByPhase(List<MetricSnapshot> snapshots, string name, Func<MetricPoint, long> value) =>
        Points(snapshots, name).GroupBy(p => Tag(p, SweepMetrics.PhaseTag)).ToDictionary(g => g.Key, g => g.Sum(value));

    private static string Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return (string)tag.Value!;
            }
        }

        return "";
    }
}
