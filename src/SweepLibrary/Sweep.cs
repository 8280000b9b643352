using System.Diagnostics;
using BamScenarios;
using SweepDomain;
using SweepDomain.Evaluation;
using SweepDomain.Parameters;
using SweepDomain.Requests;
using SweepDomain.Results;
using SweepDomain.Sweep;
using SweepHosting.Dashboard;
using SweepHosting.Evaluation;
using SweepLibrary.Output;

namespace SweepLibrary;

/// <summary>
/// Runs a structured parameter sweep in this process (the original's <c>run_sweep</c>): the same validator, engine and
/// result writers as the <c>sweep run</c> command, on the built-in BAM model or on any evaluator.
/// </summary>
public static class Sweep
{
    /// <summary>
    /// Runs <paramref name="stages"/> in order from <paramref name="baseParams"/>, each stage's winner carried forward,
    /// and returns one <see cref="StageResult"/> per stage with the sweep's report. Everything is checked before any
    /// evaluation runs.
    /// </summary>
    /// <param name="baseParams">The starting configuration; parameters left out keep the scenario's defaults. Null or empty: the defaults.</param>
    /// <param name="stages">The stages, from <see cref="Stages.Parse(IEnumerable{string})"/> or built directly.</param>
    /// <param name="scenario">The scenario to calibrate, <c>baseline</c> by default.</param>
    /// <param name="options">Every other setting; null takes the defaults of <c>sweep run</c>.</param>
    /// <param name="progress">Hears the sweep before each phase of each stage (screening, every tier, the cross-check) and when a stage ends.</param>
    /// <param name="cancellationToken">
    /// Stops the sweep; stage files already written stay, with the checkpoints that let a later run with
    /// <see cref="SweepOptions.Resume"/> finish it.
    /// </param>
    /// <exception cref="InvalidSweepInputException">The input is invalid; the message lists every problem, each naming the offending value, as the CLI prints them.</exception>
    public static async Task<SweepResult> RunAsync(
        IEnumerable<KeyValuePair<string, ParamValue>>? baseParams,
        IEnumerable<Stage> stages,
        string scenario = SweepRequestValidator.DefaultScenario,
        SweepOptions? options = null,
        IProgress<SweepProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stages);
        options ??= new SweepOptions();
        var plan = Plan(baseParams, stages, scenario, options);
        var evaluator = new ScoreRecorder(options.Evaluator ?? new ParallelEvaluator(new BamScenarioEvaluator(), options.Workers ?? 0));
        var baseSource = plan.Base.Count > 0 ? BaseSource.Inline : BaseSource.Defaults;
        var request = new ResumeRequest(SweepEngineVersion.Current, evaluator.Identity, baseSource, plan);
        var writer = options.OutputDirectory is { } directory ? new SweepResultWriter(new OutputFolder(directory), plan.Scenario) : null;
        writer?.Folder.Create();
        var checkpoints = writer is null ? null : new SweepCheckpoints(writer.Folder, plan.Scenario);
        var resume = checkpoints?.Begin(request, options.Resume, nameof(SweepOptions.Resume), options.Warn ?? (_ => { })) ?? ResumePoint.Nothing;
        var observer = new LibraryObserver(writer, progress, (outcome, seconds) => checkpoints?.Save(request, outcome, seconds, evaluator.TakeNew()));
        foreach (var finished in resume.Resume.Stages)
        {
            observer.Resumed(finished, resume.Timings[ResultText.StageTiming(finished.Result.Label)]);
        }

        long started = Stopwatch.GetTimestamp();
        var outcome = await new SweepEngine(evaluator, observer).RunAsync(plan, resume.Resume, cancellationToken);
        var timings = new Dictionary<string, double>(observer.Timings) { [ResultText.TotalTiming] = resume.Timings.Values.Sum() + Stopwatch.GetElapsedTime(started).TotalSeconds };
        var report = SweepReport.From(plan, outcome, timings, baseSource, evaluator.Identity);
        var files = new List<string>(observer.Files);
        if (writer is not null)
        {
            files.Add(writer.WriteFinal(outcome.Stages[^1].Result));
            files.Add(writer.WriteReport(report));
            files.Add(writer.WriteSummary(SummaryMarkdown.Build(report, writer.Folder.Given)));
            var page = SweepPageData.FromReport(SweepPageSources.Run, report, DateTimeOffset.UtcNow) with { EvaluationsPlannedAtMost = SweepCost.Sweep(plan) };
            files.Add(writer.WritePage(page, files));
        }

