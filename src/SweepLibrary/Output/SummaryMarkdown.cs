using System.Globalization;
using System.Text;
using SweepDomain.Evidence;
using SweepDomain.Parameters;
using SweepDomain.Results;
using SweepDomain.Sweep;

namespace SweepLibrary.Output;

/// <summary>A one-page Markdown summary of a sweep, written next to its JSON files.</summary>
public static class SummaryMarkdown
{
    /// <summary>The summary of <paramref name="report"/> as Markdown.</summary>
    /// <param name="report">The sweep's report.</param>
    /// <param name="folder">The output folder as the user wrote it, so the <c>--base</c> hint names the file where it is.</param>
    /// <param name="interrupted">Set when the sweep stopped early: the summary is of the finished stages, and says so first.</param>
    public static string Build(SweepReport report, string folder = ".", Interruption? interrupted = null)
    {
        var md = new StringBuilder();
        string scenario = report.Scenario;
        md.AppendLine($"# Sweep summary: {scenario}").AppendLine();
        if (interrupted is not null)
        {
            md.AppendLine($"> **{interrupted.Headline}.** {interrupted.Advice}").AppendLine();
        }

        md.AppendLine("| Setting | Value |").AppendLine("| --- | --- |");
        md.AppendLine($"| Scenario | `{scenario}` |");
        md.AppendLine($"| Cross scenario | {(report.CrossScenario is null ? "none" : $"`{report.CrossScenario}` ({report.CrossSeeds} seeds per scenario, k = 1)")} |");
        md.AppendLine($"| Base | {Cell(report.Base)} ({BaseOrigin(report)}) |");
        md.AppendLine($"| Periods | {report.Periods} |");
        md.AppendLine($"| Stability tiers | `{report.StabilityTiers}` |");
        md.AppendLine($"| Rank by | {report.RankBy} |");
        md.AppendLine($"| k | {report.KFactor.ToString(CultureInfo.InvariantCulture)} |");
        md.AppendLine($"| Convention | {report.Convention} |");
        md.AppendLine($"| Carry-forward | {report.CarryForward} (alpha {report.Alpha.ToString(CultureInfo.InvariantCulture)}) |");
        md.AppendLine($"| Racing | {(report.Racing ? $"on, blocks of {report.RaceBlock} seeds" : "off")} |");
        md.AppendLine($"| Evaluations | {report.EvaluationsRequested} requested, {report.EvaluationsExecuted} run |");
        if (report.Evaluator is { } evaluator)
        {
            md.AppendLine($"| Evaluator | {Escape(evaluator.ToString())}; {report.Failures?.Count ?? 0} evaluations failed |");
        }
        if (report.TimingsSeconds?.GetValueOrDefault(ResultText.TotalTiming) is { } total)
        {
            md.AppendLine($"| Wall time | {Eta.Format(total)} |");
        }

        md.AppendLine().AppendLine("## Stages").AppendLine();
        md.AppendLine("| Stage | Definition | Winner | Combined | Mean | Std | Pass rate | Seeds | Incumbent combined | Improved | Cross-scenario | Evaluations (run) | Time |");
        md.AppendLine("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: |");
        for (int i = 0; i < report.Stages.Count; i++)
        {
            var r = report.Stages[i].Result;
            string definition = i < report.StageDefinitions.Count ? $"`{Escape(report.StageDefinitions[i])}`" : "";
            double? seconds = report.TimingsSeconds?.GetValueOrDefault(ResultText.StageTiming(r.Label));
            md.AppendLine($"| {Escape(r.Label)} | {definition} | {Cell(r.WinnerParams)} | {r.CombinedScore:F4} | {r.MeanScore:F4} | {r.StdScore:F4} | " +
                          $"{ResultText.Pct(r.PassRate)} | {r.NSeeds} | {r.IncumbentCombined:F4} | {(r.Improved ? "yes" : "no")} | " +
                          $"{Escape(ResultText.Cross(r))} | {r.EvaluationsRequested} ({r.EvaluationsExecuted}) | {(seconds is { } s ? Eta.Format(s) : "-")} |");
        }

        AppendEvidence(md, report);
        AppendEffects(md, report);

        if (report.Failures is { Count: > 0 } failures)
        {
            md.AppendLine().AppendLine("## Failed evaluations").AppendLine();
            md.AppendLine("Each counts as score 0 and not passed.").AppendLine();
            md.AppendLine("| Scenario | Parameters | Seed | Kind | Reason | Last line of stderr |");
            md.AppendLine("|---|---|---|---|---|---|");
            foreach (var f in failures)
            {
                string lastLine = f.Failure.StderrTail?.Split('\n')[^1] ?? "";
                md.AppendLine($"| `{f.Scenario}` | {Cell(f.Params)} | {f.Seed} | {f.Failure.Kind} | {Escape(f.Failure.Reason)} | {Escape(lastLine)} |");
            }
        }

        md.AppendLine().AppendLine(interrupted is null ? "## Final configuration" : $"## Configuration after stage {interrupted.Finished}").AppendLine();
        md.AppendLine("```json").AppendLine(System.Text.Json.JsonSerializer.Serialize(report.Final, new System.Text.Json.JsonSerializerOptions { WriteIndented = true })).AppendLine("```").AppendLine();
        if (interrupted is null)
        {
            md.AppendLine($"Use it as the base of the next sweep: `sweep run --scenario {scenario} --base {BasePath(folder, ResultNames.FinalFile(scenario))} --stages ...`").AppendLine();
        }

        md.AppendLine("## Files").AppendLine();
        foreach (var outcome in report.Stages)
        {
            string label = outcome.Result.Label;
            md.AppendLine($"- `{ResultNames.StageFile(scenario, label)}`: stage {Escape(label)} winner (stability format); chart `{SweepResultWriter.ChartFile(scenario, label)}`");
        }

        if (interrupted is null)
        {
            md.AppendLine($"- `{ResultNames.FinalFile(scenario)}`: the final winner (stability format)");
            md.AppendLine($"- `{ResultNames.ReportFile(scenario)}`: every candidate's seed scores, settings and timings");
        }

        return md.ToString();
    }

