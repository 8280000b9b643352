using BamModel;
using BamValidation.Scoring;

namespace BamValidation.Tests.Model;

/// <summary>Our model at defaults, run and scored end to end.</summary>
public class ModelValidationTests
{
    public static TheoryData<string, int> Runs => new()
    {
        { "baseline", 0 }, { "baseline", 1 }, { "baseline", 2 },
        { "growth_plus", 0 }, { "growth_plus", 1 }, { "growth_plus", 2 },
        { "buffer_stock", 0 }, { "buffer_stock", 1 }, { "buffer_stock", 2 },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void DefaultRun_ScoresSanely(string scenario, int seed)
    {
        var score = BamValidator.RunAndValidate(scenario, [], seed, 1000);

        Assert.All(score.MetricResults, r => Assert.False(double.IsNaN(r.Actual), $"{r.Name} is NaN"));
        Assert.True(score.TotalScore > 0.7, $"total {score.TotalScore:F4}");
        Assert.Null(score.Note);
    }

    [Fact]
    public void Validate_ABugInTheMetricCode_SurfacesWithItsCauseInsteadOfAFailedScore()
    {
        var baseline = BamValidation.Scenarios.ValidationScenarios.Get("baseline");
        var buggy = new BamValidation.Scenarios.ValidationScenario("baseline", baseline.Metrics,
            (_, _, _, _) => throw new IndexOutOfRangeException("Index was outside the bounds of the array."));
        var series = new BamModel.Recording.RunSeries();
        BamRunner.Run("baseline", [], 0, 100, series);

        var thrown = Assert.Throws<IndexOutOfRangeException>(() => BamValidator.Validate(buggy, series, BamValidation.Metrics.MetricWorkspace.ForCurrentThread));

        Assert.Equal("Index was outside the bounds of the array.", thrown.Message);
    }

    [Fact]
    public void RunAndValidate_InParallel_MatchesSequential()
    {
        var runs = Enumerable.Range(0, 8).Select(i => (Scenario: BamScenarios.Names[i % 3], Seed: i)).ToArray();

        var sequential = runs.Select(r => Summary(BamValidator.RunAndValidate(r.Scenario, [], r.Seed, 300))).ToArray();
        var parallel = new (double, int, int, int)[runs.Length];
        Parallel.For(0, runs.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            i => parallel[i] = Summary(BamValidator.RunAndValidate(runs[i].Scenario, [], runs[i].Seed, 300)));

        Assert.Equal(sequential, parallel);
    }

    [Theory]
    [InlineData("baseline", "price_init", 0.0)]
    [InlineData("growth_plus", "net_worth_ratio", 0.0)]
    [InlineData("buffer_stock", "n_households", 1L)]
    public void RunAndValidate_CollapsingEconomy_ScoresEveryMetricAndNotesTheCollapse(string scenario, string parameter, object value)
    {
        var score = BamValidator.RunAndValidate(scenario, [(parameter, value)], 1, 300);

        Assert.Contains("economy collapsed at period", score.Note);
        Assert.Equal(score.MetricResults.Count, score.NPass + score.NWarn + score.NFail);
        Assert.True(score.NFail > 0);
    }

    [Fact]
    public void RunAndValidate_BadParameter_ThrowsParameterException()
    {
        Assert.Throws<ParameterException>(() => BamValidator.RunAndValidate("baseline", [("no_such_parameter", 1.0)], 0, 100));
    }

    private static (double, int, int, int) Summary(ValidationScore s) => (s.TotalScore, s.NPass, s.NWarn, s.NFail);
}
