using System.Globalization;
using System.Text;
using SweepDomain.Parameters;
using SweepDomain.Results;

namespace SweepCli.Output;

/// <summary>A one-page Markdown summary of a sweep, written next to its JSON files.</summary>
internal static class SummaryMarkdown
{
    public static string Build(SweepReport report)
    {
        var md = new StringBuilder();
        string scenario = report.Scenario;
        md.AppendLine($"# Sweep summary: {scenario}").AppendLine();
        md.AppendLine("| Setting | Value |").AppendLine("| --- | --- |");
        md.AppendLine($"| Scenario | `{scenario}` |");
        md.AppendLine($"| Cross scenario | {(report.CrossScenario is null ? "none" : $"`{report.CrossScenario}` ({report.CrossSeeds} seeds per scenario, k = 1)")} |");
        md.AppendLine($"| Base | {Cell(report.Base)} ({BaseOrigin(report)}) |");
        md.AppendLine($"| Periods | {report.Periods} |");
        md.AppendLine($"| Stability tiers | `{report.StabilityTiers}` |");
        md.AppendLine($"| Rank by | {report.RankBy} |");
        md.AppendLine($"| k | {report.KFactor.ToString(CultureInfo.InvariantCulture)} |");
        md.AppendLine($"| Convention | {report.Convention} |");
        md.AppendLine($"| Evaluations | {report.EvaluationsRequested} requested, {report.EvaluationsExecuted} run |");
        if (report.TimingsSeconds?.GetValueOrDefault(ResultText.TotalTiming) is { } total)
        {
            md.AppendLine($"| Wall time | {Progress.Eta.Format(total)} |");
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
                          $"{Escape(ResultText.Cross(r))} | {r.EvaluationsRequested} ({r.EvaluationsExecuted}) | {(seconds is { } s ? Progress.Eta.Format(s) : "-")} |");
        }

        md.AppendLine().AppendLine("## Final configuration").AppendLine();
        md.AppendLine("```json").AppendLine(System.Text.Json.JsonSerializer.Serialize(report.Final, new System.Text.Json.JsonSerializerOptions { WriteIndented = true })).AppendLine("```").AppendLine();
        md.AppendLine($"Use it as the base of the next sweep: `sweep run --scenario {scenario} --base {ResultNames.FinalFile(scenario)} --stages ...`").AppendLine();

        md.AppendLine("## Files").AppendLine();
        foreach (var outcome in report.Stages)
        {
            string label = outcome.Result.Label;
            md.AppendLine($"- `{ResultNames.StageFile(scenario, label)}`: stage {Escape(label)} winner (stability format); chart `{SweepResultWriter.ChartFile(scenario, label)}`");
        }

        md.AppendLine($"- `{ResultNames.FinalFile(scenario)}`: the final winner (stability format)");
        md.AppendLine($"- `{ResultNames.ReportFile(scenario)}`: every candidate's seed scores, settings and timings");
        return md.ToString();
    }

    /// <summary>Where the base came from; a report of before this was recorded says so unless its base is empty.</summary>
    private static string BaseOrigin(SweepReport report) =>
        report.BaseSource?.Describe() ?? (report.Base.Count == 0 ? BaseSource.Defaults.Describe() : "source not recorded");

    private static string Cell(ParamSet p) => p.Count == 0 ? "`{}`" : $"`{Escape(p.ToString())}`";

    private static string Escape(string text) => text.Replace("|", "\\|");
}
