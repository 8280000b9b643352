using SweepCli.Commands;
using SweepCli.Output;
using SweepCli.Progress;
using SweepDomain.Requests;
using SweepDomain.Results;
using SweepDomain.Selection;
using SweepDomain.Sweep;
using SweepHosting.Dashboard;
using SweepHosting.Evaluation.Protocol;
using SweepLibrary;
using SweepLibrary.Output;

namespace SweepCli.Running;

/// <summary>
/// One local sweep: runs the engine with the injected evaluator on the chosen number of workers, shows progress,
/// saves each stage as it ends, then writes the final winner, the report, the summary and the page, and prints the results.
/// </summary>
internal sealed class SweepRun(CliServices services, CliOutput cli, RunSettings settings)
{
    private SweepPlan Plan => settings.Plan;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var clock = services.Clock;
        settings.Folder.Create();
        var writer = new SweepResultWriter(settings.Folder, Plan.Scenario);
        ProgressView view = cli.LiveProgress ? new LiveProgressView(cli.Console.Spectre(cli.Console.Out)) : new PlainProgressView(cli.ProgressWriter);
        var evaluator = new ScoreRecorder(settings.Model is { } model ? new ProgressEvaluator(model, view) : new ProgressEvaluator(services.Evaluator, settings.Workers, view));
        var baseSource = settings.BasePath is { } path ? BaseSource.File(path) : BaseSource.Defaults;
        var request = new ResumeRequest(SweepEngineVersion.Current, evaluator.Identity, baseSource, Plan);
        var checkpoints = new SweepCheckpoints(settings.Folder, Plan.Scenario);
        var resume = checkpoints.Begin(request, settings.Resume, "--resume", cli.Warn);

        var observer = new RunObserver(Plan, writer, view, cli.Verbose, cli.Warn, clock,
            (outcome, seconds) => checkpoints.Save(request, outcome, seconds, evaluator.TakeNew()));
        var engine = new SweepEngine(evaluator, observer);
        WriteHeader(cli.Quiet ? TextWriter.Null : cli.Json ? cli.Console.Error : cli.Console.Out);
        foreach (var finished in resume.Resume.Stages)
        {
            observer.Resumed(finished, resume.Timings[ResultText.StageTiming(finished.Result.Label)]);
        }

