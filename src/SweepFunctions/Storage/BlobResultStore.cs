using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace SweepFunctions.Storage;

/// <summary><see cref="IResultStore"/> over one blob container, created on first use.</summary>
public sealed class BlobResultStore(BlobContainerClient container) : IResultStore
{
    private volatile bool _created;

    public BlobContainerClient Container => container;

    public async Task WriteTextAsync(string name, string text, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" } };
        await container.GetBlobClient(name).UploadAsync(BinaryData.FromString(text), options, cancellationToken);
    }

    public async Task<bool> CreateTextAsync(string name, string text, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        try
        {
            await container.GetBlobClient(name).UploadAsync(BinaryData.FromString(text), options, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;   // BlobAlreadyExists (or ConditionNotMet): another writer was first
        }
    }

    public async Task<DateTimeOffset?> WrittenAtAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await container.GetBlobClient(name).GetPropertiesAsync(cancellationToken: cancellationToken)).Value.LastModified;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<TimeSpan?> AgeAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var properties = await container.GetBlobClient(name).GetPropertiesAsync(cancellationToken: cancellationToken);
            var now = properties.GetRawResponse().Headers.Date ?? DateTimeOffset.UtcNow;
            return now - properties.Value.LastModified;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<string?> ReadTextAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var content = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            return Encoding.UTF8.GetString(content.Value.Content.ToMemory().Span);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken = default) =>
        container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        try
        {
            await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
            {
                names.Add(item.Name);
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];   // the container does not exist yet
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    public async Task<IReadOnlyList<string>> ListFolderAsync(string folder, CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        try
        {
            await foreach (var item in container.GetBlobsByHierarchyAsync(new GetBlobsByHierarchyOptions { Prefix = folder, Delimiter = "/" }, cancellationToken))
            {
                if (item.IsBlob)
                {
                    names.Add(item.Blob.Name);
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];   // the container does not exist yet
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _created = true;
        }
    }
}
