using BamValidation.Reference;
using Xunit.Abstractions;

namespace BamValidation.Tests.Model;

/// <summary>
/// The fidelity gate: our model on the original's perturbation panel (21 configs, seeds 0–29, 1000 periods).
/// Every config's mean total score within 0.015 of the original's, its pass rate within 0.2, and every metric's
/// 30-seed mean within 5 standard errors (se = the original's sd × √(2/30)); a metric the original holds
/// constant within 0.01 of that constant.
/// </summary>
public class PerturbationPanelTests(ITestOutputHelper output)
{
    [Fact]
    public void PerturbationPanel_EveryConfig_MatchesOriginalDistribution()
    {
        var panel = ReferenceFile.LoadPanel();

        var comparisons = PanelComparison.Run(panel.Configs);
        output.WriteLine(PanelTable.Format(comparisons));

        Assert.Equal(21, comparisons.Count);
        Assert.All(comparisons, c => Assert.Equal(30, c.Config.Runs.Count));
        Assert.Empty(comparisons.SelectMany(c => c.Failures));
    }

    [Fact]
    public void PanelFile_ListsTheConfigsOfTheOriginalsPanel()
    {
        var panel = ReferenceFile.LoadPanel();

        Assert.Equal(21, panel.Configs.Count);
        Assert.Equal("baseline (defaults)", panel.Configs[0].Label);
        Assert.Equal("baseline max_M=2", panel.Configs[1].Label);
        Assert.Equal("growth_plus beta=1 max_leverage=5", panel.Configs[17].Label);
        Assert.Equal("buffer_stock buffer_stock_h=4", panel.Configs[20].Label);
        Assert.Equal(0.8771877604066509, panel.Configs[0].Runs[0].TotalScore);
        Assert.Equal(Enumerable.Range(0, 30), panel.Configs[13].Runs.Select(r => r.Seed));
    }
}
