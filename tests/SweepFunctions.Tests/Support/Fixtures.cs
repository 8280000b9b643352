using Azure.Storage.Blobs;
using SweepFunctions.Storage;

namespace SweepFunctions.Tests.Support;

/// <summary>The app with an in-memory results store: orchestration tests need no storage emulator.</summary>
public sealed class DurableAppFixture : IAsyncLifetime
{
    public SweepAppHost App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await SweepAppHost.StartAsync(new InMemoryResultStore(), Settings.For("UseDevelopmentStorage=true", "sweeps"));

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// The app with its real blob store on Azurite (or the account in <c>SWEEP_TEST_STORAGE</c>), in a container of its own.
/// Tests call <see cref="RequireStorageAsync"/> first: it FAILS with instructions when the emulator is not running.
/// </summary>
public sealed class AzuriteAppFixture : IAsyncLifetime
{
    public static readonly string ConnectionString = Environment.GetEnvironmentVariable("SWEEP_TEST_STORAGE") is { Length: > 0 } cs ? cs : "UseDevelopmentStorage=true";

    private readonly string _container = "sweeptests-" + Guid.NewGuid().ToString("N")[..12];
    private Action<Microsoft.Extensions.DependencyInjection.IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration>? _configure;
    private Exception? _unreachable;
    private bool _checked;

    /// <summary>An app whose services <paramref name="configure"/> adds to (telemetry, say), for a test that starts its own.</summary>
    public static AzuriteAppFixture With(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration> configure) =>
        new() { _configure = configure };

    public SweepAppHost App { get; private set; } = null!;

    public BlobContainerClient Container => ((BlobResultStore)App.Store).Container;

    public async Task InitializeAsync() => App = await SweepAppHost.StartAsync(null, Settings.For(ConnectionString, _container), _configure);

    public async Task RequireStorageAsync()
    {
        if (!_checked)
        {
            _checked = true;
            var options = new BlobClientOptions();
            options.Retry.MaxRetries = 0;
            options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
            try
            {
                await new BlobContainerClient(ConnectionString, _container, options).CreateIfNotExistsAsync();
            }
            catch (Exception e)
            {
                _unreachable = e;
            }
        }

        if (_unreachable is not null)
        {
            Assert.Fail(
                "This test needs Blob Storage, and Azurite is not reachable on 127.0.0.1:10000. Start it with " +
                "`npx azurite --silent --disableTelemetry --location <tmpdir> --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 --skipApiVersionCheck --loose` " +
                $"(after `npm ci` at the repo root), or set SWEEP_TEST_STORAGE to a connection string. Cause: {_unreachable.GetType().Name}: {_unreachable.Message}");
        }
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        if (_unreachable is null && _checked)
        {
            await new BlobContainerClient(ConnectionString, _container).DeleteIfExistsAsync();
        }
    }
}

internal static class Settings
{
    public static Dictionary<string, string?> For(string connectionString, string container) => new()
    {
        ["SweepResults:ConnectionString"] = connectionString,
        ["SweepResults:Container"] = container,
        ["Sweep:EvaluationBatchSize"] = "50",
    };
}

[CollectionDefinition(Name)]
public sealed class DurableCollection : ICollectionFixture<DurableAppFixture>
{
    public const string Name = "durable engine";
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteAppFixture>
{
    public const string Name = "durable engine and Azurite";
}
