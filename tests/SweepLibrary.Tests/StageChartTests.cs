using ScottPlot;
using SkiaSharp;
using SweepDomain.Parameters;
using SweepDomain.Sweep;
using SweepLibrary.Output;

namespace SweepLibrary.Tests;

/// <summary>The PNG chart of a stage: its title can be read to the last word, and its score axis stays where scores lie.</summary>
public sealed class StageChartTests
{
    /// <summary>The verdict of a stage whose winner leads the incumbent by a failing seed: 184 characters on one line.</summary>
    private const string LongVerdict =
        "winner vs incumbent: +0.0021 (95% CI -0.0010 .. +0.0052, n = 100), p = 0.18: not significant at alpha 0.05; leads by one failing seed in 100 (99 % against 98 %, McNemar p = 1)";

    [Fact]
    public void Title_of_a_long_verdict_wraps_inside_the_image_and_keeps_every_word()
    {
        var (plot, height) = StageChart.Draw("baseline", SixCandidates(LongVerdict));
        plot.GetImageBytes(StageChart.Width, height, ImageFormat.Png);

        var drawn = plot.Axes.Title.Label.LastRenderPixelRect;
        Assert.InRange(drawn.Left, 0, StageChart.Width);
        Assert.InRange(drawn.Right, 0, StageChart.Width);
        Assert.InRange(drawn.Top, 0, height);
        string[] lines = plot.Axes.Title.Label.Text.Split('\n');
        Assert.True(lines.Length >= 3, $"the verdict should take two lines or more: {string.Join(" | ", lines)}");
        Assert.Equal("baseline sweep, stage behavioral: winner combined 0.4941, mean 0.6100 (sd 0.1000), pass 90% " + LongVerdict, string.Join(" ", lines));
    }

    [Fact]
    public void Png_of_a_long_verdict_has_no_ink_in_its_outer_columns()
    {
        using var image = SKBitmap.Decode(StageChart.RenderPng("baseline", SixCandidates(LongVerdict)));

        Assert.Equal(StageChart.Width, image.Width);
        int[] outer = [0, 1, 2, image.Width - 3, image.Width - 2, image.Width - 1];
        var ink = outer.SelectMany(x => Enumerable.Range(0, image.Height).Select(y => (x, y)))
            .Where(p => image.GetPixel(p.x, p.y) != SKColors.White).ToList();
        Assert.True(ink.Count == 0, $"{ink.Count} pixels of ink in the outer columns, the first at {ink.FirstOrDefault()}");
    }

    [Fact]
    public void Png_grows_by_the_title_lines_beyond_two()
    {
        using var twoLines = SKBitmap.Decode(StageChart.RenderPng("baseline", SixCandidates("winner vs incumbent: +0.0021")));
        using var more = SKBitmap.Decode(StageChart.RenderPng("baseline", SixCandidates(LongVerdict)));

        Assert.Equal(StageChart.Height, twoLines.Height);
        Assert.True(more.Height > StageChart.Height, $"height {more.Height}");
    }

    [Fact]
    public void Score_axis_starts_at_0_though_intervals_reach_below_it()
    {
        // Whiskers reach -0.12 (0.08 - 0.2) and 0.81 (0.61 + 0.2): 5 % of the 0.93 span, 0.0465, is added at each end,
        // and the bottom is then raised to 0, where scores end.
        var (plot, _) = StageChart.Draw("baseline", SixCandidates(LongVerdict));

        var limits = plot.Axes.GetLimits();
        Assert.Equal(0, limits.Bottom, 9);
        Assert.Equal(0.8565, limits.Top, 9);
    }

    [Fact]
    public void Score_axis_stops_at_1_05_though_an_interval_reaches_above_it()
    {
        // Ends 0.85 .. 1.07, margin 0.011: the bottom is 0.839, the top 1.081 lowered to 1.05.
        var (plot, _) = StageChart.Draw("baseline", Stage(null, Candidate(0, 0.97, 0.10, 0.95), Candidate(1, 0.90, 0.05, 0.88, incumbent: true)));

        var limits = plot.Axes.GetLimits();
        Assert.Equal(0.839, limits.Bottom, 9);
        Assert.Equal(1.05, limits.Top, 9);
    }

    [Fact]
    public void Score_axis_shows_a_negative_combined_score()
    {
        // combined = mean * pass_rate * (1 - k * std) is negative when k * std > 1; ends -0.2 .. 0.7, margin 0.045.
        var (plot, _) = StageChart.Draw("baseline", Stage(null, Candidate(0, 0.6, 0.1, 0.1), Candidate(1, 0.5, 0.1, -0.2, incumbent: true)));

        var limits = plot.Axes.GetLimits();
        Assert.Equal(-0.245, limits.Bottom, 9);
        Assert.Equal(0.745, limits.Top, 9);
    }

    /// <summary>
    /// Six candidates over beta, means 0.12, 0.35, 0.52, 0.61 (the winner), 0.08 and 0.44 (the incumbent), each ± 0.2,
    /// combined 0.81 x mean.
    /// </summary>
    private static StageOutcome SixCandidates(string verdict)
    {
        double[] means = [0.12, 0.35, 0.52, 0.61, 0.08, 0.44];
        return Stage(verdict, means.Select((m, i) => Candidate(i, m, 0.2, m * 0.81, incumbent: i == 5)).ToArray());
    }

    /// <summary>A stage won by its candidate of the highest mean.</summary>
    private static StageOutcome Stage(string? verdict, params CandidateReport[] candidates)
    {
        var winner = candidates.MaxBy(c => c.Mean)!;
        var incumbent = candidates.First(c => c.IsIncumbent);
        var result = new StageResult("behavioral", winner.Params, winner.Combined, winner.Mean, 0.1, 0.9, 10, [winner.Mean], candidates.Length - 1, true,
            incumbent.Combined, true, null, 60, 60, Verdict: verdict);
        return new StageOutcome(0, result, candidates);
    }

    /// <summary>A candidate with beta = 0.5 + index / 10, ranked after 10 seeds, its mean ± <paramref name="halfWidth"/> its 95 % interval.</summary>
    private static CandidateReport Candidate(int index, double mean, double halfWidth, double combined, bool incumbent = false) =>
        new(index, ParamSet.Of(("beta", 0.5 + index / 10.0), ("max_M", 4)), incumbent, mean, 5, 1, 0, [mean], [0], mean, 0.1, 0.9, combined, 1, index + 1,
            ByTier: [new TierFigure(0, 1, mean, null, null, 1), new TierFigure(1, 10, mean, mean - halfWidth, mean + halfWidth, 0.9)]);
}
