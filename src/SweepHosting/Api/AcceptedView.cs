namespace SweepHosting.Api;

/// <summary>
/// The 202 answer of <c>POST /api/sweeps</c>: the sweep's id and this API's own routes for it. None of them carries a
/// key: the caller reaches them with the function key it already holds. The <c>Location</c> header repeats
/// <see cref="SweepStatusUri"/>.
/// </summary>
public sealed record AcceptedView
{
    public required string Id { get; init; }

    /// <summary><c>GET</c>: the sweep's status (<see cref="SweepStatusView"/>).</summary>
    public required string SweepStatusUri { get; init; }

    /// <summary><c>GET</c>: the full report, once the sweep has completed.</summary>
    public required string ReportUri { get; init; }

    /// <summary><c>POST</c>: cancel the sweep.</summary>
    public required string CancelPostUri { get; init; }

    /// <summary>Advice about the accepted request (<see cref="SweepDomain.Requests.SweepWarnings"/>), for example periods too few for the scenario's metrics; null when none.</summary>
    public IReadOnlyList<string>? Warnings { get; init; }
}
