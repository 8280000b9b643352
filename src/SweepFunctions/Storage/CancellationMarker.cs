using Microsoft.Extensions.Logging;

namespace SweepFunctions.Storage;

/// <summary>
/// The blob <c>{id}/cancel-requested.json</c> that the cancel route writes before it terminates a sweep. Terminating
/// an orchestration stops it scheduling work, but evaluation batches already queued or running belong to activities,
/// which the engine does not stop: they look for this marker before they start and every
/// <see cref="PollInterval"/> while they run, and stop at the next evaluation once it appears.
/// </summary>
public sealed class CancellationMarker(IResultStore store, TimeProvider clock, ILogger<CancellationMarker> logger)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private ILogger Logger => logger;

    public Task RequestAsync(string sweepId, string reason, CancellationToken cancellationToken = default) =>
        store.WriteTextAsync(SweepBlobs.CancelBlob(sweepId), System.Text.Json.JsonSerializer.Serialize(new { requestedAt = clock.GetUtcNow(), reason }) + "\n", cancellationToken);

    public async Task<bool> IsRequestedAsync(string sweepId, CancellationToken cancellationToken = default) =>
        await store.ReadTextAsync(SweepBlobs.CancelBlob(sweepId), cancellationToken) is not null;

    /// <summary>
    /// A watch whose <see cref="Watch.Token"/> is cancelled once the marker of <paramref name="sweepId"/> appears;
    /// disposing it ends the watch. A failed look-up is not a cancellation: it is logged as a warning, and the next tick
    /// looks again.
    /// </summary>
    public Watch WatchFor(string sweepId) => new(this, sweepId);

    public sealed class Watch : IDisposable
    {
        private readonly CancellationTokenSource _cancelled = new();
        private readonly CancellationTokenSource _stop = new();

        internal Watch(CancellationMarker marker, string sweepId)
        {
            Token = _cancelled.Token;
            var stop = _stop.Token;
            _ = Task.Run(async () =>
            {
                try
                {
                    while (!stop.IsCancellationRequested)
                    {
                        await Task.Delay(PollInterval, stop);
                        if (await LooksCancelledAsync(marker, sweepId, stop))
                        {
                            _cancelled.Cancel();
                            return;
                        }
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // disposed: the batch is over
                }
            }, CancellationToken.None);
        }

        public CancellationToken Token { get; }

        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }

        private static async Task<bool> LooksCancelledAsync(CancellationMarker marker, string sweepId, CancellationToken stop)
        {
            try
            {
                return await marker.IsRequestedAsync(sweepId, stop);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                marker.Logger.LogWarning(e, "Sweep {SweepId}: the cancel marker could not be read; looking again in {Seconds} s", sweepId, PollInterval.TotalSeconds);
                return false;
            }
        }
    }
}
