using BamValidation.Metrics;
using BamValidation.Scenarios;

namespace BamValidation.Tests.Scenarios;

public class ScenarioDefinitionTests
{
    [Theory]
    [InlineData("baseline", 25, 32.75)]
    [InlineData("growth_plus", 66, 86.75)]
    [InlineData("buffer_stock", 8, 16.5)]
    public void Scenario_HasTheSpecMetricCountAndWeightSum(string name, int metrics, double weights)
    {
        var scenario = ValidationScenarios.Get(name);

        Assert.Equal(metrics, scenario.Metrics.Count);
        Assert.Equal(weights, scenario.TotalWeight, 12);
        Assert.Equal(metrics, scenario.Metrics.Select(m => m.Name).Distinct().Count());
        Assert.Equal(500, scenario.BurnInPeriods);
    }

    [Theory]
    [InlineData(500, 1000, 500)]
    [InlineData(500, 500, 250)]
    [InlineData(500, 400, 200)]
    [InlineData(0, 1000, 500)]
    [InlineData(500, 1, 1)]
    [InlineData(500, 3, 1)]
    public void BurnIn_AdjustmentRule(int burnIn, int periods, int expected)
    {
        Assert.Equal(expected, BurnIn.Adjust(burnIn, periods));
    }

    [Fact]
    public void Get_UnknownScenario_Throws()
    {
        Assert.Throws<ArgumentException>(() => ValidationScenarios.Get("growth"));
        Assert.Null(ValidationScenarios.Find("growth"));
    }

    [Theory]
    [InlineData(Scalar.OkunRSquared, "okun_r_squared")]
    [InlineData(Scalar.Gb2CcdfR2, "gb2_ccdf_r2")]
    [InlineData(Scalar.PriceRatioP5, "price_ratio_p5")]
    [InlineData(Scalar.NRecessions, "n_recessions")]
    [InlineData(Scalar.AvgFragilityMean, "avg_fragility_mean")]
    public void FieldName_IsTheOriginalSnakeCase(Scalar scalar, string expected)
    {
        Assert.Equal(expected, scalar.FieldName());
    }

    [Fact]
    public void OnlyGrowthPlusFirmSizeSkewness_HasHardBounds()
    {
        var bounded = ValidationScenarios.All
            .SelectMany(s => s.Metrics.Select(m => (Scenario: s.Name, Metric: m)))
            .Where(x => x.Metric.Check == BamValidation.Scoring.CheckType.MeanTolerance && (x.Metric.Targets.Min is not null || x.Metric.Targets.Max is not null))
            .Select(x => $"{x.Scenario}.{x.Metric.Name}");

        Assert.Equal(["growth_plus.firm_size_skewness"], bounded);
    }
}
