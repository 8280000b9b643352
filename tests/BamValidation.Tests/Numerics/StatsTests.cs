using BamValidation.Numerics;

namespace BamValidation.Tests.Numerics;

public class StatsTests
{
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(25.0, 1.75)]
    [InlineData(50.0, 2.5)]
    [InlineData(75.0, 3.25)]
    [InlineData(100.0, 4.0)]
    public void Percentile_InterpolatesLinearlyBetweenOrderStatistics(double p, double expected)
    {
        Assert.Equal(expected, Stats.Percentile([4.0, 1.0, 3.0, 2.0], p, new double[4]), 12);
    }

    [Fact]
    public void Percentile_FirstOfZeroToHundred_IsOne()
    {
        double[] values = Enumerable.Range(0, 101).Select(i => (double)(100 - i)).ToArray();

        Assert.Equal(1.0, Stats.Percentile(values, 1.0, new double[101]), 12);
    }

    [Fact]
    public void Percentile_WithNaN_IsNaN()
    {
        Assert.True(double.IsNaN(Stats.Percentile([1.0, double.NaN, 3.0], 50.0, new double[3])));
    }

    [Fact]
    public void PopulationStd_DividesByN()
    {
        Assert.Equal(2.0, Stats.PopulationStd([2, 4, 4, 4, 5, 5, 7, 9]), 12);
    }

    [Fact]
    public void Skewness_IsTheBiasedEstimator()
    {
        Assert.Equal(1.0182337649086284, Stats.Skewness([1, 2, 3, 10]), 12);
    }

    [Fact]
    public void Skewness_ConstantInput_IsNaN()
    {
        Assert.True(double.IsNaN(Stats.Skewness([5, 5, 5, 5])));
    }

    [Fact]
    public void Mean_Empty_IsNaN()
    {
        Assert.True(double.IsNaN(Stats.Mean([])));
        Assert.True(double.IsNaN(Stats.Max([])));
    }

    [Fact]
    public void Pearson_PerfectAndConstant()
    {
        Assert.Equal(1.0, Stats.Pearson([1, 2, 3], [2, 4, 6]), 12);
        Assert.Equal(-1.0, Stats.Pearson([1, 2, 3], [3, 2, 1]), 12);
        Assert.True(double.IsNaN(Stats.Pearson([1, 2, 3], [1, 1, 1])));
    }

    [Fact]
    public void TrendSlope_OfALine_IsItsSlope()
    {
        double[] y = Enumerable.Range(0, 50).Select(t => 3.0 + 0.0015 * t).ToArray();

        Assert.Equal(0.0015, Stats.TrendSlope(y), 12);
    }

    [Fact]
    public void TrendSlope_NonFinite_IsZero()
    {
        Assert.Equal(0.0, Stats.TrendSlope([1.0, double.NegativeInfinity, 2.0]));
    }

    [Fact]
    public void FractionWithin_DropsNonFiniteAndIsInclusive()
    {
        Assert.Equal(2.0 / 3.0, Fractions.Within([-0.05, 0.05, 0.2, double.NaN, double.PositiveInfinity], -0.05, 0.05), 12);
        Assert.Equal(0.0, Fractions.Within([double.NaN], 0, 1));
    }

    [Fact]
    public void CoefficientOfVariation_FloorsTheMeanAtEps()
    {
        Assert.Equal(0.5, Stats.CoefficientOfVariation([1, 3]), 12);
        Assert.Equal(1.0 / 1e-9, Stats.CoefficientOfVariation([-1, 1]), 3);
    }

    [Fact]
    public void SafeDivide_ReplacesOnlyAnExactZero()
    {
        Assert.Equal(1e10, Stats.SafeDivide(1.0, 0.0));
        Assert.Equal(-2.0, Stats.SafeDivide(1.0, -0.5));
    }
}
