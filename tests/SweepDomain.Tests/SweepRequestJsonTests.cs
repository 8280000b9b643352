using System.Reflection;
using System.Text.Json;
using SweepDomain.Parameters;
using SweepDomain.Requests;
using SweepDomain.Stages;

namespace SweepDomain.Tests;

/// <summary>The request body's one writer and one reader agree on every field.</summary>
public class SweepRequestJsonTests
{
    private static readonly SweepRequest Everything = new()
    {
        Scenario = "quadratic",
        Stages =
        [
            new StageInput("A:x=0.1,0.3 n=2,4"),
            new StageInput(null, "B", [new GridAxis("n", [ParamValue.Int(3), ParamValue.Int(5)]), new GridAxis("x", [ParamValue.Float(0.25), ParamValue.Float(1.0)])]),
            new StageInput(null, "C", [new GridAxis("mode", [ParamValue.Text("plain"), ParamValue.Text("fancy")])]),
            new StageInput(null, "D", [], [new RangeInput("x", ParamValue.Float(0.05), ParamValue.Float(0.9), RangeScale.Log), new RangeInput("n", ParamValue.Int(1), ParamValue.Int(10))], 16, 8),
        ],
        Base = ParamSet.Of(("x", 0.5), ("n", 4), ("mode", ParamValue.Text("plain"))),
        CrossScenario = "other",
        Periods = 250,
        StabilityTiers = "6:4,2:16",
        RankBy = "stability",
        KFactor = 0.75,
        CrossSeeds = 12,
        InstanceId = "calibration-7",
        CarryForward = "significant",
        Alpha = 0.1,
        Racing = true,
        RaceBlock = 4,
        Equivalence = 0.005,
        Evaluator = "remote-model",
    };

    [Fact]
    public void Write_then_read_gives_the_same_request_for_every_field()
    {
        var read = RoundTrip(Everything);

        foreach (var property in typeof(SweepRequest).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            object? expected = property.GetValue(Everything);
            if (property.Name == nameof(SweepRequest.BasePath))
            {
                continue;   // one body holds either a base or a base path; the next test covers the path
            }

            Assert.True(expected is not null, $"The sample request leaves {property.Name} unset: give it a value so the round trip covers it.");
            Assert.Equal(Canonical(expected), Canonical(property.GetValue(read)));
        }
    }

    [Fact]
    public void Write_then_read_keeps_a_base_given_as_a_file_name()
    {
        var request = new SweepRequest { Stages = [new StageInput("A:x=0.1")], BasePath = "previous/quadratic_sweep.json" };

        var read = RoundTrip(request);

        Assert.Equal("previous/quadratic_sweep.json", read.BasePath);
        Assert.Null(read.Base);
    }

    [Fact]
    public void Write_leaves_out_the_fields_a_request_does_not_set()
    {
        string json = SweepRequestJson.ToJson(new SweepRequest { Scenario = "quadratic", Stages = [new StageInput("A:x=0.1")], Periods = 10 });

        Assert.Equal("{\n  \"scenario\": \"quadratic\",\n  \"stages\": [\n    \"A:x=0.1\"\n  ],\n  \"periods\": 10\n}\n", json);
    }

    [Fact]
    public void Write_keeps_the_int_and_float_kinds_of_parameter_values()
    {
        using var document = JsonDocument.Parse(SweepRequestJson.ToJson(Everything));

        Assert.Equal("""{"x":0.5,"n":4,"mode":"plain"}""", document.RootElement.GetProperty("base").GetRawText().Replace(" ", "").Replace("\n", ""));
        Assert.Equal("""{"label":"B","grid":{"n":[3,5],"x":[0.25,1.0]}}""", document.RootElement.GetProperty("stages")[1].GetRawText().Replace(" ", "").Replace("\n", ""));
    }

    private static SweepRequest RoundTrip(SweepRequest request)
    {
        var errors = new ValidationErrors();
        var read = SweepRequestJson.Parse(SweepRequestJson.ToJson(request), errors);
        Assert.True(errors.IsEmpty, errors.ToString());
        return read!;
    }

    /// <summary>Values compared by their JSON (lists of stages and grids have no value equality of their own).</summary>
    private static string Canonical(object? value) => JsonSerializer.Serialize(value);
}
