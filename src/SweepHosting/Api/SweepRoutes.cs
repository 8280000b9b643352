namespace SweepHosting.Api;

/// <summary>
/// The API's routes, relative to the Functions host's route prefix <see cref="Prefix"/>: templates for the functions'
/// triggers, and the paths a client builds from them.
/// </summary>
public static class SweepRoutes
{
    /// <summary>The Functions host's default route prefix: every route below is served under <c>/api/</c>.</summary>
    public const string Prefix = "api";

    /// <summary><c>POST</c>: start a sweep. <c>GET</c>: recent sweeps (<see cref="SweepListView"/>).</summary>
    public const string Sweeps = "sweeps";

    /// <summary><c>GET</c>: a sweep's status (<see cref="SweepStatusView"/>).</summary>
    public const string Sweep = Sweeps + "/{id}";

    /// <summary><c>GET</c>: a finished sweep's full report.</summary>
    public const string Report = Sweep + "/report";

    /// <summary><c>POST</c>: cancel a running sweep.</summary>
    public const string Cancel = Sweep + "/cancel";

    /// <summary><c>GET</c>, anonymous: whether the results storage and the task hub answer (<see cref="HealthView"/>).</summary>
    public const string Health = "health";

    /// <summary><c>GET</c>, anonymous: this API's OpenAPI 3.1 document (<c>docs/openapi.yaml</c>).</summary>
    public const string OpenApi = "openapi.yaml";

    public static string SweepPath(string id) => Sweep.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal);

    public static string ReportPath(string id) => Report.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal);

    public static string CancelPath(string id) => Cancel.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal);
}
