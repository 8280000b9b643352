namespace SweepCli.Progress;

/// <summary>What a progress step evaluates; the plain view words its lines after the original's (sweep-semantics §8).</summary>
internal enum ProgressKind { Screening, Tier, CrossCheck, Evaluate }

/// <summary>One bar: a stage's screening, one of its tiers, its cross-check, or an <c>evaluate</c> run.</summary>
internal sealed record ProgressStep(ProgressKind Kind, string Title, int Tier = 0);

/// <summary>
/// Shows evaluations as they finish. A step begins with the number of evaluations it asks for; the evaluator then
/// says how many actually run (results already known from earlier stages are not re-run), and each finished
/// evaluation ticks. <see cref="Evaluated"/> is called from worker threads; everything else from the sweep's flow.
/// </summary>
internal abstract class ProgressView
{
    /// <summary>Runs <paramref name="work"/> while the view is shown (a live display wraps it).</summary>
    public virtual Task<T> RunAsync<T>(Func<Task<T>> work) => work();

    /// <summary>Starts a step, completing the previous one.</summary>
    public abstract void Begin(ProgressStep step, int requested);

    /// <summary>The evaluations of the current step that will actually run.</summary>
    public abstract void SetTotal(int total);

    public abstract void Evaluated();

    /// <summary>Marks the current step done (if any).</summary>
    public abstract void Complete();

    /// <summary>A line of text above the bars (or in the log).</summary>
    public abstract void Line(string text);
}
