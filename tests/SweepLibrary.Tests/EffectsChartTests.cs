using ScottPlot;
using SweepDomain.Parameters;
using SweepDomain.Sweep;
using SweepLibrary.Output;

namespace SweepLibrary.Tests;

/// <summary>The PNG of what each parameter does: every panel's title can be read to the last word.</summary>
public sealed class EffectsChartTests
{
    private const string Growth = "labour_productivity_growth_rate";
    private const string Entry = "new_firm_production_factor";

    [Fact]
    public void Panel_titles_of_long_names_wrap_inside_their_panels_and_keep_every_word()
    {
        var panels = EffectsChart.Panels("growth_plus_buffer_stock", StageOverTwoLongNames());

        string[] expected =
        [
            "growth_plus_buffer_stock, stage behavioral_and_entry_parameters: importance (estimate)",
            $"{Growth}: variance share 0.61 (noise floor 0.05)",
            $"{Entry}: variance share 0.23 (noise floor 0.05)",
        ];
        Assert.Equal(expected, panels.Select(p => p.Axes.Title.Label.Text.Replace('\n', ' ')));
        foreach (var panel in panels)
        {
            panel.GetImageBytes(EffectsChart.PanelWidth, EffectsChart.PanelHeight, ImageFormat.Png);
            var drawn = panel.Axes.Title.Label.LastRenderPixelRect;
            Assert.True(drawn.Left >= 0 && drawn.Right <= EffectsChart.PanelWidth && drawn.Top >= 0,
                $"'{panel.Axes.Title.Label.Text}' is drawn from x = {drawn.Left} to {drawn.Right}, y from {drawn.Top}, in a panel {EffectsChart.PanelWidth} wide");
        }
    }

    /// <summary>Nine candidates over a 3 x 3 grid of two long-named parameters, in a stage of a long label.</summary>
    private static StageOutcome StageOverTwoLongNames()
    {
        var candidates = Enumerable.Range(0, 9).Select(i =>
        {
            double mean = 0.3 + 0.05 * i;
            return new CandidateReport(i, ParamSet.Of((Entry, 0.1 * (i % 3)), (Growth, 0.2 * (i / 3))), i == 0, mean, 5, 1, 0, [mean], [0], mean, 0.1, 0.9,
                mean * 0.8, 1, i + 1, ByTier: [new TierFigure(0, 1, mean, null, null, 1), new TierFigure(1, 10, mean, mean - 0.05, mean + 0.05, 0.9)]);
        }).ToList();
        var effects = new ParameterEffects("binned ANOVA", 9, [new ParameterImportance(Growth, 0.61, 3, 0.05), new ParameterImportance(Entry, 0.23, 3, 0.05)], [], null);
        var winner = candidates[^1];
        var result = new StageResult("behavioral_and_entry_parameters", winner.Params, winner.Combined, winner.Mean, 0.1, 0.9, 10, [winner.Mean], 9, false,
            candidates[0].Combined, true, null, 60, 60);
        return new StageOutcome(0, result, candidates, effects);
    }
}
