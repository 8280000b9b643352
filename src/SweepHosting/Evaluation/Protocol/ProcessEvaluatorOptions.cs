namespace SweepHosting.Evaluation.Protocol;

/// <summary>
/// How the sweep runs a model's processes. <see cref="EvaluationTimeout"/> bounds each evaluation, wall clock;
/// <see cref="StartTimeout"/> bounds a worker's start up to its describe answer. <see cref="RetryBudget"/> is how many
/// evaluations may be run again on a fresh worker after a crash, timeout or protocol error, counted apart from the
/// sweep's evaluations. A stage stops when more than <see cref="MaxFailureShare"/> of its evaluations have failed (checked
/// after each batch, once it has run <see cref="FailureShareMinimum"/>), or when the first
/// <see cref="MaxFirstFailures"/> evaluations of the run all failed.
/// </summary>
public sealed record ProcessEvaluatorOptions(
    EvaluatorCommand Command,
    int Workers,
    TimeSpan EvaluationTimeout,
    TimeSpan StartTimeout,
    int RetryBudget = ProcessEvaluatorOptions.DefaultRetryBudget,
    double MaxFailureShare = ProcessEvaluatorOptions.DefaultMaxFailureShare,
    int MaxFirstFailures = ProcessEvaluatorOptions.DefaultMaxFirstFailures)
{
    public const int DefaultRetryBudget = 20;
    public const double DefaultMaxFailureShare = 0.10;
    public const int DefaultMaxFirstFailures = 5;
    public const int FailureShareMinimum = 20;
    public static readonly TimeSpan DefaultEvaluationTimeout = TimeSpan.FromSeconds(300);
    public static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromSeconds(60);
}
