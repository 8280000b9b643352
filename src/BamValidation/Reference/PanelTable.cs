using System.Text;
using static BamValidation.Reference.TableText;

namespace BamValidation.Reference;

/// <summary>Plain-text rendering of the perturbation panel's gate, one line per config.</summary>
public static class PanelTable
{
    private const int DeviationsShown = 3;

    public static string Format(IReadOnlyList<PanelConfigComparison> configs)
    {
        var text = new StringBuilder();
        int labelWidth = Math.Max(6, configs.Max(c => c.Config.Label.Length));
        text.AppendLine(Invariant($"{"config".PadRight(labelWidth)} | score ours / orig | pass ours / orig | largest metric deviations: ours vs orig (se units)"));
        foreach (var c in configs)
        {
            var largest = c.Metrics
                .OrderByDescending(m => double.IsNaN(m.ShareOfAllowance) ? double.PositiveInfinity : m.ShareOfAllowance)
                .Take(DeviationsShown)
                .Select(m => Invariant($"{m.Name} {Num(m.OurMean)} vs {Num(m.OriginalMean)} ({Distance(m)})"));
            string verdict = c.Failures.Count == 0 ? "" : "   << FAILS";
            text.AppendLine(Invariant(
                $"{c.Config.Label.PadRight(labelWidth)} | {c.OurMeanScore:F4} / {c.OriginalMeanScore:F4} | {c.OurPassRate,4:F2} / {c.OriginalPassRate,4:F2}      | {string.Join("; ", largest)}{verdict}"));
        }

        int failed = configs.Count(c => c.Failures.Count > 0);
        text.AppendLine(Invariant(
            $"{configs.Count - failed} of {configs.Count} configs hold (score within {PanelConfigComparison.MaxScoreGap}, pass rate within {PanelConfigComparison.MaxPassRateGap}, metric means within {PanelMetricComparison.MaxDeviation} se; zero-spread metrics within {PanelMetricComparison.ZeroSpreadTolerance})."));
        var worst = configs.SelectMany(c => c.Metrics.Where(m => !m.ZeroSpread).Select(m => (c.Config.Label, Metric: m)))
            .MaxBy(x => Math.Abs(x.Metric.Deviation));
        var score = configs.MaxBy(c => Math.Abs(c.ScoreGap))!;
        var pass = configs.MaxBy(c => Math.Abs(c.PassRateGap))!;
        text.AppendLine(Invariant(
            $"largest: metric deviation {Distance(worst.Metric)} se ({worst.Metric.Name}, {worst.Label}); score gap {Signed(score.ScoreGap, "F4")} ({score.Config.Label}); pass-rate gap {Signed(pass.PassRateGap, "F2")} ({pass.Config.Label})."));
        foreach (var failure in configs.SelectMany(c => c.Failures))
        {
            text.AppendLine("  " + failure);
        }

        return text.ToString();
    }

    /// <summary>The distance in se units, or for a zero-spread metric the plain difference, marked as such.</summary>
    internal static string Distance(PanelMetricComparison m) => m.ZeroSpread
        ? Invariant($"{Signed(m.OurMean - m.OriginalMean, "G2")} abs, zero spread")
        : Signed(m.Deviation, "F1");
}
