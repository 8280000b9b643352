using BamModel.Recording;

namespace BamModel.Tests;

/// <summary>Longer-run facts of bam-model §10.1 / §10.2, Appendix C, at defaults, 1000 periods, seeds 0–4.</summary>
public class LongRunTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Baseline1000Periods_UnemploymentExitsAndPriceLevelLikeTheOriginal(int seed)
    {
        var s = new RunSeries();

        BamRunner.Run("baseline", [], seed, 1000, s);

        Assert.Equal(1000, s.T);
        double unemployment = Enumerable.Range(500, 500).Average(t => 1.0 - s.Employed[t] / 500.0);
        Assert.InRange(unemployment, 0.03, 0.12);
        Assert.InRange(s.FirmBankruptcies.Average(), 0.6, 2.0);     // original: 1.15 and 1.12 per period
        Assert.InRange(s.BankBankruptcies.Average(), 0.1, 0.8);     // original: 0.38 and 0.33
        Assert.True(s.AvgPrice[999] > 4 * s.AvgPrice[0], $"P̄ at t = 1000: {s.AvgPrice[999]:F2}");   // original: 5.23, 5.81
        double gdp = Enumerable.Range(500, 500).Average(t => s.Row(s.Production, t).ToArray().Sum());
        Assert.InRange(gdp, 200, 250);                               // original ≈ 233
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void GrowthPlus1000Periods_ProductivityGrowsWellAboveInitial(int seed)
    {
        var s = new RunSeries();

        BamRunner.Run("growth_plus", [], seed, 1000, s);

        double productivity = s.Row(s.LaborProductivity, 999).ToArray().Average();
        Assert.True(productivity > 5.0, $"mean productivity at t = 1000: {productivity:F2}");   // original ≈ 19
        double unemployment = Enumerable.Range(500, 500).Average(t => 1.0 - s.Employed[t] / 500.0);
        Assert.InRange(unemployment, 0.03, 0.12);
    }
}
