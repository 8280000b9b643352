using BamModel;
using SweepDomain.Evaluation;
using SweepDomain.Parameters;

namespace BamScenarios.Tests;

/// <summary>The model as the sweep evaluates it: requests in, scores out.</summary>
public class BamScenarioEvaluatorTests
{
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
    public void Evaluate_ParametersReachTheModel()
    {
        var evaluator = new BamScenarioEvaluator();
        var overrides = ParamSet.Of(("max_M", 2), ("beta", 1.0), ("job_search_method", "vacancies_only"));

        var score = evaluator.Evaluate(new EvaluationRequest("baseline", overrides, 4, 300));

        Assert.Equal(BamValidation.BamValidator.RunAndValidate("baseline", [("max_M", 2L), ("beta", 1.0), ("job_search_method", "vacancies_only")], 4, 300).ToEvaluationScore(), score);
        Assert.NotEqual(evaluator.Evaluate(new EvaluationRequest("baseline", ParamSet.Empty, 4, 300)), score);
    }

    [Fact]
    public void Evaluate_InParallel_MatchesSequential()
    {
        var evaluator = new BamScenarioEvaluator();
        var requests = Enumerable.Range(0, 8)
            .Select(i => new EvaluationRequest(BamModel.BamScenarios.Names[i % 3], ParamSet.Empty, i, 300))
            .ToArray();

        var sequential = requests.Select(evaluator.Evaluate).ToArray();
        var parallel = new EvaluationScore[requests.Length];
        Parallel.For(0, requests.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = evaluator.Evaluate(requests[i]));

        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Evaluate_BadParameter_ThrowsParameterException()
    {
        var evaluator = new BamScenarioEvaluator();
        var request = new EvaluationRequest("baseline", ParamSet.Of(("no_such_parameter", ParamValue.Float(1.0))), 0, 100);

        var error = Assert.Throws<ParameterException>(() => evaluator.Evaluate(request));

        Assert.Equal("no_such_parameter", error.ParameterName);
    }

    [Fact]
    public void Catalog_ListsTheModelScenariosAndSchemas()
    {
        var catalog = new BamScenarioCatalog();

        Assert.Equal(["baseline", "growth_plus", "buffer_stock"], catalog.Names);
        Assert.Equal(35, catalog.Find("growth_plus")!.Parameters.Count);
        Assert.Null(catalog.Find("nope"));
    }
}
