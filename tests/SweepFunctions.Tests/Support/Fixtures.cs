using Azure.Storage.Blobs;
using SweepFunctions.Storage;

namespace SweepFunctions.Tests.Support;

/// <summary>The app with an in-memory results store: orchestration tests need no storage emulator.</summary>
public sealed class DurableAppFixture : IAsyncLifetime
{
    public SweepAppHost App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await SweepAppHost.StartAsync(new InMemoryResultStore(), Settings.For(AzuriteAppFixture.ConnectionString, "sweeps"));

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// The app with its real blob store, in a container of its own, on the account in <c>SWEEP_TEST_STORAGE</c> (a full
/// connection string: <c>./test.sh</c> starts an Azurite of its own on free ports and sets it), or on the Azurite of
/// the default ports (<c>UseDevelopmentStorage=true</c>) when it is not set. Tests call <see cref="RequireStorageAsync"/>
/// first: it FAILS with instructions when the storage does not answer.
/// </summary>
public sealed class AzuriteAppFixture : IAsyncLifetime
{
    /// <summary>The storage account every test that reads or writes blobs uses, and the one the test hosts get.</summary>
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
            string source = Environment.GetEnvironmentVariable("SWEEP_TEST_STORAGE") is { Length: > 0 } ? "SWEEP_TEST_STORAGE" : "the default Azurite (SWEEP_TEST_STORAGE is not set)";
            Assert.Fail(
                $"This test needs Blob Storage, and {new BlobServiceClient(ConnectionString).Uri} ({source}) does not answer. " +
                "Run the tests with ./test.sh, which starts an Azurite of its own, or set SWEEP_TEST_STORAGE to the connection string of an " +
                $"Azurite or storage account of yours. Cause: {_unreachable.GetType().Name}: {_unreachable.Message}");
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
