using Spectre.Console;
using SweepDomain.Results;
using SweepLibrary.Output;

namespace SweepCli.Output;

/// <summary>The final table of a sweep: one row per stage.</summary>
internal static class ResultTables
{
    public static Table Stages(SweepReport report, bool terminal)
    {
        var table = new Table { Border = terminal ? TableBorder.Rounded : TableBorder.Ascii2, Title = new TableTitle($"{report.Scenario} sweep") };
        table.AddColumns("Stage", "Winner", "Combined", "Mean", "Std", "Pass", "Seeds", "Improved", "vs incumbent (95% CI)", "Cross-scenario", "Evals (run)", "Time");
        foreach (int i in new[] { 2, 3, 4, 5, 6, 10, 11 })
        {
            table.Columns[i].RightAligned();
        }

        foreach (var outcome in report.Stages)
        {
            var r = outcome.Result;
            double? seconds = report.TimingsSeconds?.GetValueOrDefault(ResultText.StageTiming(r.Label));
            table.AddRow(
                Markup.Escape(r.Label),
                Markup.Escape(r.WinnerParams.ToString()),
                $"{r.CombinedScore:F4}",
                $"{r.MeanScore:F4}",
                $"{r.StdScore:F4}",
                ResultText.Pct(r.PassRate),
                $"{r.NSeeds}",
                r.Improved ? "yes" : "no (incumbent kept)",
                Markup.Escape(ResultText.VersusIncumbent(r)),
                Markup.Escape(ResultText.Cross(r)),
                $"{r.EvaluationsRequested} ({r.EvaluationsExecuted})",
                seconds is { } s ? Eta.Format(s) : "-");
        }

        return table;
    }
}
