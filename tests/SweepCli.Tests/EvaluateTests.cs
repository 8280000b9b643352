using System.Text.Json;
using SweepDomain.Evaluation;
using SweepDomain.Parameters;
using SweepDomain.Selection;
using SweepTestKit;

namespace SweepCli.Tests;

public sealed class EvaluateTests
{
    private static readonly int[] Seeds = [0, 1, 2, 3, 4, 7];

    [Fact]
    public async Task Evaluate_SeedList_PrintsEachSeedAndTheAggregate()
    {
        var result = await Cli.RunAsync("evaluate", "--scenario", "quadratic", "--seeds", "0-4,7", "--periods", "10", "--set", "x=0.3", "--set", "n=4");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (int seed in Seeds)
        {
            Assert.Contains($"| {seed} ", result.Out);
        }

        Assert.Contains("PASS", result.Out);
        Assert.Contains("Std (sample)", result.Out);
        Assert.Contains("Pass rate 100% (6/6)", result.Out);
        Assert.Contains("Convention: combined = mean * pass_rate * (1 - k * std) with k = 1; std = sample standard deviation", result.Out);
    }

    [Fact]
    public async Task Evaluate_Json_MatchesTheScoresWithSampleStdAndK1()
    {
        var evaluator = new RecordingEvaluator();

        var result = await new Cli { Evaluator = evaluator }.Run("evaluate", "--scenario", "quadratic", "--seeds", "0-4,7", "--periods", "10", "--set", "x=0.9", "n=4", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var config = ParamSet.Of(("x", 0.9), ("n", 4));
        var expected = Seeds.Select(s => TestScenarios.Score(new EvaluationRequest("quadratic", config, s, 10))).ToList();
        double[] totals = expected.Select(s => s.TotalScore).ToArray();
        double mean = SeedStatistics.Mean(totals), std = SeedStatistics.SampleStd(totals);
        double passRate = expected.Count(s => s.Passed) / (double)expected.Count;

        using var doc = JsonDocument.Parse(result.Out);
        var root = doc.RootElement;
        Assert.Equal(Seeds, root.GetProperty("seeds").EnumerateArray().Select(s => s.GetProperty("seed").GetInt32()));
        Assert.Equal(mean, root.GetProperty("mean").GetDouble(), 12);
        Assert.Equal(std, root.GetProperty("std").GetDouble(), 12);
        Assert.Equal(passRate, root.GetProperty("passRate").GetDouble(), 12);
        Assert.Equal(mean * passRate * (1 - std), root.GetProperty("combined").GetDouble(), 12);
        Assert.All(evaluator.Seen, r => Assert.Equal(config, r.Params));
    }

    [Fact]
    public async Task Evaluate_MetricsWithATotalsOnlyEvaluator_SaysSoAndSucceeds()
    {
        var result = await Cli.RunAsync("evaluate", "--scenario", "quadratic", "--seeds", "0-2", "--metrics");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Per-metric results are not available", result.Out);
    }

    [Fact]
    public async Task Evaluate_MetricsWithADetailedEvaluator_PrintsTheMetricTable()
    {
        var result = await new Cli { Metrics = new TwoMetricEvaluator() }.Run("evaluate", "--scenario", "quadratic", "--seeds", "0-3", "--metrics");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Metrics over 4 seeds", result.Out);
        Assert.Contains("unemployment", result.Out);
        Assert.Contains("[0.02, 0.1]", result.Out);
    }

    [Theory]
    [InlineData("is an integer; got the float 2.5", "--set", "n=2.5")]
    [InlineData("Unknown parameter 'y'", "--set", "y=1")]
    [InlineData("is not name=value", "--set", "x")]
    [InlineData("cannot be set", "--set", "seed=3")]
    [InlineData("set more than once", "--set", "x=0.1", "x=0.2")]
    [InlineData("runs backwards", "--seeds", "5-2")]
    [InlineData("'a' in 'a,3' is not a seed", "--seeds", "a,3")]
    [InlineData("Seed 3 appears more than once", "--seeds", "0-4,3")]
    [InlineData("Unknown scenario 'nope'", "--scenario", "nope")]
    [InlineData("--periods", "--periods", "0")]
    public async Task Evaluate_BadInput_ExitsWith2(string problem, params string[] flags)
    {
        var evaluator = new RecordingEvaluator();
        string[] args = flags.Contains("--scenario") ? ["evaluate", .. flags] : ["evaluate", "--scenario", "quadratic", .. flags];

        var result = await new Cli { Evaluator = evaluator }.Run(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(problem, result.Error);
        Assert.Empty(evaluator.Seen);
    }

    /// <summary>A detailed evaluator with two metrics, for the --metrics table.</summary>
    private sealed class TwoMetricEvaluator : IMetricEvaluator
    {
        public DetailedScore EvaluateWithMetrics(EvaluationRequest request)
        {
            var score = TestScenarios.Score(request);
            return new DetailedScore(score,
            [
                new MetricOutcome("unemployment", request.Seed % 2 == 0 ? "PASS" : "WARN", 0.05 + request.Seed / 100.0, "[0.02, 0.1]", 0.9, 2),
                new MetricOutcome("inflation", "PASS", 0.03, "[0, 0.05]", 1.0, 1),
            ]);
        }
    }
}