    /// <summary>The final file in <paramref name="folder"/>, with forward slashes; just the name for the current folder.</summary>
    internal static string BasePath(string folder, string file) =>
        folder is "" or "." or "./" ? file : $"{folder.TrimEnd('/', '\\').Replace('\\', '/')}/{file}";

    /// <summary>
    /// Per stage: the verdict, the rule that chose the winner and why, what racing did, and every ranked candidate
    /// against the winner and the incumbent on common seeds (paired t with its interval, Wilcoxon, pass rates with
    /// McNemar).
    /// </summary>
    private static void AppendEvidence(StringBuilder md, SweepReport report)
    {
        md.AppendLine().AppendLine("## Evidence").AppendLine();
        md.AppendLine("Differences are candidate minus the other on their common seeds: the mean paired difference of seed scores with its " +
                      "95 % Student t interval, the paired t-test and Wilcoxon signed-rank p-values (two-sided), and the pass-rate difference " +
                      "with the exact McNemar p-value on the seeds where exactly one of the two fails.");
        foreach (var outcome in report.Stages)
        {
            var r = outcome.Result;
            md.AppendLine().AppendLine($"### Stage {Escape(r.Label)}").AppendLine();
            foreach (string line in ResultText.Evidence(r))
            {
                md.AppendLine($"- {Escape(line)}");
            }

            if (r.Decision is { } d)
            {
                md.AppendLine($"- Rule: {Escape(d.Rule)}");
            }

            var ranked = outcome.Candidates.Where(c => c.FinalRank is not null).OrderBy(c => c.FinalRank).ToList();
            md.AppendLine().AppendLine("| Rank | Candidate | Seeds | Mean (95% CI) | Pass rate | vs winner | vs incumbent | Pass rate vs incumbent |");
            md.AppendLine("| ---: | --- | ---: | --- | ---: | --- | --- | --- |");
            foreach (var c in ranked)
            {
                string role = c.Params.Equals(r.WinnerParams) ? " (winner)" : "";
                role += c.IsIncumbent ? " (incumbent)" : "";
                md.AppendLine($"| {c.FinalRank} | {Cell(c.Params)}{role} | {c.SeedScores.Count} | {MeanCell(c)} | {ResultText.Pct(c.PassRate)} | " +
                              $"{Versus(c.VersusWinner)} | {Versus(c.VersusIncumbent)} | {PassVersus(c.VersusIncumbent)} |");
            }

            var dropped = outcome.Candidates.Where(c => c.Dropped is not null).OrderBy(c => c.Dropped!.Tier).ThenBy(c => c.Dropped!.Block).ToList();
            if (dropped.Count > 0)
            {
                md.AppendLine().AppendLine("Dropped by racing:").AppendLine();
                md.AppendLine("| Candidate | Tier | Block | Seeds | Mean difference vs the leader | Holm-adjusted p (bootstrap of the ranking) |");
                md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
                foreach (var c in dropped)
                {
                    var drop = c.Dropped!;
                    md.AppendLine($"| {Cell(c.Params)}{(c.IsIncumbent ? " (incumbent)" : "")} | {drop.Tier} | {drop.Block} | {drop.Seeds} | " +
                                  $"{EvidenceText.Signed(drop.MeanDifference)} | {EvidenceText.P(drop.AdjustedP)} |");
                }
            }
        }
    }

