using BamValidation.Metrics;
using BamValidation.Reference;
using BamValidation.Scoring;

namespace BamValidation.Tests.Model;

/// <summary>The gate's arithmetic on hand-built panels of 30 seeds.</summary>
public class PanelComparisonTests
{
    private static readonly MetricSpec Spec = new("m", Scalar.UnemploymentMean, CheckType.Range, MetricTargets.Range(0.0, 2.0));

    [Theory]
    [InlineData(1.13, true)]    // (1.13 − 1.0) / se = 4.95
    [InlineData(1.14, false)]   // 5.33
    [InlineData(0.87, true)]    // −4.95
    [InlineData(0.86, false)]   // −5.33
    public void Compare_MetricMean_HoldsWithinFiveStandardErrors(double ours, bool holds)
    {
        // The original alternates 0.9 and 1.1: mean 1.0, sample sd 0.101710, se = sd × √(2/30) = 0.026261.
        var config = Config(seed => seed % 2 == 0 ? 0.9 : 1.1, totalScore: 0.85, nFail: 0);

        var comparison = PanelComparison.Compare(config, Ours(ours, totalScore: 0.85, nFail: 0));

        var metric = Assert.Single(comparison.Metrics);
        Assert.Equal(0.026261, metric.StandardError, 6);
        Assert.Equal(holds, metric.Holds);
        Assert.Equal(holds, comparison.Failures.Count == 0);
    }

    [Theory]
    [InlineData(0.995, true)]
    [InlineData(0.985, false)]
    public void Compare_MetricConstantInTheOriginal_HoldsWithinTheAbsoluteTolerance(double ours, bool holds)
    {
        var config = Config(_ => 1.0, totalScore: 0.85, nFail: 0);

        var metric = Assert.Single(PanelComparison.Compare(config, Ours(ours, totalScore: 0.85, nFail: 0)).Metrics);

        Assert.True(metric.ZeroSpread);
        Assert.Equal(holds, metric.Holds);
    }

    [Fact]
    public void Compare_NaNMean_Fails()
    {
        var config = Config(seed => seed % 2 == 0 ? 0.9 : 1.1, totalScore: 0.85, nFail: 0);

        var comparison = PanelComparison.Compare(config, Ours(double.NaN, totalScore: 0.85, nFail: 0));

        Assert.False(Assert.Single(comparison.Metrics).Holds);
    }

    [Theory]
    [InlineData(0.864, 0, true)]    // score gap 0.014
    [InlineData(0.866, 0, false)]   // score gap 0.016
    [InlineData(0.85, 1, false)]    // every seed fails: pass rate 0 against 1
    public void Compare_ScoreAndPassRate_HoldWithinTheirGaps(double totalScore, int nFail, bool holds)
    {
        var config = Config(seed => seed % 2 == 0 ? 0.9 : 1.1, totalScore: 0.85, nFail: 0);

        var comparison = PanelComparison.Compare(config, Ours(1.0, totalScore, nFail));

        Assert.Equal(holds, comparison.Failures.Count == 0);
    }

    private static PanelConfig Config(Func<int, double> actual, double totalScore, int nFail) => new(
        "baseline",
        [("max_M", 2L)],
        Enumerable.Range(0, 30)
            .Select(seed => new ReferenceSeed(seed, totalScore, 1 - nFail, 0, nFail, [new ReferenceMetricValue("m", actual(seed), Status.Pass, 1.0)]))
            .ToList());

    private static List<ValidationScore> Ours(double actual, double totalScore, int nFail) =>
        Enumerable.Range(0, 30)
            .Select(_ => new ValidationScore("baseline", [new MetricResult(Spec, nFail > 0 ? Status.Fail : Status.Pass, actual, 1.0)], totalScore, 1 - nFail, 0, nFail))
            .ToList();
}
