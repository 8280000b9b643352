using SweepCli.Output;
using SweepDomain.Parameters;

namespace SweepCli.Tests;

/// <summary>The example stage <c>sweep scenarios</c> builds from a described model's parameters.</summary>
public sealed class StageExampleTests
{
    private static ScenarioSchema Schema(params ParameterSpec[] parameters) => new("s", parameters);

    [Theory]
    [InlineData(5.0, 0.0, 10.0, "A:x=4.0,5.0,6.0")]          // a tenth of the range either side
    [InlineData(0.0, 0.0, 1.0, "A:x=0.0,0.1,0.2")]           // at its minimum: shifted up
    [InlineData(1.0, 0.0, 1.0, "A:x=0.8,0.9,1.0")]           // at its maximum: shifted down
    [InlineData(0.05, 0.01, 0.2, "A:x=0.03,0.05,0.07")]      // a step of 0.019 rounds to 0.02, no float dust
    [InlineData(4.0, null, null, "A:x=2.0,4.0,6.0")]         // unbounded: half the default
    [InlineData(0.0, null, null, "A:x=-1.0,0.0,1.0")]        // unbounded at 0: a step of 1
    public void A_float_is_swept_around_its_default_within_its_range(double value, double? min, double? max, string expected) =>
        Assert.Equal(expected, StageExample.Stage(Schema(new ParameterSpec("x", ParamType.Float, ParamValue.Float(value), min, max, ""))));

    [Fact]
    public void An_integer_at_its_maximum_takes_the_value_below()
    {
        var schema = Schema(new ParameterSpec("k", ParamType.Int, ParamValue.Int(10), 1, 10, ""));

        Assert.Equal("A:k=9,10", StageExample.Stage(schema));
        Assert.Equal("Integers stay integers: write k=10, not 10.0.", StageExample.IntegerNote(schema));
    }

    [Fact]
    public void A_scenario_without_numbers_sweeps_two_choices_and_needs_no_integer_note()
    {
        var schema = Schema(new ParameterSpec("mode", ParamType.Choice, ParamValue.Text("a"), null, null, "", ["a", "b", "c"]));

        Assert.Equal("A:mode=a,b", StageExample.Stage(schema));
        Assert.Null(StageExample.IntegerNote(schema));
    }
}
