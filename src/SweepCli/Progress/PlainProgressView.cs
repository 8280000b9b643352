using System.Diagnostics;
using SweepLibrary.Output;

namespace SweepCli.Progress;

/// <summary>
/// Progress as log lines, for output that is not a terminal: about ten lines per step, plus one at least every
/// <see cref="MaxSilence"/>. The wording follows the original (sweep-semantics §8), e.g.
/// <c>  Screened 12/40 (30.0%) | 28 remaining | ETA: 14s</c>.
/// </summary>
internal sealed class PlainProgressView(TextWriter writer) : ProgressView
{
    private static readonly TimeSpan MaxSilence = TimeSpan.FromSeconds(15);

    private readonly Lock _gate = new();
    private ProgressStep? _step;
    private int _requested, _total, _done, _nextLine;
    private long _started, _lastLine;

    public override void Begin(ProgressStep step, int requested)
    {
        lock (_gate)
        {
            _step = step;
            _requested = _total = requested;
            _done = 0;
            _nextLine = LineStep(requested);
            _started = _lastLine = Stopwatch.GetTimestamp();
        }
    }

    public override void SetTotal(int total)
    {
        lock (_gate)
        {
            if (total < _requested)
            {
                writer.WriteLine($"    ({_requested - total} of {_requested} evaluations already known; running {total})");
            }

            _total = total;
            _nextLine = LineStep(total);
            _started = _lastLine = Stopwatch.GetTimestamp();
        }
    }

    public override void Evaluated()
    {
        lock (_gate)
        {
            _done++;
            bool due = _done >= _nextLine || _done == _total || Stopwatch.GetElapsedTime(_lastLine) >= MaxSilence;
            if (_step is null || !due)
            {
                return;
            }

            _nextLine = _done + LineStep(_total);
            _lastLine = Stopwatch.GetTimestamp();
            writer.WriteLine(Format(_step, _done, _total, Eta.Estimate(_done, _total, Stopwatch.GetElapsedTime(_started))));
        }
    }

    public override void Complete()
    {
        lock (_gate)
        {
            _step = null;
        }
    }

    public override void Line(string text)
    {
        lock (_gate)
        {
            writer.WriteLine(text);
        }
    }

    private static int LineStep(int total) => Math.Max(1, (total + 9) / 10);

    private static string Format(ProgressStep step, int done, int total, string eta)
    {
        double pct = total == 0 ? 100 : 100.0 * done / total;
        string tail = $"| {total - done} remaining | ETA: {eta}";
        return step.Kind switch
        {
            ProgressKind.Screening => $"  Screened {done}/{total} ({pct:F1}%) {tail}",
            ProgressKind.Tier => $"    Tier {step.Tier}: Testing {done}/{total} ({pct:F0}%) {tail}",
            ProgressKind.CrossCheck => $"    Cross-check: {done}/{total} ({pct:F0}%) {tail}",
            _ => $"  Evaluated {done}/{total} ({pct:F0}%) {tail}",
        };
    }
}
