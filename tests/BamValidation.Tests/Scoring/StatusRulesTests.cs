using BamValidation.Scoring;

namespace BamValidation.Tests.Scoring;

public class StatusRulesTests
{
    [Theory]
    [InlineData(1.0, Status.Pass)]
    [InlineData(-1.0, Status.Pass)]
    [InlineData(1.5, Status.Warn)]
    [InlineData(4.0, Status.Warn)]
    [InlineData(4.001, Status.Fail)]
    public void MeanTolerance_PassWithinToleranceWarnWithinTwiceEscalated(double actual, Status expected)
    {
        Assert.Equal(expected, StatusRules.MeanTolerance(actual, target: 0.0, tolerance: 1.0, escalation: 2.0));
    }

    [Fact]
    public void HardBounds_OutsideMin_FailsEvenWithinTolerance()
    {
        var status = StatusRules.MeanTolerance(1.4, target: 3.0, tolerance: 2.0, escalation: 2.0);

        var bounded = StatusRules.ApplyHardBounds(status, 1.4, 3.0, 2.0, min: 1.5, max: 10.0);

        Assert.Equal(Status.Pass, status);
        Assert.Equal(Status.Fail, bounded);
    }

    [Fact]
    public void HardBounds_OutsideMax_FailsAWarn()
    {
        var status = StatusRules.MeanTolerance(10.5, target: 3.0, tolerance: 2.0, escalation: 2.0);

        var bounded = StatusRules.ApplyHardBounds(status, 10.5, 3.0, 2.0, min: 1.0, max: 10.0);

        Assert.Equal(Status.Warn, status);
        Assert.Equal(Status.Fail, bounded);
    }

    [Fact]
    public void HardBounds_InsideBoundsFailWithoutEscalation_SoftensToWarn()
    {
        // d = 5 > 2·tol·1: FAIL even with e = 1, so the bounds soften it.
        var status = StatusRules.MeanTolerance(8.0, target: 3.0, tolerance: 2.0, escalation: 0.5);

        var bounded = StatusRules.ApplyHardBounds(status, 8.0, 3.0, 2.0, min: 1.0, max: 10.0);

        Assert.Equal(Status.Fail, status);
        Assert.Equal(Status.Warn, bounded);
    }

    [Fact]
    public void HardBounds_InsideBoundsFailCausedByEscalation_StaysFail()
    {
        // d = 3: FAIL with e = 0.5 (band 2) but WARN with e = 1 (band 4): the escalation made it FAIL.
        var status = StatusRules.MeanTolerance(6.0, target: 3.0, tolerance: 2.0, escalation: 0.5);

        var bounded = StatusRules.ApplyHardBounds(status, 6.0, 3.0, 2.0, min: 1.0, max: 10.0);

        Assert.Equal(Status.Fail, status);
        Assert.Equal(Status.Fail, bounded);
    }

    [Fact]
    public void HardBounds_InsideBoundsPass_StaysPass()
    {
        Assert.Equal(Status.Pass, StatusRules.ApplyHardBounds(Status.Pass, 3.5, 3.0, 2.0, min: 1.0, max: 10.0));
    }

    [Theory]
    [InlineData(0.0, Status.Pass)]
    [InlineData(1.0, Status.Pass)]
    [InlineData(-1.5, Status.Warn)]
    [InlineData(2.5, Status.Warn)]
    [InlineData(2.5001, Status.Fail)]
    [InlineData(-1.5001, Status.Fail)]
    public void Range_WarnBandIsHalfEscalatedWidthEachSide(double actual, Status expected)
    {
        Assert.Equal(expected, StatusRules.Range(actual, 0.0, 1.0, escalation: 3.0));
    }

    [Theory]
    [InlineData(0.95, 2.0, Status.Pass)]
    [InlineData(0.8501, 2.0, Status.Warn)]
    [InlineData(0.8499, 2.0, Status.Fail)]
    [InlineData(0.925, 0.5, Status.Warn)]
    [InlineData(0.92, 0.5, Status.Fail)]
    public void PctWithin_EffectiveMinimumMovesWithEscalation(double actual, double escalation, Status expected)
    {
        Assert.Equal(expected, StatusRules.PctWithin(actual, target: 0.95, min: 0.90, escalation));
    }

    [Fact]
    public void PctWithin_EffectiveMinimumFloorsAtZero()
    {
        Assert.Equal(Status.Warn, StatusRules.PctWithin(0.0, target: 0.9, min: 0.8, escalation: 10.0));
    }

    [Theory]
    [InlineData(0.02, Status.Pass)]
    [InlineData(0.08, Status.Warn)]
    [InlineData(0.0801, Status.Fail)]
    public void Outlier_WarnUpToTwiceEscalatedMaximum(double actual, Status expected)
    {
        Assert.Equal(expected, StatusRules.Outlier(actual, maxOutlier: 0.02, escalation: 2.0));
    }

    [Theory]
    [InlineData(0.19, Status.Pass)]
    [InlineData(0.20, Status.Fail)]
    [InlineData(5.0, Status.Fail)]
    public void Boolean_HasNoWarnBand(double actual, Status expected)
    {
        Assert.Equal(expected, StatusRules.Boolean(actual, threshold: 0.20, invert: true));
    }

    [Fact]
    public void AllRules_NaNActual_Fail()
    {
        Assert.Equal(Status.Fail, StatusRules.MeanTolerance(double.NaN, 0.0, 1.0, 5.0));
        Assert.Equal(Status.Fail, StatusRules.Range(double.NaN, 0.0, 1.0, 5.0));
        Assert.Equal(Status.Fail, StatusRules.PctWithin(double.NaN, 0.9, 0.8, 5.0));
        Assert.Equal(Status.Fail, StatusRules.Outlier(double.NaN, 0.02, 5.0));
        Assert.Equal(Status.Fail, StatusRules.Boolean(double.NaN, 0.0, invert: false));
    }

    [Theory]
    [InlineData(Status.Pass, Status.Pass, Status.Pass)]
    [InlineData(Status.Pass, Status.Warn, Status.Warn)]
    [InlineData(Status.Fail, Status.Warn, Status.Fail)]
    public void Worst_PicksTheMostSevere(Status a, Status b, Status expected)
    {
        Assert.Equal(expected, StatusRules.Worst(a, b));
    }
}
