using BamValidation.Scenarios;
using BamValidation.Scoring;

namespace BamValidation.Tests.Metrics;

public class BaselineMetricsTests
{
    private static double Actual(ValidationScore score, string name) => score.Find(name)!.Actual;

    [Fact]
    public void Unemployment_PostBurnInStatistics()
    {
        var score = BamValidator.Validate(BamModel.BamScenarios.Baseline, TestSeries.Calm());

        // Periods 500..999: one in five has U = 0.10, the rest 0.07.
        Assert.Equal(0.076, Actual(score, "unemployment_rate_mean"), 12);
        Assert.Equal(0.012, Actual(score, "unemployment_std"), 12);
        Assert.Equal(0.10, Actual(score, "unemployment_absolute_ceiling"), 12);
        Assert.Equal(1.0, Actual(score, "unemployment_pct_above_floor"));
    }

    [Fact]
    public void Inflation_UsesTheFullSeriesIncludingInitialZeros()
    {
        var score = BamValidator.Validate(BamModel.BamScenarios.Baseline, TestSeries.Calm());

        Assert.Equal(0.00996, Actual(score, "inflation_rate_mean"), 12);
    }

    [Fact]
    public void RealWageAndProductivity_RatioOfMeans()
    {
        var score = BamValidator.Validate(BamModel.BamScenarios.Baseline, TestSeries.Calm());

        Assert.Equal(0.3, Actual(score, "real_wage_mean"), 12);
        Assert.Equal(0.0, Actual(score, "productivity_flatness"), 12);
        Assert.Equal(0.6, Actual(score, "wage_to_productivity_ratio"), 12);
    }

    [Fact]
    public void FirmSizes_ReadTheLastPeriodOnly()
    {
        var series = TestSeries.Calm();
        TestSeries.SetRow(series, series.Production, series.T - 1, 1, 2, 3, 10);

        var score = BamValidator.Validate(BamModel.BamScenarios.Baseline, series);

        Assert.Equal(1.0182337649086284, Actual(score, "firm_size_skewness"), 12);
        Assert.Equal(0.75, Actual(score, "firm_size_pct_below"));
        Assert.Equal(0.75, Actual(score, "firm_size_pct_below_medium"));
        Assert.Equal(4.0, Actual(score, "firm_size_tail_ratio"), 12);
    }

    [Fact]
    public void VacancyRate_DividesByHouseholds()
    {
        var score = BamValidator.Validate(BamModel.BamScenarios.Baseline, TestSeries.Calm());

        Assert.InRange(Actual(score, "vacancy_rate_mean"), 0.12, 0.14);
        Assert.Equal(1.0, Actual(score, "vacancy_rate_pct_in_bounds"));
    }

    [Fact]
    public void ConstantSeries_CorrelationsAreNaN_FailWithANote()
    {
        var series = TestSeries.Calm();
        for (int t = 0; t < series.T; t++)
        {
            series.Employed[t] = 93;
            series.WageSumEmployed[t] = 0.3 * 93;
        }

        var score = BamValidator.Validate(BamModel.BamScenarios.Baseline, series);

        var phillips = score.Find("phillips_correlation")!;
        Assert.True(double.IsNaN(phillips.Actual));
        Assert.Equal(Status.Fail, phillips.Status);
        Assert.Equal(0.0, phillips.Score);
        Assert.Contains("phillips_correlation", score.Note);
    }

    [Theory]
    [InlineData("baseline")]
    [InlineData("growth_plus")]
    [InlineData("buffer_stock")]
    public void Collapse_BeforeTheBurnIn_NeverThrows_NotesTheCollapse(string scenario)
    {
        var series = TestSeries.Calm(periods: 1000, recorded: 312);
        series.Collapsed = true;

        var score = BamValidator.Validate(scenario, series);

        Assert.Contains("economy collapsed at period 312", score.Note);
        Assert.Equal(ValidationScenarios.Get(scenario).Metrics.Count, score.MetricResults.Count);
        Assert.All(score.MetricResults.Where(r => double.IsNaN(r.Actual)), r => Assert.Equal(Status.Fail, r.Status));
    }

    [Theory]
    [InlineData("baseline")]
    [InlineData("growth_plus")]
    [InlineData("buffer_stock")]
    public void EmptyRun_NeverThrows_EveryMetricScoresAndCounts(string scenario)
    {
        var series = TestSeries.Calm(periods: 1000, recorded: 0);

        var score = BamValidator.Validate(scenario, series);

        Assert.Equal(score.MetricResults.Count, score.NPass + score.NWarn + score.NFail);
        Assert.True(score.NFail > 0);
        Assert.NotNull(score.Note);
    }

    [Fact]
    public void ShortRun_BurnInFollowsTheAdjustmentRule()
    {
        // 100 periods requested: burn-in 500 ≥ 100, so B = 50.
        var series = TestSeries.Calm(periods: 100);

        var score = BamValidator.Validate(BamModel.BamScenarios.Baseline, series);

        Assert.Equal(0.07 * 0.8 + 0.10 * 0.2, Actual(score, "unemployment_rate_mean"), 12);
    }
}
