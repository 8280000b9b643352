using BamValidation.Scoring;

namespace BamValidation.Tests.Metrics;

public class BufferStockMetricsTests
{
    private static double Actual(ValidationScore score, string name) => score.Find(name)!.Actual;

    [Fact]
    public void Mpc_AdjustedForDividendsOverEmployedHouseholds()
    {
        var series = TestSeries.Calm();
        Array.Fill(series.FinalEmployed, false);
        (bool Employed, double Wage, double Propensity, double Dividend)[] households =
        [
            (true, 0.5, 1.2, 0.05),  // 1.2 − 0.1 = 1.1: dissaving
            (true, 0.5, 0.9, 0.0),   // 0.9
            (true, 0.0, 1.3, 0.2),   // no wage, no adjustment: 1.3, dissaving
            (true, 0.4, 1.1, 0.04),  // 1.1 − 0.1 = 1.0: not strictly above 1
            (false, 0.0, 5.0, 0.0),  // unemployed: ignored
        ];
        for (int h = 0; h < households.Length; h++)
        {
            var (employed, wage, propensity, dividend) = households[h];
            series.FinalEmployed[h] = employed;
            series.FinalWage[h] = wage;
            series.FinalBufferPropensity[h] = propensity;
            series.FinalDividends[h] = dividend;
        }

        var score = BamValidator.Validate(BamModel.BamScenarios.BufferStock, series);

        Assert.Equal((1.1 + 0.9 + 1.3 + 1.0) / 4, Actual(score, "mean_mpc"), 12);
        Assert.Equal(0.5, Actual(score, "pct_dissaving"));
    }

    [Fact]
    public void Wealth_GiniAndSkewnessOverEmployedSavingsIncludingZeros()
    {
        var series = TestSeries.Calm();
        Array.Fill(series.FinalEmployed, false);
        double[] savings = [0, 0, 0, 1];
        for (int h = 0; h < savings.Length; h++)
        {
            series.FinalEmployed[h] = true;
            series.FinalSavings[h] = savings[h];
        }

        var score = BamValidator.Validate(BamModel.BamScenarios.BufferStock, series);

        Assert.Equal(0.75, Actual(score, "wealth_gini"), 12);
        Assert.Equal(1.1547005383792515, Actual(score, "wealth_skewness"), 12);
    }

    [Fact]
    public void Wealth_FewerThanFiftyPositiveValues_AllFitsScoreZero()
    {
        var series = TestSeries.Calm();
        for (int h = 0; h < series.NHouseholds; h++)
        {
            series.FinalEmployed[h] = h < 49;
        }

        var score = BamValidator.Validate(BamModel.BamScenarios.BufferStock, series);

        Assert.Equal(0.0, Actual(score, "sm_ccdf_r2"));
        Assert.Equal(0.0, Actual(score, "dagum_ccdf_r2"));
        Assert.Equal(0.0, Actual(score, "gb2_ccdf_r2"));
        Assert.Equal(0.0, Actual(score, "best_r2"));
    }
}