        long started = clock.GetTimestamp();
        SweepOutcome outcome;
        try
        {
            outcome = await view.RunAsync(() => engine.RunAsync(Plan, resume.Resume, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var written = WriteInterrupted(checkpoints, request, writer, observer);
            cli.Cancelled($"Cancelled: {Finished(observer)}.{(written.Count > 0 ? $" The summary and the page of the finished stages were written ({string.Join(", ", written.Select(Path.GetFileName))})." : "")}");
            cli.Console.Error.WriteLine($"To finish it: {settings.ResumeCommand}");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            cli.Failure(e);
            cli.Console.Error.WriteLine($"{Finished(observer)}.");
            return ExitCodes.Failure;
        }

        double resumedSeconds = resume.Timings.Values.Sum();
        var timings = new Dictionary<string, double>(observer.Timings) { [ResultText.TotalTiming] = resumedSeconds + clock.GetElapsedTime(started).TotalSeconds };
        var report = SweepReport.From(Plan, outcome, timings, baseSource, evaluator.Identity);
        var files = new List<string>(observer.Files)
        {
            writer.WriteFinal(outcome.Stages[^1].Result),
            writer.WriteReport(report),
            writer.WriteSummary(SummaryMarkdown.Build(report, settings.Folder.Given)),
        };
        var page = SweepPageData.FromReport(SweepPageSources.Run, report, clock.GetUtcNow()) with { EvaluationsPlannedAtMost = report.EvaluationsRequested };
        files.Add(writer.WritePage(page, files));
        Print(report, files);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// On Ctrl-C: the summary and the page of the stages that finished, read back from their checkpoints, each saying
    /// the sweep was interrupted and how to finish it. Nothing when no stage finished. The final winner and the report
    /// are left to the run that finishes the sweep.
    /// </summary>
    private IReadOnlyList<string> WriteInterrupted(SweepCheckpoints checkpoints, ResumeRequest request, SweepResultWriter writer, RunObserver observer)
    {
        var finished = checkpoints.Find(request);
        var stages = finished.Resume.Stages;
        if (stages.Count == 0)
        {
            return [];
        }

        var interruption = new Interruption(stages.Count, Plan.Stages.Count, settings.ResumeCommand);
        var timings = new Dictionary<string, double>(finished.Timings) { [ResultText.TotalTiming] = finished.Timings.Values.Sum() };
        var outcome = new SweepOutcome(stages, stages[^1].Result.WinnerParams, finished.Resume.Requested, finished.Resume.Executed, finished.Resume.Failures);
        var report = SweepReport.From(Plan, outcome, timings, request.BaseSource, request.Evaluator);
        var files = new List<string>(observer.Files) { writer.WriteSummary(SummaryMarkdown.Build(report, settings.Folder.Given, interruption)) };
        var page = SweepPageData.FromReport(SweepPageSources.Run, report, services.Clock.GetUtcNow()) with
        {
            EvaluationsPlannedAtMost = SweepCost.Sweep(Plan),
            Interrupted = interruption.Text,
        };
        files.Add(writer.WritePage(page, files));
        return files[^2..];
    }

    /// <summary>What the user's model did: its name and version, and its failed, retried and restarted counts.</summary>
    internal static string EvaluatorLine(ProcessEvaluator model, int failed) =>
        $"Evaluator: {model.Identity}; {failed} evaluations failed, {model.Retries} retried, {model.Restarts} workers restarted";

    private string Finished(RunObserver observer) =>
        $"{observer.Finished.Count} of {Plan.Stages.Count} stages finished; their files are in {settings.Folder.FullPath}";

    /// <summary>The original's opening lines (sweep-semantics §6.1), plus the settings and the evaluation budget.</summary>
    private void WriteHeader(TextWriter w)
    {
        w.WriteLine($"Output directory: {settings.Folder.FullPath}");
        w.WriteLine($"[sweep] {Plan.Stages.Count} stages, scenario={Plan.Scenario}");
        foreach (var stage in Plan.Stages)
        {
            w.WriteLine($"  Stage '{stage.Label}': [{string.Join(", ", stage.ParameterNames)}] ({stage.CombinationCount} combos)" +
                        (stage.Design is null ? "" : $": {stage.DesignText}"));
        }

        w.WriteLine($"  base={Plan.Base} periods={Plan.Periods} tiers={StabilityTier.Format(Plan.Tiers)} rank-by={Plan.RankBy.ToText()} " +
                    $"k={Plan.KFactor} cross-scenario={Plan.CrossScenario ?? "none"} workers={settings.Workers}; at most {SweepLimits.Figure(SweepCost.Sweep(Plan))} evaluations");
        if (settings.Model is { } model)
        {
            w.WriteLine($"  evaluator={model.Identity} (process: {model.Command}, {model.Workers} workers)");
        }
    }

    private void Print(SweepReport report, IReadOnlyList<string> files)
    {
        double wall = report.TimingsSeconds![ResultText.TotalTiming];
        if (cli.Json)
        {
            cli.WriteJson(RunJson.Completed(report, settings.Folder.FullPath, files, wall));
            return;
        }

        var w = cli.Console.Out;
        if (!cli.Quiet)
        {
            w.WriteLine();
            cli.Console.Spectre(w).Write(ResultTables.Stages(report, cli.Console.IsTerminal));
        }

        foreach (string line in ResultText.SweepSummary(report.Stages.Select(s => s.Result)))
        {
            w.WriteLine(line);
        }

        w.WriteLine($"  Final: {report.Final}");
        w.WriteLine($"  Evaluations: {SweepLimits.Figure(report.EvaluationsRequested)} requested, {SweepLimits.Figure(report.EvaluationsExecuted)} executed " +
                    $"({SweepLimits.Figure(report.EvaluationsRequested - report.EvaluationsExecuted)} reused); wall time {Eta.Format(wall)} ({wall:F1} s)");
        if (report.Evaluator is not null && settings.Model is { } model)
        {
            w.WriteLine("  " + EvaluatorLine(model, report.Failures?.Count ?? 0));
            foreach (var failure in report.Failures ?? [])
            {
                w.WriteLine($"    failed: {failure.Scenario} {failure.Params} seed {failure.Seed}: {failure.Failure.Kind}: {failure.Failure.Reason}");
            }
        }

        w.WriteLine($"  Convention: {report.Convention}");
        w.WriteLine($"Sweep results saved to {settings.Folder.FullPath}");
    }
}

/// <summary>The JSON document <c>sweep run --json</c> prints when a sweep completes.</summary>
internal static class RunJson
{
    public static object Completed(SweepReport report, string folder, IReadOnlyList<string> files, double wallSeconds) => new
    {
        status = "completed",
        scenario = report.Scenario,
        outputDirectory = folder,
        files = files.Select(Path.GetFileName),
        stages = report.Stages.Select(o => new
        {
            label = o.Result.Label,
            winner = o.Result.WinnerParams,
            combinedScore = o.Result.CombinedScore,
            meanScore = o.Result.MeanScore,
            stdScore = o.Result.StdScore,
            passRate = o.Result.PassRate,
            nSeeds = o.Result.NSeeds,
            nCandidates = o.Result.NCandidates,
            improved = o.Result.Improved,
            incumbentCombined = o.Result.IncumbentCombined,
            crossScenario = o.Result.CrossScenario,
            verdict = o.Result.Verdict,
            winnerVsIncumbent = o.Result.WinnerVsIncumbent,
            decision = o.Result.Decision,
            racing = o.Result.Racing,
            evaluationsRequested = o.Result.EvaluationsRequested,
            evaluationsExecuted = o.Result.EvaluationsExecuted,
            seconds = report.TimingsSeconds?.GetValueOrDefault(ResultText.StageTiming(o.Result.Label)),
        }),
        final = report.Final,
        evaluationsRequested = report.EvaluationsRequested,
        evaluationsExecuted = report.EvaluationsExecuted,
        wallSeconds,
        convention = report.Convention,
    };
}
