using BamModel;
using BamValidation.Scoring;
using SweepDomain.Evaluation;
using SweepDomain.Parameters;

namespace BamValidation.Tests.Model;

/// <summary>Our model at defaults, scored end to end.</summary>
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
        var evaluator = new BamScenarioEvaluator();

        var score = evaluator.EvaluateDetailed(new EvaluationRequest(scenario, ParamSet.Empty, seed, 1000));

        Assert.All(score.MetricResults, r => Assert.False(double.IsNaN(r.Actual), $"{r.Name} is NaN"));
        Assert.True(score.TotalScore > 0.7, $"total {score.TotalScore:F4}");
        Assert.Null(score.Note);
    }

    [Fact]
    public void Evaluate_ReturnsTheCompactFormOfTheDetailedScore()
    {
        var evaluator = new BamScenarioEvaluator();
        var request = new EvaluationRequest("baseline", ParamSet.Empty, 4, 300);

        var compact = evaluator.Evaluate(request);
        var detailed = evaluator.EvaluateDetailed(request);

        Assert.Equal(detailed.ToEvaluationScore(), compact);
        Assert.Equal(detailed.MetricResults.Count, compact.NPass + compact.NWarn + compact.NFail);
    }

    [Fact]
    public void Evaluate_InParallel_MatchesSequential()
    {
        var evaluator = new BamScenarioEvaluator();
        var requests = Enumerable.Range(0, 8)
            .Select(i => new EvaluationRequest(BamScenarios.Names[i % 3], ParamSet.Empty, i, 300))
            .ToArray();

        var sequential = requests.Select(evaluator.Evaluate).ToArray();
        var parallel = new EvaluationScore[requests.Length];
        Parallel.For(0, requests.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = evaluator.Evaluate(requests[i]));

        Assert.Equal(sequential, parallel);
    }

    [Theory]
    [InlineData("baseline", "price_init", 0.0)]
    [InlineData("growth_plus", "net_worth_ratio", 0.0)]
    [InlineData("buffer_stock", "n_households", 1.0)]
    public void Evaluate_CollapsingEconomy_ScoresEveryMetricAndNotesTheCollapse(string scenario, string parameter, double value)
    {
        var evaluator = new BamScenarioEvaluator();
        var param = parameter == "n_households" ? ParamValue.Int((long)value) : ParamValue.Float(value);
        var request = new EvaluationRequest(scenario, ParamSet.Of((parameter, param)), 1, 300);

        var score = evaluator.EvaluateDetailed(request);

        Assert.Contains("economy collapsed at period", score.Note);
        Assert.Equal(score.MetricResults.Count, score.NPass + score.NWarn + score.NFail);
        Assert.True(score.NFail > 0);
    }

    [Fact]
    public void Evaluate_BadParameter_ThrowsParameterException()
    {
        var evaluator = new BamScenarioEvaluator();
        var request = new EvaluationRequest("baseline", ParamSet.Of(("no_such_parameter", ParamValue.Float(1.0))), 0, 100);

        Assert.ThrowsAny<ArgumentException>(() => evaluator.Evaluate(request));
    }

    [Fact]
    public void Catalog_ListsTheModelScenariosAndSchemas()
    {
        var catalog = new BamScenarioCatalog();

        Assert.Equal(["baseline", "growth_plus", "buffer_stock"], catalog.Names);
        Assert.NotNull(catalog.Find("growth_plus"));
        Assert.Null(catalog.Find("nope"));
    }
}
