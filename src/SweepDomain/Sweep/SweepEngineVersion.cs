namespace SweepDomain.Sweep;

/// <summary>
/// The version of the sweep's replayed logic: what <see cref="StageRunner"/> and the durable orchestrator do, in what
/// order, with which activities. A durable orchestration is replayed from its history, so a host must never replay a
/// history written by other logic. Raise this whenever a change could make an old history replay differently (a new
/// activity call, another batch order, a changed ranking or racing rule); hosts stamp it into every sweep they start
/// and refuse to run a sweep stamped otherwise, and the Function App's <c>host.json</c> <c>defaultVersion</c> carries
/// the same value, so the Durable runtime keeps old and new sweeps apart.
/// </summary>
public static class SweepEngineVersion
{
    public const string Current = "2.2";
}
