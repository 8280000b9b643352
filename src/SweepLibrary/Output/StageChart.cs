using ScottPlot;
using SweepDomain.Parameters;
using SweepDomain.Sweep;

namespace SweepLibrary.Output;

/// <summary>
/// A PNG per stage: every candidate's mean with its 95 % interval and its combined score against its grid index, the
/// winner and the incumbent marked, the stage's verdict in the title. Candidates dropped before the last tier are grey
/// (their figures rest on fewer seeds); those racing dropped are purple. The title wraps to the image's width, and the
/// image grows by the lines it takes beyond two; the score axis stays within [0, 1.05] where scores lie (see
/// <see cref="ScoreRange"/>).
/// </summary>
public static class StageChart
{
    /// <summary>The chart's width in pixels.</summary>
    public const int Width = 1100;
    /// <summary>The chart's height in pixels with a title of up to two lines; each further line adds its height.</summary>
    public const int Height = 650;
    private const int MaxNamedTicks = 24;

    /// <summary>The chart of <paramref name="outcome"/>, a stage of a sweep of <paramref name="scenario"/>, as PNG bytes.</summary>
    public static byte[] RenderPng(string scenario, StageOutcome outcome)
    {
        var (plot, height) = Draw(scenario, outcome);
        return plot.GetImageBytes(Width, height, ImageFormat.Png);
    }

    /// <summary>The chart's plot and its height in pixels (its width is <see cref="Width"/>).</summary>
    internal static (Plot Plot, int Height) Draw(string scenario, StageOutcome outcome)
    {
        var candidates = outcome.Candidates.OrderBy(c => c.Index).ToList();
        int lastTier = candidates.Max(c => c.TiersReached);
        double[] xs = candidates.Select((_, i) => (double)i).ToArray();
        var plot = new Plot();
        bool Finalist(CandidateReport c) => c.FinalRank is not null;
        AddMeans(plot, candidates, xs, Finalist, "mean ± 95% CI (last tier)", Colors.SteelBlue);
        AddMeans(plot, candidates, xs, c => !Finalist(c) && c.Dropped is null, "mean ± 95% CI (not in the last tier)", Colors.Gray);
        AddMeans(plot, candidates, xs, c => c.Dropped is not null, "mean ± 95% CI (dropped by racing)", Colors.Purple);

        var combined = plot.Add.Markers(xs, candidates.Select(c => c.Combined).ToArray(), MarkerShape.OpenDiamond, 9, Colors.DarkOrange);
        combined.LegendText = "combined";

        int winner = candidates.FindIndex(c => c.Params.Equals(outcome.Result.WinnerParams));
        if (winner >= 0)
        {
            var mark = plot.Add.Marker(xs[winner], candidates[winner].Mean, MarkerShape.OpenCircle, 22, Colors.Red);
            mark.MarkerLineWidth = 3;
            mark.LegendText = "winner";
        }

        int incumbent = candidates.FindIndex(c => c.IsIncumbent);
        if (incumbent >= 0)
        {
            var mark = plot.Add.Marker(xs[incumbent], candidates[incumbent].Mean, MarkerShape.OpenSquare, 16, Colors.Green);
            mark.MarkerLineWidth = 2;
            mark.LegendText = "incumbent (current base)";
        }

        var (low, high) = ScoreRange(candidates);
        plot.Axes.SetLimitsY(low, high);
        int titleLines = Label(plot, scenario, outcome, candidates, xs, out float lineHeight);
        return (plot, Height + (int)Math.Ceiling(Math.Max(0, titleLines - 2) * lineHeight));
    }

    /// <summary>
    /// The score axis: from the lowest to the highest point and whisker end, with 5 % of that span to spare, but never
    /// below 0 nor above 1.05 where scores lie, so a 95 % interval reaching past them is cut at the axis. A mean or
    /// combined score outside [0, 1] (a model of its own may score so; a large k makes combined negative) widens it.
    /// </summary>
    internal static (double Low, double High) ScoreRange(IReadOnlyList<CandidateReport> candidates)
    {
        var points = candidates.Select(c => c.Mean).Concat(candidates.Select(c => c.Combined)).ToList();
        var ends = candidates.SelectMany(c => new[] { c.Mean - HalfWidth(c), c.Mean + HalfWidth(c) }).Concat(points).ToList();
        double lo = ends.Min(), hi = ends.Max();
        double margin = hi - lo > 1e-9 ? 0.05 * (hi - lo) : 0.02;
        return (Math.Max(lo - margin, Math.Min(0, points.Min() - margin)), Math.Min(hi + margin, Math.Max(1.05, points.Max() + margin)));
    }

