using BamValidation.Metrics;
using BamValidation.Scoring;

namespace BamValidation.Tests.Scoring;

public class MetricScorerTests
{
    private static readonly MetricSpec Light = new("light", Scalar.UnemploymentMean, CheckType.Range, MetricTargets.Range(0.0, 1.0), Weight: 1.0);
    private static readonly MetricSpec Heavy = new("heavy", Scalar.UnemploymentMean, CheckType.Range, MetricTargets.Range(0.0, 1.0), Weight: 3.0);

    [Theory]
    [InlineData(CheckType.MeanTolerance)]
    [InlineData(CheckType.Range)]
    [InlineData(CheckType.PctWithin)]
    [InlineData(CheckType.Outlier)]
    [InlineData(CheckType.Boolean)]
    public void Evaluate_NaNActual_ScoresZeroAndFails(CheckType check)
    {
        var spec = new MetricSpec("m", Scalar.UnemploymentMean, check, new MetricTargets(0.5, 0.1, 0.0, 1.0, 0.1), Weight: 0.5);

        var result = MetricScorer.Evaluate(spec, double.NaN);

        Assert.Equal(0.0, result.Score);
        Assert.Equal(Status.Fail, result.Status);
    }

    [Fact]
    public void Evaluate_MeanToleranceWithHardBounds_OverrideLeavesScoreUnchanged()
    {
        var spec = new MetricSpec("firm_size_skewness", Scalar.FirmSizeSkewness, CheckType.MeanTolerance,
            MetricTargets.MeanTolerance(3.0, 2.0, min: 1.0, max: 10.0), Weight: 1.5);

        var withinBounds = MetricScorer.Evaluate(spec, 1.4);
        var belowMin = MetricScorer.Evaluate(spec, 0.99);

        // 1.4 is within tolerance and inside the bounds: PASS, score 1 − (1.6/2)/2 = 0.6.
        Assert.Equal(Status.Pass, withinBounds.Status);
        Assert.Equal(0.6, withinBounds.Score, 12);

        // 0.99 is below min: FAIL, but the score keeps the formula, 1 − (2.01/2)/2 = 0.4975.
        Assert.Equal(Status.Fail, belowMin.Status);
        Assert.Equal(0.4975, belowMin.Score, 12);
    }

    [Fact]
    public void Score_TotalIsTheFlatWeightedMean()
    {
        // light at its centre scores 1.0; heavy at an edge scores 0.75: (1·1 + 0.75·3) / 4.
        var score = MetricScorer.Score("test", [Light, Heavy], [0.5, 1.0]);

        Assert.Equal(0.8125, score.TotalScore, 12);
        Assert.Equal((2, 0, 0), (score.NPass, score.NWarn, score.NFail));
        Assert.True(score.Passed);
    }

    [Fact]
    public void Score_SpecsSharingAFieldCountSeparately()
    {
        var score = MetricScorer.Score("test", [Light, Heavy], [2.0, 2.0]);

        // light: WARN (within 1.5 of the range with e = 3); heavy: FAIL (e = 0.5); both score 0.
        Assert.Equal((0, 1, 1), (score.NPass, score.NWarn, score.NFail));
        Assert.Equal(0.0, score.TotalScore);
        Assert.False(score.Passed);
    }

    [Fact]
    public void Score_WrongNumberOfActuals_Throws()
    {
        Assert.Throws<ArgumentException>(() => MetricScorer.Score("test", [Light, Heavy], [0.5]));
    }

    [Fact]
    public void Describe_GeneratesTheSpecText()
    {
        var range = new MetricSpec("r", Scalar.UnemploymentStd, CheckType.Range, MetricTargets.Range(0.01, 0.03));
        var tolerance = new MetricSpec("t", Scalar.UnemploymentMean, CheckType.MeanTolerance, MetricTargets.MeanTolerance(0.065, 0.025));
        var ceiling = new MetricSpec("b", Scalar.UnemploymentMax, CheckType.Boolean, MetricTargets.None, Threshold: 0.2, Invert: true);

        Assert.Equal("range: [0.01, 0.03]", range.Describe());
        Assert.Equal("target: 0.0650 ± 0.0250", tolerance.Describe());
        Assert.Equal("< 0.2", ceiling.Describe());
    }
}
