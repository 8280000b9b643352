namespace SweepDomain.Sweep;

/// <summary>
/// Hears what a sweep does, so a host can show progress and save each stage the moment it ends. Calls arrive in
/// order on the sweep's own flow; an implementation inside a durable orchestrator must stay deterministic.
/// </summary>
public interface ISweepObserver
{
    /// <summary>Before each phase (screening, each tier, the cross-check) and when a stage ends.</summary>
    Task OnProgressAsync(SweepProgress progress);

    /// <summary>After a stage's winner is chosen, before the next stage starts.</summary>
    Task OnStageCompletedAsync(StageOutcome outcome);
}

/// <summary>An observer that ignores everything.</summary>
public sealed class NullSweepObserver : ISweepObserver
{
    public static readonly NullSweepObserver Instance = new();

    public Task OnProgressAsync(SweepProgress progress) => Task.CompletedTask;

    public Task OnStageCompletedAsync(StageOutcome outcome) => Task.CompletedTask;
}
