namespace SweepFunctions.Storage;

/// <summary>
/// The results container: sweep outputs under <c>{sweepId}/</c> and schedule definitions under <c>schedules/</c>.
/// Writes overwrite, so an activity that runs twice leaves the same bytes.
/// </summary>
public interface IResultStore
{
    Task WriteTextAsync(string name, string text, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the blob only if it does not exist, in one conditional request: of two writers racing for the same name
    /// exactly one gets true. False when the blob was there already (nothing is written then).
    /// </summary>
    Task<bool> CreateTextAsync(string name, string text, CancellationToken cancellationToken = default);

    /// <summary>When the blob was last written, by the store's clock; null when it does not exist.</summary>
    Task<DateTimeOffset?> WrittenAtAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>How long ago the blob was last written, by the store's own clock; null when it does not exist.</summary>
    Task<TimeSpan?> AgeAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The blob's text, or null when it does not exist.</summary>
    Task<string?> ReadTextAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Removes the blob; nothing happens when it does not exist.</summary>
    Task DeleteAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Names of the blobs under <paramref name="prefix"/>, in name order.</summary>
    Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>
    /// Names of the blobs directly in <paramref name="folder"/> (a prefix ending in <c>/</c>), in name order, without
    /// those in its subfolders, which are not enumerated at all.
    /// </summary>
    Task<IReadOnlyList<string>> ListFolderAsync(string folder, CancellationToken cancellationToken = default);
}
