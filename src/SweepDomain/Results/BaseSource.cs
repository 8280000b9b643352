using SweepDomain.Requests;

namespace SweepDomain.Results;

/// <summary>
/// Where a sweep's base came from: the model's defaults (<see cref="DefaultsKind"/>), parameters written in the
/// request itself (<see cref="InlineKind"/>), a stability JSON or YAML file of the CLI (<see cref="FileKind"/>), or a
/// blob of the service's results container (<see cref="BlobKind"/>), <see cref="Name"/> naming the file or blob.
/// Recorded in the report, so that a summary written later, elsewhere, still says it.
/// </summary>
// Stored in durable histories (the orchestration's input) and in reports. System.Text.Json matches members by name,
// so adding or reordering members is safe and a missing one reads as its default.
public sealed record BaseSource(string Kind, string? Name = null)
{
    public const string DefaultsKind = "defaults";
    public const string InlineKind = "inline";
    public const string FileKind = "file";
    public const string BlobKind = "blob";

    public static readonly BaseSource Defaults = new(DefaultsKind);

    public static readonly BaseSource Inline = new(InlineKind);

    public static BaseSource File(string path) => new(FileKind, path);

    public static BaseSource Blob(string name) => new(BlobKind, name);

    /// <summary>
    /// The source of a request's base before it is resolved: its <see cref="SweepRequest.BasePath"/> names a
    /// <paramref name="kindOfPath"/> (a file for the CLI, a blob for the service), or else its parameters are inline,
    /// or else there are none.
    /// </summary>
    public static BaseSource Of(SweepRequest request, string kindOfPath) =>
        request.BasePath is { } path ? new BaseSource(kindOfPath, path)
        : request.Base is not null ? Inline
        : Defaults;

    /// <summary>For people: "the model defaults", "given inline in the request", "from file `base.yml`", ...</summary>
    public string Describe() => Kind switch
    {
        InlineKind => "given inline in the request",
        FileKind => $"from file `{Name}`",
        BlobKind => $"from blob `{Name}` of the results container",
        _ => "the model defaults",
    };
}
