using SweepFunctions.Storage;

namespace SweepFunctions.Tests.Support;

/// <summary>A results store that supports nothing: a test overrides the one call it means to exercise.</summary>
public abstract class UnsupportedStore : IResultStore
{
    public virtual Task WriteTextAsync(string name, string text, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public virtual Task<string?> ReadTextAsync(string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public virtual Task DeleteAsync(string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public virtual Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public virtual Task<IReadOnlyList<string>> ListFolderAsync(string folder, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public virtual Task<bool> CreateTextAsync(string name, string text, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public virtual Task<DateTimeOffset?> WrittenAtAsync(string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public virtual Task<TimeSpan?> AgeAsync(string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
