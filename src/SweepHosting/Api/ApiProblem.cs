namespace SweepHosting.Api;

/// <summary>
/// Every error answer of the API, as RFC 9457 problem details (<see cref="ApiJson.ProblemContentType"/>). A bad request
/// lists all its faults at once under <see cref="Errors"/>, field to messages, in the shape of ASP.NET's
/// <c>ValidationProblemDetails</c>.
/// </summary>
public sealed record ApiProblem
{
    public required string Type { get; init; }

    public required string Title { get; init; }

    public required int Status { get; init; }

    public string? Detail { get; init; }

    /// <summary>The path that answered.</summary>
    public string? Instance { get; init; }

    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
}