    /// <summary>Per stage: its design, the importance ranking (named as the estimate it is), each parameter's main effect, and the two-parameter heatmap.</summary>
    private static void AppendEffects(StringBuilder md, SweepReport report)
    {
        if (report.Stages.All(s => s.Effects is null))
        {
            return;
        }

        md.AppendLine().AppendLine("## What each parameter does").AppendLine();
        md.AppendLine($"From the screening scores (seed 0) of the candidates each stage's design drew. Importance: {ParameterEffects.MethodText}; " +
                      "the noise floor is the share a parameter without effect would get on average. Main effects: the mean screening score at each value " +
                      "(or bin) with its 95 % t interval. The page and the stage charts also plot every candidate's score against each parameter.");
        foreach (var outcome in report.Stages.Where(s => s.Effects is not null))
        {
            var e = outcome.Effects!;
            md.AppendLine().AppendLine($"### Stage {Escape(outcome.Result.Label)}").AppendLine();
            if (outcome.Design is { } design)
            {
                md.AppendLine($"Design: {Escape(design)}; {e.Candidates} candidates analysed.").AppendLine();
            }

            md.AppendLine("| Parameter | Variance share (estimate) | Groups | Noise floor |").AppendLine("| --- | ---: | ---: | ---: |");
            foreach (var i in e.Importance)
            {
                md.AppendLine($"| {Escape(i.Name)} | {i.Share:F3} | {i.Groups} | {i.NoiseFloor:F3} |");
            }

            md.AppendLine().AppendLine("| Parameter | Value | n | Mean screening score (95% CI) |").AppendLine("| --- | --- | ---: | --- |");
            foreach (var effect in e.MainEffects)
            {
                foreach (var level in effect.Levels)
                {
                    string mean = level.Mean is not { } m ? "-" : level.CiLow is { } lo && level.CiHigh is { } hi ? $"{m:F4} [{lo:F4}, {hi:F4}]" : $"{m:F4}";
                    md.AppendLine($"| {Escape(effect.Name)} | {Escape(level.Value)} | {level.Count} | {mean} |");
                }
            }

            if (e.Heatmap is { } map)
            {
                md.AppendLine().AppendLine($"Mean screening score by {Escape(map.Y)} (rows) and {Escape(map.X)} (columns):").AppendLine();
                md.AppendLine($"| {Escape(map.Y)} \\ {Escape(map.X)} | {string.Join(" | ", map.XLabels.Select(Escape))} |");
                md.AppendLine($"| --- |{string.Concat(map.XLabels.Select(_ => " ---: |"))}");
                for (int y = 0; y < map.YLabels.Count; y++)
                {
                    md.AppendLine($"| {Escape(map.YLabels[y])} | {string.Join(" | ", map.Means[y].Select(v => v is { } x ? x.ToString("F4", CultureInfo.InvariantCulture) : "-"))} |");
                }
            }
        }
    }

    private static string MeanCell(CandidateReport c) => c.ByTier is [.., { CiLow: { } low, CiHigh: { } high }]
        ? $"{c.Mean:F4} [{low:F4}, {high:F4}]"
        : $"{c.Mean:F4}";

    private static string Versus(PairedComparison? c) => c is null
        ? "-"
        : $"{EvidenceText.Difference(c)}" + (c.TTestP is { } t ? $", t {EvidenceText.P(t, "p")}" : "") + (c.WilcoxonP is { } w ? $", Wilcoxon {EvidenceText.P(w, "p")}" : "");

    private static string PassVersus(PairedComparison? c) => c is null
        ? "-"
        : $"{EvidenceText.Signed(c.PassRateDifference)} ({c.OnlyFirstFails} vs {c.OnlySecondFails} seeds failing alone, McNemar {EvidenceText.P(c.McNemarP, "p")})";

    /// <summary>Where the base came from; a report of before this was recorded says so unless its base is empty.</summary>
    private static string BaseOrigin(SweepReport report) =>
        report.BaseSource?.Describe() ?? (report.Base.Count == 0 ? BaseSource.Defaults.Describe() : "source not recorded");

    private static string Cell(ParamSet p) => p.Count == 0 ? "`{}`" : $"`{Escape(p.ToString())}`";

    private static string Escape(string text) => text.Replace("|", "\\|");
}
