using BamValidation.Scoring;

namespace BamValidation.Tests.Scoring;

public class CheckScoringTests
{
    private const double Precision = 1e-12;

    [Theory]
    [InlineData(0.065, 1.0)]
    [InlineData(0.0775, 0.75)]
    [InlineData(0.090, 0.5)]
    [InlineData(0.040, 0.5)]
    [InlineData(0.115, 0.0)]
    [InlineData(0.500, 0.0)]
    public void MeanTolerance_DecaysLinearlyToZeroAtTwoTolerances(double actual, double expected)
    {
        double score = CheckScoring.MeanTolerance(actual, target: 0.065, tolerance: 0.025);

        Assert.Equal(expected, score, Precision);
    }

    [Fact]
    public void RangeCheck_AtCentre_ScoresOne()
    {
        Assert.Equal(1.0, CheckScoring.Range(0.5, 0.0, 1.0), Precision);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void RangeCheck_AtEdge_ScoresThreeQuarters(double actual)
    {
        Assert.Equal(0.75, CheckScoring.Range(actual, 0.0, 1.0), Precision);
    }

    [Theory]
    [InlineData(0.25, 0.875)]
    [InlineData(-0.5, 0.25)]
    [InlineData(1.5, 0.25)]
    [InlineData(-0.75, 0.0)]
    [InlineData(3.0, 0.0)]
    public void RangeCheck_InsideAndOutside_FollowsTheSpecFormula(double actual, double expected)
    {
        Assert.Equal(expected, CheckScoring.Range(actual, 0.0, 1.0), Precision);
    }

    [Theory]
    [InlineData(2.0, 1.0)]
    [InlineData(2.0000001, 0.0)]
    public void RangeCheck_ZeroWidth_ScoresOneOnlyOnTheValue(double actual, double expected)
    {
        Assert.Equal(expected, CheckScoring.Range(actual, 2.0, 2.0));
    }

    [Theory]
    [InlineData(0.99, 1.0)]
    [InlineData(0.95, 1.0)]
    [InlineData(0.925, 0.875)]
    [InlineData(0.90, 0.75)]
    [InlineData(0.45, 0.375)]
    [InlineData(0.0, 0.0)]
    public void PctWithin_AboveTargetFullBetweenMinAndTargetFromThreeQuarters(double actual, double expected)
    {
        Assert.Equal(expected, CheckScoring.PctWithin(actual, target: 0.95, min: 0.90), Precision);
    }

    [Fact]
    public void PctWithin_ZeroMinimumAndValueBelow_ScoresZero()
    {
        Assert.Equal(0.0, CheckScoring.PctWithin(-0.1, target: 0.5, min: 0.0));
    }

    [Theory]
    [InlineData(0.01, 1.0)]
    [InlineData(0.02, 1.0)]
    [InlineData(0.04, 0.1353352832366127)]
    [InlineData(0.03, 0.36787944117144233)]
    public void Outlier_DecaysExponentiallyAboveMaximum(double actual, double expected)
    {
        Assert.Equal(expected, CheckScoring.Outlier(actual, maxOutlier: 0.02, penaltyWeight: 2.0), Precision);
    }

    [Fact]
    public void Outlier_ZeroMaximumExceeded_ScoresZero()
    {
        Assert.Equal(0.0, CheckScoring.Outlier(0.001, maxOutlier: 0.0, penaltyWeight: 2.0));
    }

    [Theory]
    [InlineData(0.19, true, 1.0)]
    [InlineData(0.20, true, 0.0)]
    [InlineData(0.21, true, 0.0)]
    [InlineData(0.21, false, 1.0)]
    [InlineData(0.20, false, 0.0)]
    public void Boolean_IsStrictBothWays(double actual, bool invert, double expected)
    {
        Assert.Equal(expected, CheckScoring.Boolean(actual, threshold: 0.20, invert));
    }

    [Fact]
    public void AllChecks_NaNActual_ScoreZero()
    {
        Assert.Equal(0.0, CheckScoring.MeanTolerance(double.NaN, 0.0, 1.0));
        Assert.Equal(0.0, CheckScoring.Range(double.NaN, 0.0, 1.0));
        Assert.Equal(0.0, CheckScoring.PctWithin(double.NaN, 0.9, 0.8));
        Assert.Equal(0.0, CheckScoring.Outlier(double.NaN, 0.02, 2.0));
        Assert.Equal(0.0, CheckScoring.Boolean(double.NaN, 0.0, invert: true));
        Assert.Equal(0.0, CheckScoring.Boolean(double.NaN, 0.0, invert: false));
    }
}
