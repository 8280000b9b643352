using Spectre.Console;
using Spectre.Console.Rendering;

namespace SweepCli.Progress;

/// <summary>
/// Live bars on a terminal (Spectre.Console): one per stage step, with evaluations done, rate and time left. Lines
/// written meanwhile appear above the bars.
/// </summary>
internal sealed class LiveProgressView(IAnsiConsole console) : ProgressView
{
    private readonly Lock _gate = new();
    private ProgressContext? _context;
    private ProgressTask? _task;

    public override Task<T> RunAsync<T>(Func<Task<T>> work) => console.Progress()
        .AutoClear(false)
        .HideCompleted(false)
        .Columns(
            new TaskDescriptionColumn { Alignment = Justify.Left },
            new ProgressBarColumn(),
            new PercentageColumn(),
            new CountColumn(),
            new RateColumn(),
            new RemainingTimeColumn(),
            new SpinnerColumn())
        .StartAsync(async context =>
        {
            _context = context;
            return await work();
        });

    public override void Begin(ProgressStep step, int requested)
    {
        Complete();
        lock (_gate)
        {
            _task = _context?.AddTask(Markup.Escape(step.Title), maxValue: Math.Max(1, requested));
        }
    }

    public override void SetTotal(int total)
    {
        lock (_gate)
        {
            if (_task is not null)
            {
                _task.MaxValue = Math.Max(1, total);
            }
        }
    }

    public override void Evaluated()
    {
        lock (_gate)
        {
            _task?.Increment(1);
        }
    }

    public override void Complete()
    {
        lock (_gate)
        {
            if (_task is not null)
            {
                _task.Value = _task.MaxValue;
                _task.StopTask();
                _task = null;
            }
        }
    }

    public override void Line(string text)
    {
        lock (_gate)
        {
            console.WriteLine(text);
        }
    }

    /// <summary>Evaluations done of the step's total.</summary>
    private sealed class CountColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text($"{task.Value:0}/{task.MaxValue:0} evals", new Style(Color.Grey));
    }

    /// <summary>Evaluations per second, measured by Spectre over recent ticks.</summary>
    private sealed class RateColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.Speed is { } speed && !task.IsFinished ? $"{speed:0.0}/s" : "", new Style(Color.Grey));
    }
}
