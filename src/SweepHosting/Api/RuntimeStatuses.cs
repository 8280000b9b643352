namespace SweepHosting.Api;

/// <summary>The values of <see cref="SweepStatusView.RuntimeStatus"/>: the durable orchestration's runtime status names.</summary>
public static class RuntimeStatuses
{
    public const string Pending = "Pending";
    public const string Running = "Running";
    public const string Suspended = "Suspended";
    public const string Completed = "Completed";
    public const string Failed = "Failed";
    public const string Terminated = "Terminated";

    /// <summary>Every status a sweep can have, in the order a sweep goes through them; the filter of <c>GET /api/sweeps</c> takes these names.</summary>
    public static readonly IReadOnlyList<string> All = [Pending, Running, Suspended, Completed, Failed, Terminated];

    /// <summary>True once the sweep will not change any more: completed, failed or terminated.</summary>
    public static bool IsFinished(string status) => status is Completed or Failed or Terminated or "Canceled";
}
