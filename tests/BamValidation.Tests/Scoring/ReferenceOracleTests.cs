using BamValidation.Scenarios;
using BamValidation.Scoring;

namespace BamValidation.Tests.Scoring;

/// <summary>
/// Feeding the original's per-seed actual values through our scoring must reproduce its scores, statuses,
/// counts and total scores (validation.md §12).
/// </summary>
public class ReferenceOracleTests
{
    private const double Tolerance = 1e-9;

    public static TheoryData<string> Scenarios => ["baseline", "growth_plus", "buffer_stock"];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void SpecOrder_MatchesReferenceMetricOrder(string name)
    {
        var scenario = ValidationScenarios.Get(name);
        var reference = ReferenceFile.Load().Find(name)!;

        var ours = scenario.Metrics.Select(m => m.Name).ToArray();
        var theirs = reference.Metrics.Select(m => m.Name).ToArray();

        Assert.Equal(theirs, ours);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void SpecCheckTypesWeightsAndGroups_MatchReference(string name)
    {
        var scenario = ValidationScenarios.Get(name);
        var reference = ReferenceFile.Load().Find(name)!;

        for (int i = 0; i < scenario.Metrics.Count; i++)
        {
            var spec = scenario.Metrics[i];
            var summary = reference.Metrics[i];
            Assert.Equal(summary.CheckType, ToSnakeUpper(spec.Check.ToString()));
            Assert.Equal(summary.Weight, spec.Weight);
            Assert.Equal(summary.Group, ToSnakeUpper(spec.Group.ToString()));
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void EveryMetricOfEverySeed_ReproducesScoreAndStatus(string name)
    {
        var scenario = ValidationScenarios.Get(name);
        var reference = ReferenceFile.Load().Find(name)!;
        int checkedMetrics = 0;

        foreach (var seed in reference.Seeds)
        {
            foreach (var spec in scenario.Metrics)
            {
                var expected = seed.Find(spec.Name)!;
                var result = MetricScorer.Evaluate(spec, expected.Actual);

                Assert.True(Math.Abs(expected.Score - result.Score) <= Tolerance,
                    $"{name} seed {seed.Seed} {spec.Name}: score {result.Score} ≠ {expected.Score}");
                Assert.True(expected.Status == result.Status,
                    $"{name} seed {seed.Seed} {spec.Name}: status {result.Status} ≠ {expected.Status}");
                checkedMetrics++;
            }
        }

        Assert.Equal(reference.Seeds.Count * scenario.Metrics.Count, checkedMetrics);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void EverySeed_ReproducesTotalScoreAndCounts(string name)
    {
        var scenario = ValidationScenarios.Get(name);
        var reference = ReferenceFile.Load().Find(name)!;

        foreach (var seed in reference.Seeds)
        {
            var actuals = scenario.Metrics.Select(m => seed.Find(m.Name)!.Actual).ToArray();
            var score = MetricScorer.Score(name, scenario.Metrics, actuals);

            Assert.True(Math.Abs(seed.TotalScore - score.TotalScore) <= Tolerance,
                $"{name} seed {seed.Seed}: total {score.TotalScore} ≠ {seed.TotalScore}");
            Assert.Equal((seed.NPass, seed.NWarn, seed.NFail), (score.NPass, score.NWarn, score.NFail));
        }
    }

    private static string ToSnakeUpper(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
