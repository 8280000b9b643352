using BamModel.Recording;
using BamValidation.Scoring;

namespace BamValidation.Tests.Metrics;

public class GrowthPlusMetricsTests
{
    private static double Actual(ValidationScore score, string name) => score.Find(name)!.Actual;

    private static ValidationScore Validate(RunSeries series) => BamValidator.Validate(BamModel.BamScenarios.GrowthPlus, series);

    [Fact]
    public void Inflation_UsesThePostBurnInWindow()
    {
        var score = Validate(TestSeries.Calm());

        Assert.Equal(0.01, Actual(score, "inflation_rate_mean"), 12);
        Assert.Equal(0.01, Actual(score, "inflation_hard_ceiling_upper"), 12);
        Assert.Equal(1.0, Actual(score, "inflation_pct_in_bounds"));
    }

    [Fact]
    public void LogGdp_TrendOfExponentialGrowth()
    {
        var series = TestSeries.Calm();
        for (int t = 0; t < series.T; t++)
        {
            TestSeries.SetRow(series, series.Production, t, Enumerable.Repeat(25.0 * Math.Exp(0.0015 * t), 4).ToArray());
        }

        var score = Validate(series);

        Assert.Equal(0.0015, Actual(score, "log_gdp_trend"), 10);
        Assert.Equal(0.0015 * 499, Actual(score, "log_gdp_total_growth"), 10);
        Assert.Equal(Math.Log(100.0) + 0.0015 * 749.5, Actual(score, "log_gdp_mean"), 10);
    }

    [Fact]
    public void RealInterestRate_PrincipalWeightedLoanRateOrRBar_MinusInflation()
    {
        var series = TestSeries.Calm(loans: t => t % 2 == 0 ? [(0, 1.0, 0.03), (1, 3.0, 0.05)] : []);

        var score = Validate(series);

        // Even periods: 0.045 − 0.01; odd periods: r_bar 0.02 − 0.01.
        Assert.Equal((0.035 + 0.01) / 2, Actual(score, "real_interest_rate_mean"), 12);
        Assert.Equal(0.0125, Actual(score, "real_interest_rate_std"), 12);
    }

    [Fact]
    public void Minsky_ClassifiesFirmsByFundsAgainstDebtAndInterest()
    {
        // Firm 0 covers its debt 5.5 (hedge); firm 1 not even its interest 0.5 (Ponzi); firm 2 is speculative;
        // firm 3 has no loan and positive funds (hedge).
        var series = TestSeries.Calm(loans: _ => [(0, 5.0, 0.1), (1, 5.0, 0.1), (2, 5.0, 0.1)]);
        for (int t = 0; t < series.T; t++)
        {
            TestSeries.SetRow(series, series.TotalFunds, t, 10.0, 0.3, 2.0, 1.0);
        }

        var score = Validate(series);

        Assert.Equal(0.5, Actual(score, "minsky_hedge_pct"), 12);
        Assert.Equal(0.25, Actual(score, "minsky_ponzi_pct"), 12);
    }

    [Fact]
    public void NetWorthGrowth_CrossSectionOfTheLastTwoPeriods()
    {
        var series = TestSeries.Calm();
        TestSeries.SetRow(series, series.NetWorth, series.T - 2, 10, 10, 10, -1);
        TestSeries.SetRow(series, series.NetWorth, series.T - 1, 10.2, 11.5, 3, 5);

        var score = Validate(series);

        // Growth of firms 0..2: +0.02, +0.15, −0.7 (firm 3 had negative net worth).
        Assert.Equal(1.0 / 3, Actual(score, "networth_growth_pct_tight"), 12);
        Assert.Equal(1.0 / 3, Actual(score, "networth_growth_pct_normal"), 12);
        Assert.Equal(1.0 / 3, Actual(score, "networth_growth_outliers"), 12);
    }

    [Fact]
    public void PriceRatio_AveragePriceOverMarketClearingPrice()
    {
        var series = TestSeries.Calm();
        for (int t = 0; t < series.T; t++)
        {
            TestSeries.SetRow(series, series.Production, t, 25, 25, 25, 25);
        }

        var score = Validate(series);

        // Market-clearing price 70 / 100 = 0.7; average price 1.
        Assert.Equal(1.0 / 0.7, Actual(score, "price_ratio_mean"), 12);
        Assert.Equal(1.0 / 0.7, Actual(score, "price_ratio_floor"), 12);
    }

    [Fact]
    public void Dispersions_PriceEquitySales()
    {
        var series = TestSeries.Calm();
        for (int t = 0; t < series.T; t++)
        {
            TestSeries.SetRow(series, series.Production, t, 25, 25, 25, 25);
        }

        var score = Validate(series);

        // Prices 1.00..1.03 with equal weights; net worth 10..13; sales = price·24.
        double meanPrice = 1.015, sdPrice = Math.Sqrt((0.015 * 0.015 + 0.005 * 0.005) * 2 / 4);
        Assert.Equal(sdPrice / meanPrice, Actual(score, "price_dispersion_mean"), 12);
        Assert.Equal(Math.Sqrt(1.25) / 11.5, Actual(score, "equity_dispersion_mean"), 12);
        Assert.Equal(sdPrice / meanPrice, Actual(score, "sales_dispersion_mean"), 12);
    }

    [Fact]
    public void Bankruptcies_MeanOverThePostBurnInWindow()
    {
        Assert.Equal(0.5, Actual(Validate(TestSeries.Calm()), "bankruptcies_mean"), 12);
    }
}
