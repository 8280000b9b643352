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

    private TimeProvider Clock => clock;

    public Task RequestAsync(string sweepId, string reason, CancellationToken cancellationToken = default) =>
        store.WriteTextAsync(SweepBlobs.CancelBlob(sweepId), System.Text.Json.JsonSerializer.Serialize(new { requestedAt = clock.GetUtcNow(), reason }) + "\n", cancellationToken);

    public async Task<bool> IsRequestedAsync(string sweepId, CancellationToken cancellationToken = default) =>
        await store.ReadTextAsync(SweepBlobs.CancelBlob(sweepId), cancellationToken) is not null;

    /// <summary>
    /// A watch whose <see cref="Watch.Token"/> is cancelled once the marker of <paramref name="sweepId"/> appears, or
    /// once <paramref name="cancellationToken"/> is (the host shuts down); it looks every <see cref="PollInterval"/> of
    /// the injected clock. Disposing it ends the watch: it stops the look-up, waits for it to end, and only then frees
    /// its token sources. A failed look-up is not a cancellation: it is logged as a warning, and the next tick looks again.
    /// </summary>
    public Watch WatchFor(string sweepId, CancellationToken cancellationToken = default) => new(this, sweepId, cancellationToken);

    public sealed class Watch : IAsyncDisposable
    {
        private readonly CancellationTokenSource _cancelled;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _looking;

        internal Watch(CancellationMarker marker, string sweepId, CancellationToken cancellationToken)
        {
            _cancelled = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Token = _cancelled.Token;
            _looking = LookAsync(marker, sweepId, _cancelled, _stop.Token);
        }

        public CancellationToken Token { get; }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _looking;
            _stop.Dispose();
            _cancelled.Dispose();
        }

        private static async Task LookAsync(CancellationMarker marker, string sweepId, CancellationTokenSource cancelled, CancellationToken stop)
        {
            await Task.Yield();
            try
            {
                while (!stop.IsCancellationRequested && !cancelled.IsCancellationRequested)
                {
                    await Task.Delay(PollInterval, marker.Clock, stop);
                    if (await LooksCancelledAsync(marker, sweepId, stop))
                    {
                        await cancelled.CancelAsync();
                        return;
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // disposed: the batch is over
            }
        }

        private static async Task<bool> LooksCancelledAsync(CancellationMarker marker, string sweepId, CancellationToken stop)
        {
            try
            {
                return await marker.IsRequestedAsync(sweepId, stop);
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                marker.Logger.LogWarning(e, "Sweep {SweepId}: the cancel marker could not be read; looking again in {Seconds} s", sweepId, PollInterval.TotalSeconds);
                return false;
            }
        }
    }
}
