using Microsoft.Extensions.Logging;
using SweepFunctions.Storage;
using SweepFunctions.Tests.Support;

namespace SweepFunctions.Tests;

/// <summary>The cancel watch: a failed look-up is no cancellation, but it is never silent.</summary>
public sealed class CancellationMarkerTests
{
    [Fact]
    public async Task A_marker_that_cannot_be_read_is_logged_as_a_warning_with_its_cause_and_does_not_cancel()
    {
        using var logs = new ListLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var marker = new CancellationMarker(new UnreadableStore(), TimeProvider.System, factory.CreateLogger<CancellationMarker>());

        await using (var watch = marker.WatchFor("unreadable"))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (logs.Lines.Count == 0)
            {
                await Task.Delay(50, timeout.Token);
            }

            Assert.False(watch.Token.IsCancellationRequested);
        }

        Assert.StartsWith("Warning: Sweep unreadable: the cancel marker could not be read; looking again in 1 s", logs.Lines[0]);
    }

    private sealed class UnreadableStore : UnsupportedStore
    {
        public override Task<string?> ReadTextAsync(string name, CancellationToken cancellationToken = default) => throw new IOException("storage is down");
    }
}
