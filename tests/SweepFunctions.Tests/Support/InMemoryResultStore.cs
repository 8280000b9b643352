using System.Collections.Concurrent;
using SweepFunctions.Storage;

namespace SweepFunctions.Tests.Support;

/// <summary>The results container in memory, for orchestration tests that need no storage emulator.</summary>
public sealed class InMemoryResultStore : IResultStore
{
    private readonly ConcurrentDictionary<string, string> _blobs = new(StringComparer.Ordinal);

    public Task WriteTextAsync(string name, string text, CancellationToken cancellationToken = default)
    {
        _blobs[name] = text;
        return Task.CompletedTask;
    }

    public Task<string?> ReadTextAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_blobs.TryGetValue(name, out var text) ? text : null);

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
