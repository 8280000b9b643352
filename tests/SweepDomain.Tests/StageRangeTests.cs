using SweepDomain.Parameters;
using SweepDomain.Requests;
using SweepDomain.Stages;
using SweepTestKit;

namespace SweepDomain.Tests;

/// <summary>Ranges in the stage syntax: <c>LABEL[sobol N, adaptive M]:p=min..max q=min..max:log</c>, in text and in the HTTP object form.</summary>
public class StageRangeTests
{
    private static readonly ScenarioSchema Schema = TestScenarios.Schema(TestScenarios.Quadratic);

    [Fact]
    public void A_float_and_an_int_range_with_a_sobol_count_make_a_design_of_that_many_candidates()
    {
        var errors = new ValidationErrors();

        var stage = StageParser.Parse("A[sobol 64]:x=0.1..0.9 n=1..10", Schema, errors);

        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.Equal("A", stage!.Label);
        Assert.Empty(stage.Grid);
        Assert.Equal(64, stage.Design!.Points);
        Assert.Equal(0, stage.Design.Adaptive);
        Assert.Equal([new RangeAxis("x", 0.1, 0.9, RangeScale.Linear, false), new RangeAxis("n", 1, 10, RangeScale.Linear, true)], stage.Design.Ranges);
        Assert.Equal(["x", "n"], stage.ParameterNames);
        Assert.Equal(64, stage.CombinationCount);
        Assert.Equal("scrambled Sobol, 64 points over x=0.1..0.9, n=1..10", stage.DesignText);
    }

    [Fact]
    public void Listed_values_and_a_log_range_make_cells_with_sobol_points_in_each_plus_the_adaptive_ones()
    {
        var errors = new ValidationErrors();

        var stage = StageParser.Parse("B[Sobol 8, adaptive 4]:mode=plain,fancy x=0.01..1:log", Schema, errors);

        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.Equal(2, stage!.Cells);
        Assert.Equal(2 * 8 + 4, stage.CombinationCount);
        Assert.Equal(RangeScale.Log, stage.Design!.Ranges[0].Scale);
        Assert.Equal("scrambled Sobol, 8 points in each of 2 cells over x=0.01..1:log; then up to 4 adaptive (best-batch perturbation)", stage.DesignText);
    }

    [Fact]
    public void A_grid_stage_of_the_original_syntax_has_no_design()
    {
        var errors = new ValidationErrors();

        var stage = StageParser.Parse("A:x=0.1,0.3 n=2,4", Schema, errors);

        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.Null(stage!.Design);
        Assert.Equal(4, stage.CombinationCount);
        Assert.Equal("grid of 4 combinations", stage.DesignText);
    }

    [Theory]
    [InlineData("A:x=0.1..0.9", "Stage 'A:x=0.1..0.9' has ranges but no number of candidates to draw. Write A[sobol 64]:...")]
    [InlineData("A[sobol 8]:n=2,4", "Stage 'A[sobol 8]:n=2,4' asks for sobol 8 but has no range to draw from.")]
    [InlineData("A[sobol 0]:x=0.1..0.9", "asks for sobol 0; draw at least 1 point.")]
    [InlineData("A[grid 8]:x=0.1..0.9", "Design '[grid 8]' in 'A[grid 8]:x=0.1..0.9' is not understood. Write [sobol 64] or [sobol 64, adaptive 32] after the label.")]
    [InlineData("A[sobol 8]:n=0.5..5", "Parameter 'n' is an integer; got the float 0.5. In 'A[sobol 8]:n=0.5..5'")]
    [InlineData("A[sobol 8]:x=0.5..2", "Parameter 'x' = 2 is outside its valid range [0, 1]. In 'A[sobol 8]:x=0.5..2'")]
    [InlineData("A[sobol 8]:mode=1..2", "Parameter 'mode' must be one of plain, fancy; got 1. In 'A[sobol 8]:mode=1..2'")]
    [InlineData("A[sobol 8]:xx=0.1..0.2", "Unknown parameter 'xx' in 'A[sobol 8]:xx=0.1..0.2' for scenario 'quadratic'. Did you mean 'x'?")]
    [InlineData("A[sobol 8]:x=0.9..0.1", "Range x=0.9..0.1 in 'A[sobol 8]:x=0.9..0.1' is empty or reversed")]
    [InlineData("A[sobol 8]:x=0..1:log", "Range x=0..1:log in 'A[sobol 8]:x=0..1:log' is on a log scale but starts at 0; a log range needs a minimum above 0.")]
    [InlineData("A[sobol 8]:x=0.1..0.5 x=0.2", "Parameter 'x' appears twice in 'A[sobol 8]:x=0.1..0.5 x=0.2'")]
    [InlineData("A[sobol 8]:seed=1..5", "'seed' is reserved in 'A[sobol 8]:seed=1..5'")]
    public void A_bad_range_or_design_is_rejected_with_a_message_quoting_the_stage(string stage, string expected)
    {
        var errors = new ValidationErrors();

        var parsed = StageParser.Parse(stage, Schema, errors, "stages[0]");

        Assert.Null(parsed);
        Assert.Contains(errors.ToDictionary()["stages[0]"], m => m.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_http_object_form_with_ranges_gives_the_same_design_as_the_text_form()
    {
        const string body = """
            {"scenario": "quadratic", "stages": [
              {"label": "A", "grid": {"mode": ["plain", "fancy"]}, "ranges": {"x": {"min": 0.01, "max": 1.0, "scale": "log"}, "n": {"min": 1, "max": 10}}, "sobol": 8, "adaptive": 4}
            ]}
            """;
        var errors = new ValidationErrors();

        var request = SweepRequestJson.Parse(body, errors);
        var plan = SweepRequestValidator.Validate(request!, TestScenarios.Catalog, errors);
        var text = StageParser.Parse("A[sobol 8, adaptive 4]:mode=plain,fancy x=0.01..1.0:log n=1..10", Schema, errors);

        Assert.True(errors.IsEmpty, errors.ToString());
        var stage = Assert.Single(plan!.Stages);
        Assert.Equal(text!.Design!.Ranges, stage.Design!.Ranges);
        Assert.Equal((8, 4), (stage.Design.Points, stage.Design.Adaptive));
        Assert.Equal(20, stage.CombinationCount);
    }

    [Fact]
    public void The_http_object_form_rejects_a_range_without_numbers()
    {
        const string body = """{"scenario": "quadratic", "stages": [{"label": "A", "ranges": {"x": {"min": "low", "max": 1}}, "sobol": 8}]}""";
        var errors = new ValidationErrors();

        SweepRequestJson.Parse(body, errors);

        Assert.Contains(errors.ToDictionary()["stages[0]"], m => m.StartsWith("Range 'x' must be {\"min\": number, \"max\": number}", StringComparison.Ordinal));
    }

    [Fact]
    public void An_int_range_gives_each_integer_an_equal_share_and_a_log_range_spreads_evenly_in_the_logarithm()
    {
        var n = new RangeAxis("n", 1, 10, RangeScale.Linear, true);
        var r = new RangeAxis("r", 0.01, 1, RangeScale.Log, false);

        Assert.Equal([1L, 1L, 2L, 6L, 10L], new[] { 0.0, 0.0999, 0.1, 0.5, 0.9999 }.Select(u => n.At(u).AsInt));
        Assert.Equal([0.01, 0.1, 1.0], new[] { 0.0, 0.5, Math.BitDecrement(1.0) }.Select(u => r.At(u).AsDouble));
    }
}
