namespace SweepHosting.Api;

/// <summary>
/// The answer of <c>GET /api/health</c>, 200 when every check passed and 503 otherwise, with the same shape: the
/// overall status, the versions running, and one entry per dependency checked. Nothing in it comes from an exception's
/// text, a connection string or an endpoint, so it is safe to serve without a key.
/// </summary>
public sealed record HealthView
{
    public const string Healthy = "Healthy";
    public const string Unhealthy = "Unhealthy";

    /// <summary><see cref="Healthy"/> when every check is; otherwise <see cref="Unhealthy"/>.</summary>
    public required string Status { get; init; }

    /// <summary>The Function App's informational version (its assembly's, with the source revision when the build knew it).</summary>
    public required string AppVersion { get; init; }

    /// <summary>The sweep engine's replay version (<c>SweepEngineVersion.Current</c>), which also versions the durable orchestrations.</summary>
    public required string EngineVersion { get; init; }

    /// <summary>The .NET runtime, for example <c>.NET 10.0.1</c>.</summary>
    public required string DotnetVersion { get; init; }

    public required IReadOnlyList<HealthCheckView> Checks { get; init; }
}

/// <summary>One dependency: its name (<see cref="HealthCheckView.ResultsStorage"/> or <see cref="HealthCheckView.TaskHub"/>), whether it answered, what was seen, and how long the check took.</summary>
public sealed record HealthCheckView
{
    public const string ResultsStorage = "resultsStorage";
    public const string TaskHub = "taskHub";

    public required string Name { get; init; }

    /// <summary><see cref="HealthView.Healthy"/> or <see cref="HealthView.Unhealthy"/>.</summary>
    public required string Status { get; init; }

    /// <summary>What was seen, in words chosen by the app (never an exception's message).</summary>
    public required string Detail { get; init; }

    public required long DurationMs { get; init; }
}
