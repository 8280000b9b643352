using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.Extensions.Logging.Abstractions;
using SweepFunctions.Health;
using SweepFunctions.Http;
using SweepFunctions.Tests.Support;

namespace SweepFunctions.Tests;

/// <summary><c>GET /api/health</c> through the app's real HTTP function: storage in Azurite, or on a port where nothing answers.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HealthTests(AzuriteAppFixture fixture)
{
    /// <summary>Azurite's published development account, pointed at a port: the key is public, and must still never be echoed.</summary>
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Fact]
    public async Task Health_StorageAndTaskHubAnswer_Answers200WithTheVersions()
    {
        await fixture.RequireStorageAsync();

        var (status, body, text) = await GetHealthAsync(fixture.App);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("2.2", body.GetProperty("engineVersion").GetString());
        Assert.Equal(
            typeof(GetHealth).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion,
            body.GetProperty("appVersion").GetString());
        Assert.StartsWith(".NET 10.", body.GetProperty("dotnetVersion").GetString());
        var checks = body.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(["resultsStorage", "taskHub"], checks.Select(c => c.GetProperty("name").GetString()));
        Assert.All(checks, c => Assert.Equal("Healthy", c.GetProperty("status").GetString()));
        Assert.Equal("the task hub answered an instance query", checks[1].GetProperty("detail").GetString());
        Assert.DoesNotContain("devstoreaccount1", text);
    }

    [Fact]
    public async Task Health_StorageOnAClosedPort_Answers503SayingItCouldNotConnect()
    {
        int port = ClosedPort();
        string connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
        await using var app = await SweepAppHost.StartAsync(null, new Dictionary<string, string?>
        {
            ["SweepResults:ConnectionString"] = connection,
            ["SweepResults:Container"] = "sweeps",
        });

        var (status, body, text) = await GetHealthAsync(app);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => (Status: c.GetProperty("status").GetString(), Detail: c.GetProperty("detail").GetString()));
        // The refused connection itself, not the probe's timeout ("no answer within 5 s"): it did not wait or retry.
        Assert.Equal(("Unhealthy", "could not connect"), checks["resultsStorage"]);
        Assert.Equal(("Healthy", "the task hub answered an instance query"), checks["taskHub"]);
        Assert.Equal("2.2", body.GetProperty("engineVersion").GetString());
        foreach (string secret in new[] { "127.0.0.1", port.ToString(), "devstoreaccount1", "AccountKey", DevelopmentKey[..12], "Exception" })
        {
            Assert.DoesNotContain(secret, text);
        }
    }

    [Fact]
    public async Task Health_TaskHubUnreachable_Answers503NamingTheTaskHub()
    {
        await fixture.RequireStorageAsync();
        int port = ClosedPort();
        await using var client = new GrpcDurableTaskClient("unreachable", new GrpcDurableTaskClientOptions { Address = $"http://127.0.0.1:{port}" }, NullLogger.Instance);

        var response = await fixture.App.Create<GetHealth>().RunAsync(TestHttpRequest.Get("health"), client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var checks = response.BodyJson().GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => (Status: c.GetProperty("status").GetString(), Detail: c.GetProperty("detail").GetString()));
        Assert.Equal("Healthy", checks["resultsStorage"].Status);
        Assert.Equal(("Unhealthy", "the task hub call failed with gRPC status Unavailable"), checks["taskHub"]);
        Assert.DoesNotContain(port.ToString(), response.BodyText());
    }

    [Fact]
    public async Task HealthProbe_StorageThatNeverAnswers_GivesUpAtItsTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();   // accepts connections (the backlog does) and never answers a request
        int port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var container = new Azure.Storage.Blobs.BlobContainerClient(
            new Uri($"http://127.0.0.1:{port}/devstoreaccount1/sweeps"),
            new Azure.Storage.Blobs.BlobClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromMinutes(10) } });
        var probe = new HealthProbe(container, TimeProvider.System, TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        // The storage client alone would wait 10 minutes for the answer; the probe must end long before, at its own 1 s.
        var health = await probe.CheckAsync(fixture.App.Client).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"gave up after {clock.Elapsed.TotalSeconds:0.###} s, before its timeout of 1 s");
        var storage = health.Checks.Single(c => c.Name == "resultsStorage");
        Assert.Equal(("Unhealthy", "no answer within 1 s"), (storage.Status, storage.Detail));
        Assert.Equal("Unhealthy", health.Status);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body, string Text)> GetHealthAsync(SweepAppHost app)
    {
        using var client = new HttpClient(new FunctionsHttpHandler(app)) { BaseAddress = new Uri("http://localhost:7071/") };
        using var response = await client.GetAsync("api/health");
        string text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), text);
    }

    /// <summary>A loopback port nothing listens on: one the system just gave out and took back.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