        return new SweepResult(outcome.Stages.Select(s => s.Result).ToList(), report, outcome.Stages, files);
    }

    /// <summary>
    /// The validated plan of a sweep, as <see cref="RunAsync"/> would run it, without running it: its stages, their
    /// candidate counts and (through <see cref="SweepCost.Sweep"/>) its worst-case number of evaluations.
    /// </summary>
    /// <exception cref="InvalidSweepInputException">The input is invalid.</exception>
    public static SweepPlan Plan(IEnumerable<KeyValuePair<string, ParamValue>>? baseParams, IEnumerable<Stage> stages, string scenario = SweepRequestValidator.DefaultScenario, SweepOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stages);
        options ??= new SweepOptions();
        var errors = new ValidationErrors();
        if ((options.Evaluator is null) != (options.Catalog is null))
        {
            errors.Add("evaluator", "Give both the evaluator and the catalog of its scenarios, or neither (the built-in model).");
        }

        if (options.Workers is < 1)
        {
            errors.Add("workers", $"Must be at least 1; got {options.Workers}.");
        }

        if (options.OutputDirectory is { } directory && new OutputFolder(directory).Problem() is { } problem)
        {
            errors.Add("outputDirectory", problem);
        }

        if (options.Resume && options.OutputDirectory is null)
        {
            errors.Add("resume", "Resuming needs the output directory the earlier run wrote to; set OutputDirectory.");
        }

        var request = new SweepRequest
        {
            Scenario = scenario,
            Stages = stages.Select(s => s.ToInput()).ToList(),
            Base = baseParams is null ? null : ParamSet.From(baseParams),
            CrossScenario = options.CrossScenario,
            Periods = options.Periods,
            StabilityTiers = options.StabilityTiers is { } tiers ? string.Join(',', tiers.Select(t => $"{t.Configs}:{t.Seeds}")) : null,
            RankBy = options.RankBy,
            KFactor = options.KFactor,
            CrossSeeds = options.CrossSeeds,
            CarryForward = options.CarryForward,
            Alpha = options.Alpha,
            Racing = options.Racing,
            RaceBlock = options.RaceBlock,
        };
        var plan = SweepRequestValidator.Validate(request, options.Catalog ?? new BamScenarioCatalog(), errors, options.Limits);
        if (!errors.IsEmpty)
        {
            throw new InvalidSweepInputException(errors);
        }

        return plan!;
    }

    /// <summary>
    /// Saves each stage's files as the stage ends, then its checkpoint (<paramref name="saved"/>), and passes the
    /// engine's progress on; times each stage.
    /// </summary>
    private sealed class LibraryObserver(SweepResultWriter? writer, IProgress<SweepProgress>? progress, Action<StageOutcome, double> saved) : ISweepObserver
    {
        private long _stageStarted = Stopwatch.GetTimestamp();

        public Dictionary<string, double> Timings { get; } = [];

        public List<string> Files { get; } = [];

        public Task OnProgressAsync(SweepProgress p)
        {
            if (p.Phase == StagePhase.Screening)
            {
                _stageStarted = Stopwatch.GetTimestamp();
            }

            progress?.Report(p);
            return Task.CompletedTask;
        }

        public Task OnStageCompletedAsync(StageOutcome outcome)
        {
            double seconds = Stopwatch.GetElapsedTime(_stageStarted).TotalSeconds;
            Resumed(outcome, seconds);
            saved(outcome, seconds);
            return Task.CompletedTask;
        }

        /// <summary>A finished stage's time and files (written again, the same bytes, for a stage an earlier run finished).</summary>
        public void Resumed(StageOutcome outcome, double seconds)
        {
            Timings[ResultText.StageTiming(outcome.Result.Label)] = seconds;
            if (writer is not null)
            {
                Files.AddRange(writer.WriteStage(outcome, _ => { }));
            }
        }
    }
}
