using SweepDomain.Evaluation;
using SweepTestKit;

namespace SweepFunctions.Tests.Support;

/// <summary>
/// The test-kit scenarios behind the activities, in place of the model. It can be told to fail the next evaluations
/// (a transient fault) to exercise the activity retry policy, with a message of the test's choosing, and to hold the
/// evaluations a predicate picks until told otherwise, so a test can watch a sweep stand still between two stages.
/// </summary>
public sealed class TestEvaluator : IScenarioEvaluator
{
    public const string DefaultFailureMessage = "Simulated transient fault in the model run.";

    /// <summary>How long a held evaluation waits at most before it throws, so a failed test never leaves a sweep hanging.</summary>
    private static readonly TimeSpan HoldLimit = TimeSpan.FromMinutes(2);

    private readonly RecordingEvaluator _inner = new();
    private readonly List<string?> _started = [];
    private int _failuresLeft;
    private int _holding;
    private int _failures;
    private Func<EvaluationRequest, bool>? _hold;

    public IReadOnlyList<EvaluationRequest> Seen => _inner.Seen;

    public int Failures => _failures;

    /// <summary>How long each evaluation takes, to stand in for the model's work; zero by default.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The sweep of each evaluation that started (<see cref="SweepAppHost.CurrentBatch"/>; null outside a batch), in order.</summary>
    public IReadOnlyList<string?> Started
    {
        get
        {
            lock (_started)
            {
                return _started.ToList();
            }
        }
    }

    /// <summary>How many evaluations a <see cref="Hold"/> keeps waiting now.</summary>
    public int Holding => Volatile.Read(ref _holding);

    /// <summary>The message of the exception a failing evaluation throws.</summary>
    public string FailureMessage { get; set; } = DefaultFailureMessage;

    /// <summary>The next <paramref name="count"/> evaluations throw, then everything works again.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    /// <summary>Evaluations for which <paramref name="predicate"/> is true wait until <see cref="Release"/> or another hold.</summary>
    public void Hold(Func<EvaluationRequest, bool> predicate) => Volatile.Write(ref _hold, predicate);

    public void Release() => Volatile.Write(ref _hold, null);

    public EvaluationScore Evaluate(EvaluationRequest request)
    {
        lock (_started)
        {
            _started.Add(SweepAppHost.CurrentBatch?.SweepId);
        }

        if (Delay > TimeSpan.Zero)
        {
            Thread.Sleep(Delay);
        }

        var started = DateTime.UtcNow;
        if (Volatile.Read(ref _hold) is { } held && held(request))
        {
            Interlocked.Increment(ref _holding);
            try
            {
                while (Volatile.Read(ref _hold) is { } hold && hold(request))
                {
                    if (DateTime.UtcNow - started > HoldLimit)
                    {
                        throw new TimeoutException($"An evaluation was held for {HoldLimit.TotalMinutes} minutes: the test never released it.");
                    }

                    Thread.Sleep(10);
                }
            }
            finally
            {
                Interlocked.Decrement(ref _holding);
            }
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            Interlocked.Increment(ref _failures);
            throw new IOException(FailureMessage);
        }

        return _inner.Evaluate(request);
    }
}
