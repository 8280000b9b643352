using System.Collections.Concurrent;
using SweepFunctions.Storage;

namespace SweepFunctions.Tests.Support;

/// <summary>The results container in memory, for orchestration tests that need no storage emulator.</summary>
public sealed class InMemoryResultStore : IResultStore
{
    private readonly ConcurrentDictionary<string, string> _blobs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _written = new(StringComparer.Ordinal);

    public Task WriteTextAsync(string name, string text, CancellationToken cancellationToken = default)
    {
        _blobs[name] = text;
        _written[name] = DateTimeOffset.UtcNow;
        return Task.CompletedTask;
    }

    public Task<bool> CreateTextAsync(string name, string text, CancellationToken cancellationToken = default)
    {
        bool created = _blobs.TryAdd(name, text);
        if (created)
        {
            _written[name] = DateTimeOffset.UtcNow;
        }

        return Task.FromResult(created);
    }

    public Task<DateTimeOffset?> WrittenAtAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_blobs.ContainsKey(name) && _written.TryGetValue(name, out var at) ? at : (DateTimeOffset?)null);

    public Task<TimeSpan?> AgeAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_blobs.ContainsKey(name) && _written.TryGetValue(name, out var at) ? DateTimeOffset.UtcNow - at : (TimeSpan?)null);

    /// <summary>Hears every read, on the reader's thread: the blob's name and whether it was there.</summary>
    public Action<string, bool>? OnRead { get; set; }

    public Task<string?> ReadTextAsync(string name, CancellationToken cancellationToken = default)
    {
        bool found = _blobs.TryGetValue(name, out var text);
        OnRead?.Invoke(name, found);
        return Task.FromResult(found ? text : null);
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        _blobs.TryRemove(name, out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(_blobs.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList());

    public Task<IReadOnlyList<string>> ListFolderAsync(string folder, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(_blobs.Keys.Where(k => k.StartsWith(folder, StringComparison.Ordinal) && !k[folder.Length..].Contains('/')).Order(StringComparer.Ordinal).ToList());
}
