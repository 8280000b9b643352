using BamValidation.Reference;
using Xunit.Abstractions;

namespace BamValidation.Tests.Model;

/// <summary>
/// Our model at defaults, 1000 periods, seeds 0–19, against the original's figures: the mean total score within
/// 0.02, a pass rate of at least 0.9, and at least 90% of metric means inside the original's widened range.
/// </summary>
public class ReferenceComparisonTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("baseline")]
    [InlineData("growth_plus")]
    [InlineData("buffer_stock")]
    public void DefaultRuns_MatchOriginalDistribution(string scenario)
    {
        var reference = ReferenceFile.Load().Find(scenario)!;

        var comparison = ReferenceComparison.Run(reference);
        output.WriteLine(ComparisonTable.Format(comparison));

        Assert.True(comparison.ScoreGap <= ScenarioComparison.MaxScoreGap, $"score gap {comparison.ScoreGap:F4}");
        Assert.True(comparison.OurPassRate >= ScenarioComparison.MinPassRate, $"pass rate {comparison.OurPassRate:F2}");
        Assert.True(comparison.FractionInside >= ScenarioComparison.MinFractionInside, $"inside {comparison.FractionInside:F3}");
    }
}
