namespace SweepHosting.Api;

/// <summary>The 202 answer of <c>POST /api/sweeps/{id}/cancel</c>: termination was requested.</summary>
public sealed record CancelAcceptedView
{
    public required string Id { get; init; }

    public required bool CancelRequested { get; init; }

    public required string SweepStatusUri { get; init; }
}
