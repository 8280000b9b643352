using SweepDomain.Evaluation;
using SweepTestKit;

namespace SweepFunctions.Tests.Support;

/// <summary>
/// The test-kit scenarios behind the activities, in place of the model. It can be told to fail the next evaluations
/// (a transient fault) to exercise the activity retry policy.
/// </summary>
public sealed class TestEvaluator : IScenarioEvaluator
{
    private readonly RecordingEvaluator _inner = new();
    private readonly List<long> _started = [];
    private int _failuresLeft;
    private int _failures;

    public IReadOnlyList<EvaluationRequest> Seen => _inner.Seen;

    public int Failures => _failures;

    /// <summary>How long each evaluation takes, to stand in for the model's work; zero by default.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>When each evaluation started (<see cref="System.Diagnostics.Stopwatch"/> timestamps), in order.</summary>
    public IReadOnlyList<long> Started
    {
        get
        {
            lock (_started)
            {
                return _started.ToList();
            }
        }
    }

    /// <summary>The next <paramref name="count"/> evaluations throw, then everything works again.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    public EvaluationScore Evaluate(EvaluationRequest request)
    {
        lock (_started)
        {
            _started.Add(System.Diagnostics.Stopwatch.GetTimestamp());
        }

        if (Delay > TimeSpan.Zero)
        {
            Thread.Sleep(Delay);
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            Interlocked.Increment(ref _failures);
            throw new IOException("Simulated transient fault in the model run.");
        }

        return _inner.Evaluate(request);
    }
}