    private static void AddMeans(Plot plot, List<CandidateReport> candidates, double[] xs, Func<CandidateReport, bool> include, string legend, Color color)
    {
        var picked = candidates.Select((c, i) => (c, x: xs[i])).Where(p => include(p.c)).ToList();
        if (picked.Count == 0)
        {
            return;
        }

        var bars = plot.Add.ErrorBar(picked.Select(p => p.x).ToArray(), picked.Select(p => p.c.Mean).ToArray(), picked.Select(p => HalfWidth(p.c)).ToArray());
        bars.Color = color;
        var means = plot.Add.Markers(picked.Select(p => p.x).ToArray(), picked.Select(p => p.c.Mean).ToArray(), MarkerShape.FilledCircle, 7, color);
        means.LegendText = legend;
    }

    /// <summary>Half the 95 % interval of the candidate's mean on all its seeds; 0 on a single seed.</summary>
    private static double HalfWidth(CandidateReport c) => c.ByTier is [.., { CiHigh: { } high } last] ? high - last.Mean : 0;

    /// <summary>Titles and labels the chart; returns how many lines the title takes and the height of one.</summary>
    private static int Label(Plot plot, string scenario, StageOutcome outcome, List<CandidateReport> candidates, double[] xs, out float lineHeight)
    {
        plot.XLabel("candidate (grid order; an added incumbent comes last)");
        plot.YLabel("score (mean ± 95% CI over seeds; combined)");
        plot.ShowLegend(Edge.Right);   // outside the data area, so it hides no marker
        plot.Axes.SetLimitsX(-0.6, Math.Max(0.6, xs.Length - 0.4));

        if (candidates.Count <= MaxNamedTicks)
        {
            var varying = VaryingNames(candidates);
            string[] labels = candidates.Select(c => TickLabel(c, varying)).ToArray();
            plot.Axes.Bottom.SetTicks(xs, labels);
            plot.Axes.Bottom.TickLabelStyle.Rotation = -35;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;   // slanted down to the left: the last label stays inside the image
            plot.Axes.Bottom.MinimumSize = Math.Min(260, 30 + 5.5f * labels.Max(l => l.Length));   // room for the slanted labels
        }

        (int titleLines, lineHeight) = ChartTitle.Set(plot, Title(scenario, outcome.Result), Width, Height);   // last: it lays the rest out to fit
        return titleLines;
    }

    /// <summary>The title before wrapping: the winner's figures, then the stage's verdict on a line of its own.</summary>
    internal static string Title(string scenario, StageResult r) =>
        $"{scenario} sweep, stage {r.Label}: winner combined {r.CombinedScore:F4}, mean {r.MeanScore:F4} (sd {r.StdScore:F4}), pass {ResultText.Pct(r.PassRate)}" +
        (r.Verdict is { } verdict ? "\n" + verdict : "");

    /// <summary>The parameters whose values differ between candidates: the stage's grid (fixed ones are equal everywhere).</summary>
    private static List<string> VaryingNames(List<CandidateReport> candidates) =>
        candidates.SelectMany(c => c.Params.Names).Distinct()
            .Where(name => candidates.Select(c => c.Params.TryGet(name, out var v) ? v.ToString() : "").Distinct().Count() > 1)
            .ToList();

    private static string TickLabel(CandidateReport c, List<string> names)
    {
        var parts = names.Select(n => c.Params.TryGet(n, out ParamValue v) ? $"{n}={v}" : $"{n}=default");
        string text = string.Join(" ", parts);
        return c.IsIncumbent ? $"{text} (incumbent)".Trim() : text;
    }
}
