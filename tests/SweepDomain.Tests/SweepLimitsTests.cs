using SweepDomain.Requests;
using SweepDomain.Stages;
using SweepDomain.Sweep;
using SweepTestKit;

namespace SweepDomain.Tests;

/// <summary>Every request that would start more work than a host allows is rejected before anything runs.</summary>
public class SweepLimitsTests
{
    private static readonly SweepLimits Limits = SweepLimits.Default with { RaisedBy = name => $"the setting Sweep__Limits__{name}" };

    private static ValidationErrors Reject(string json)
    {
        var errors = new ValidationErrors();
        var request = SweepRequestJson.Parse(json, errors);
        Assert.NotNull(request);
        Assert.Null(SweepRequestValidator.Validate(request, TestScenarios.Catalog, errors, Limits));
        return errors;
    }

    [Fact]
    public void Tiers_of_a_million_seeds_are_rejected_with_the_limit_the_figure_and_the_setting()
    {
        var errors = Reject("""{"scenario": "quadratic", "stages": ["A:x=0.1,0.2"], "stabilityTiers": "1000000:1000000"}""");

        Assert.Equal(
            ["Tier '1000000:1000000' gives each candidate this many seeds: 1,000,000, over the limit MaxSeedsPerTier = 1,000. Ask for less, or raise it with the setting Sweep__Limits__MaxSeedsPerTier."],
            errors.ToDictionary()["stabilityTiers"]);
        Assert.Equal(
            ["The sweep plans at most this many evaluations (worst case): 3,000,000, over the limit MaxEvaluations = 200,000. Ask for less, or raise it with the setting Sweep__Limits__MaxEvaluations."],
            errors.ToDictionary()["stages"]);
    }

    [Fact]
    public void Ten_parameters_of_ten_values_are_counted_without_overflow()
    {
        var stage = new StageSpec("A", Enumerable.Range(0, 10).Select(i => new GridAxis($"p{i}", Enumerable.Range(1, 10).Select(v => Parameters.ParamValue.Int(v)).ToList())).ToList(), "A");

        Assert.Equal(10_000_000_000L, stage.CombinationCount);
        Assert.Equal(long.MaxValue, new StageSpec("B", Enumerable.Range(0, 30).Select(i => stage.Grid[0] with { Name = $"q{i}" }).ToList(), "B").CombinationCount);
        Assert.Equal(long.MaxValue, SweepCost.Stage(long.MaxValue, [new(100, 10)], 0, 0));
    }

    [Fact]
    public void A_stage_over_the_candidate_limit_is_rejected()
    {
        // 1,000 values of x times 10 of n.
        string values = string.Join(',', Enumerable.Range(0, 1000).Select(i => (i / 1000.0).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var errors = Reject($$"""{"scenario": "quadratic", "stages": ["A:x={{values}} n=1,2,3,4,5,6,7,8,9,10"], "stabilityTiers": "100:10"}""");

        Assert.Equal(
            ["Stage 'A' has this many grid combinations: 10,000, over the limit MaxCandidatesPerStage = 5,000. Ask for less, or raise it with the setting Sweep__Limits__MaxCandidatesPerStage."],
            errors.ToDictionary()["stages[0]"]);
    }

    [Fact]
    public void A_huge_label_is_rejected_without_quoting_it_whole()
    {
        string label = new('L', 1_000_000);
        var errors = Reject($$"""{"scenario": "quadratic", "stages": ["{{label}}:x=0.1"]}""");

        string message = Assert.Single(errors.ToDictionary()["stages[0]"]);
        Assert.StartsWith("Label 'LLLL", message);
        Assert.EndsWith("... (1,000,000 characters)' has this many characters: 1,000,000, over the limit MaxLabelLength = 64. Ask for less, or raise it with the setting Sweep__Limits__MaxLabelLength.", message);
        Assert.True(message.Length < 400, $"{message.Length} characters");
    }

    [Fact]
    public void Too_many_stages_and_periods_are_rejected()
    {
        var stages = string.Join(',', Enumerable.Range(0, 21).Select(i => $"\"S{i}:x=0.1\""));
        var errors = Reject($$"""{"scenario": "quadratic", "stages": [{{stages}}], "periods": 10001}""");

        Assert.Equal(
            ["The request has this many stages: 21, over the limit MaxStages = 20. Ask for less, or raise it with the setting Sweep__Limits__MaxStages."],
            errors.ToDictionary()["stages"]);
        Assert.Equal(
            ["Each simulation would run this many periods: 10,001, over the limit MaxPeriods = 10,000. Ask for less, or raise it with the setting Sweep__Limits__MaxPeriods."],
            errors.ToDictionary()["periods"]);
    }

    [Fact]
    public void A_raised_limit_lets_the_request_through()
    {
        var errors = new ValidationErrors();
        var request = SweepRequestJson.Parse("""{"scenario": "quadratic", "stages": ["A:x=0.1,0.2"], "stabilityTiers": "2:2000"}""", errors)!;

        Assert.Null(SweepRequestValidator.Validate(request, TestScenarios.Catalog, errors, Limits));
        errors = new ValidationErrors();
        Assert.NotNull(SweepRequestValidator.Validate(request, TestScenarios.Catalog, errors, Limits.With("MaxSeedsPerTier", 2000)));
        Assert.True(errors.IsEmpty, errors.ToString());
    }

    [Fact]
    public void Unknown_limit_names_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => Limits.With("MaxCats", 3));
        Assert.StartsWith("Unknown limit 'MaxCats'. Known limits: MaxEvaluations, MaxCandidatesPerStage, MaxSeedsPerTier, MaxStages, MaxPeriods, MaxLabelLength.", e.Message);
    }
}
