using SweepDomain.Parameters;

namespace SweepHosting.Api;

/// <summary>
/// One sweep in a list of recent sweeps: its status, scenario, times, how far it got, and its winner: the final
/// config once complete, otherwise the last finished stage's winner (<see cref="WinnerIsFinal"/> false).
/// </summary>
public sealed record SweepSummaryView
{
    public required string Id { get; init; }

    /// <summary>One of <see cref="RuntimeStatuses"/>.</summary>
    public required string RuntimeStatus { get; init; }

    public string? Scenario { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset LastUpdatedAt { get; init; }

    public int? StageCount { get; init; }

    public int StagesFinished { get; init; }

    public ParamSet? Winner { get; init; }

    public bool WinnerIsFinal { get; init; }
}

/// <summary>A page of recent sweeps, newest first; <see cref="ContinuationToken"/> fetches the next page, null on the last.</summary>
public sealed record SweepListView
{
    public required IReadOnlyList<SweepSummaryView> Sweeps { get; init; }

    public string? ContinuationToken { get; init; }
}
