using System.Collections.Concurrent;
using Spectre.Console;
using SweepCli.Output;
using SweepCli.Progress;
using SweepDomain.Evaluation;
using SweepDomain.Parameters;
using SweepDomain.Selection;
using SweepDomain.Sweep;
using SweepHosting.Evaluation.Protocol;
using SweepLibrary.Output;

namespace SweepCli.Running;

/// <summary>What <c>sweep evaluate</c> runs: one config of one scenario on each seed, by the built-in model or by <see cref="Model"/>.</summary>
internal sealed record SeedEvaluation(string Scenario, ParamSet Params, IReadOnlyList<int> Seeds, int Periods, int Workers, bool WithMetrics, ProcessEvaluator? Model = null);

/// <summary>
/// Runs a <see cref="SeedEvaluation"/> and reports per seed and in aggregate. The combined score uses k = 1 and the
/// SAMPLE std, like the sweep's cross-scenario check (sweep-semantics §4.1, §7). A non-finite total score counts as a
/// failed seed with score 0, as in the sweep. With the user's model, evaluations that fail are listed by reason as on
/// a sweep's page (<see cref="StageFailures"/>), and <c>--metrics</c> gives the mean, sd and n of each metric it returns.
/// </summary>
internal sealed class SeedEvaluationRun(CliServices services, CliOutput cli, SeedEvaluation e)
{
    public const string Convention = "combined = mean * pass_rate * (1 - k * std) with k = 1; std = sample standard deviation (n - 1) of the seed scores (0 for one seed); a seed passes when no metric FAILs";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var metrics = new ConcurrentDictionary<int, IReadOnlyList<MetricOutcome>>();
        bool builtInMetrics = e.WithMetrics && e.Model is null && services.Metrics is not null;
        ProgressView view = cli.LiveProgress ? new LiveProgressView(cli.Console.Spectre(cli.Console.Out)) : new PlainProgressView(cli.ProgressWriter);
        var evaluator = e.Model is { } model
            ? new ProgressEvaluator(model, view)
            : new ProgressEvaluator(builtInMetrics ? new CapturingEvaluator(services.Metrics!, metrics) : services.Evaluator, e.Workers, view);
        var requests = e.Seeds.Select(seed => new EvaluationRequest(e.Scenario, e.Params, seed, e.Periods)).ToList();
        if (!cli.Quiet)
        {
            cli.Text.WriteLine($"Evaluating {e.Params} on scenario {e.Scenario}: {e.Seeds.Count} seeds, {e.Periods} periods, {e.Workers} workers");
        }

        var scores = await view.RunAsync(async () =>
        {
            view.Begin(new ProgressStep(ProgressKind.Evaluate, $"{e.Scenario} · {e.Seeds.Count} seeds"), requests.Count);
            // The phase only names a batch for hosts that log it; these seeds are a check of one config, like the cross-check.
            var result = await evaluator.EvaluateAsync(requests, EvaluationPhase.CrossCheck, cancellationToken);
            view.Complete();
            return result;
        });

        var summary = SeedSummary.From(e.Seeds, scores.Select(EvaluationMemo.Sanitise).ToList(), builtInMetrics ? metrics : null);
        var failed = FailedEvaluation.Among(requests.Zip(scores, (r, s) => new ScoredRequest(r, s))).ToList();
        Report(summary, e.Model is null ? null : new ModelFigures(e.Model, StageFailures.Of(failed, requests.Count), e.WithMetrics ? MetricFigure.Of(scores) : null));
        return ExitCodes.Ok;
    }

    /// <summary>What the user's model adds to the output: its failures by reason, and its own metrics when asked for.</summary>
    private sealed record ModelFigures(ProcessEvaluator Model, StageFailures? Failures, IReadOnlyList<MetricFigure>? Metrics);

    private void Report(SeedSummary s, ModelFigures? model)
    {
        string? metricsNote = !e.WithMetrics ? null
            : model is not null ? model.Metrics is null ? "The model returned no metrics." : null
            : s.Metrics is null ? "Per-metric results are not available: this evaluator reports only total scores." : null;
        if (cli.Json)
        {
            cli.WriteJson(new
            {
                evaluator = model?.Model.Identity,
                scenario = e.Scenario,
                @params = e.Params,
                periods = e.Periods,
                seeds = s.Seeds.Select(x => new { seed = x.Seed, totalScore = x.Score.TotalScore, nPass = x.Score.NPass, nWarn = x.Score.NWarn, nFail = x.Score.NFail, passed = x.Score.Passed, note = x.Score.Note }),
                mean = s.Mean,
                std = s.Std,
                passRate = s.PassRate,
                combined = s.Combined,
                kFactor = 1.0,
                convention = Convention,
                metrics = model is null ? (object?)s.Metrics : model.Metrics,
                metricsNote,
                failures = model?.Failures,
            });
            return;
        }

        var w = cli.Console.Out;
        var ansi = cli.Console.Spectre(w);
        if (!cli.Quiet)
        {
            ansi.Write(SeedTable(s));
            if (s.Metrics is not null)
            {
                ansi.Write(MetricTable(s.Metrics, s.Seeds.Count));
            }

            if (model?.Metrics is { } figures)
            {
                ansi.Write(ModelMetricTable(figures, s.Seeds.Count));
            }
        }

        if (model?.Failures is { } f)
        {
            w.WriteLine($"Failed evaluations: {f.Failed} of {f.Evaluations}; each counts as score 0, not passed.");
            foreach (var reason in f.Reasons)
            {
                w.WriteLine($"  {reason.Kind}: {reason.Reason} ({reason.Count}; first on seed {reason.ExampleSeed})");
                if (reason.StderrTail is { } tail)
                {
                    w.WriteLine($"    stderr: {tail.Split('\n')[^1]}");
                }
            }
        }

        if (metricsNote is not null)
        {
            w.WriteLine(metricsNote);
        }

        w.WriteLine($"Mean {s.Mean:F4}  Std (sample) {s.Std:F4}  Pass rate {ResultText.Pct(s.PassRate)} ({s.Seeds.Count(x => x.Score.Passed)}/{s.Seeds.Count})  Combined {s.Combined:F4}");
        if (model is not null)
        {
            w.WriteLine(SweepRun.EvaluatorLine(model.Model, model.Failures?.Failed ?? 0));
        }

        w.WriteLine($"Convention: {Convention}");
    }

    private Table SeedTable(SeedSummary s)
    {
        var table = new Table { Border = cli.Console.IsTerminal ? TableBorder.Rounded : TableBorder.Ascii2 };
        table.AddColumns("Seed", "Total score", "Pass", "Warn", "Fail", "Verdict", "Note");
        foreach (var x in s.Seeds)
        {
            table.AddRow($"{x.Seed}", $"{x.Score.TotalScore:F4}", $"{x.Score.NPass}", $"{x.Score.NWarn}", $"{x.Score.NFail}", x.Score.Passed ? "PASS" : "FAIL", Markup.Escape(x.Score.Note ?? ""));
        }

        return table;
    }

    private Table MetricTable(IReadOnlyList<MetricSummary> metrics, int seeds)
    {
        var table = new Table { Border = cli.Console.IsTerminal ? TableBorder.Rounded : TableBorder.Ascii2, Title = new TableTitle($"Metrics over {seeds} seeds") };
        table.AddColumns("Metric", "Target", "Weight", "Mean actual", "Mean score", "PASS", "WARN", "FAIL");
        foreach (var m in metrics)
        {
            table.AddRow(Markup.Escape(m.Name), Markup.Escape(m.Target), $"{m.Weight:G4}", $"{m.MeanActual:G5}", $"{m.MeanScore:F3}", $"{m.Pass}", $"{m.Warn}", $"{m.Fail}");
        }

        return table;
    }

    private Table ModelMetricTable(IReadOnlyList<MetricFigure> metrics, int seeds)
    {
        var table = new Table { Border = cli.Console.IsTerminal ? TableBorder.Rounded : TableBorder.Ascii2, Title = new TableTitle($"The model's metrics over {seeds} seeds") };
        table.AddColumns("Metric", "Mean", "sd", "n");
        foreach (var m in metrics)
        {
            table.AddRow(Markup.Escape(m.Name), $"{m.Mean:G5}", $"{m.Sd:G4}", $"{m.N}");
        }

        return table;
    }

    /// <summary>Remembers each seed's metrics while handing the sweep-style score on.</summary>
    private sealed class CapturingEvaluator(IMetricEvaluator inner, ConcurrentDictionary<int, IReadOnlyList<MetricOutcome>> metrics) : IScenarioEvaluator
    {
        public EvaluationScore Evaluate(EvaluationRequest request)
        {
            var detailed = inner.EvaluateWithMetrics(request);
            metrics[request.Seed] = detailed.Metrics;
            return detailed.Score;
        }
    }
}

/// <summary>One metric across the seeds: its mean actual value and score, and how many seeds it passed, warned, failed.</summary>
internal sealed record MetricSummary(string Name, string Target, double Weight, double MeanActual, double MeanScore, int Pass, int Warn, int Fail);

/// <summary>The seeds' scores and their aggregate (sample std, k = 1).</summary>
internal sealed record SeedSummary(IReadOnlyList<(int Seed, EvaluationScore Score)> Seeds, double Mean, double Std, double PassRate, double Combined, IReadOnlyList<MetricSummary>? Metrics)
{
    public static SeedSummary From(IReadOnlyList<int> seeds, IReadOnlyList<EvaluationScore> scores, IReadOnlyDictionary<int, IReadOnlyList<MetricOutcome>>? metrics)
    {
        double[] values = scores.Select(s => s.TotalScore).ToArray();
        double mean = SeedStatistics.Mean(values), std = SeedStatistics.SampleStd(values);
        double passRate = (double)scores.Count(s => s.Passed) / scores.Count;
        return new SeedSummary(seeds.Zip(scores).ToList(), mean, std, passRate, CombinedScore.Compute(mean, passRate, std, 1.0), metrics is null ? null : Summarise(seeds, metrics));
    }

    private static List<MetricSummary> Summarise(IReadOnlyList<int> seeds, IReadOnlyDictionary<int, IReadOnlyList<MetricOutcome>> metrics)
    {
        var all = seeds.Where(metrics.ContainsKey).SelectMany(seed => metrics[seed]).ToList();
        return all.GroupBy(m => m.Name).Select(g => new MetricSummary(
            g.Key,
            g.First().Target,
            g.First().Weight,
            SeedStatistics.Mean(g.Select(m => m.Actual).ToArray()),
            SeedStatistics.Mean(g.Select(m => m.Score).ToArray()),
            g.Count(m => m.Status == "PASS"),
            g.Count(m => m.Status == "WARN"),
            g.Count(m => m.Status == "FAIL"))).ToList();
    }
}
