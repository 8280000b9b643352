using System.Diagnostics;
using System.Text.Json;
using Json.Schema;
using SweepDomain.Evaluation;
using SweepDomain.Parameters;
using SweepHosting.Evaluation.Protocol;
using SweepTestKit;

namespace SweepHosting.Tests;

/// <summary>Real protocol messages, both ways, checked against the JSON Schemas in docs/evaluator-protocol/.</summary>
public sealed class ProtocolSchemaTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, JsonSchema>> Schemas = new(Load);

    [Fact]
    public void What_the_sweep_sends_matches_the_request_schemas()
    {
        var batch = new EvaluateCommand([ProtocolTranslation.ToItem("7", new EvaluationRequest("quadratic", ParamSet.Of(("x", 2.0), ("n", 3L), ("mode", "rough")), 4, 100))]);

        AssertValid("describe-request", ProtocolMessages.Line(new DescribeCommand()));
        AssertValid("evaluate-request", ProtocolMessages.Line(batch));
        Assert.Equal("""{"items":[{"id":"7","scenario":"quadratic","params":{"x":2.0,"n":3,"mode":"rough"},"seed":4,"periods":100}],"type":"evaluate"}""", ProtocolMessages.Line(batch));
    }

    [Fact]
    public async Task What_the_test_simulator_answers_matches_the_answer_schemas()
    {
        var lines = await Converse(["--fault", "nan@seed=1", "--fault", "refuse@seed=2"],
            """{"type":"describe","protocol":1}""",
            """{"type":"evaluate","items":[{"id":"a","scenario":"quadratic","params":{"x":3.0},"seed":0,"periods":10},{"id":"b","scenario":"quadratic","params":{},"seed":1,"periods":10},{"id":"c","scenario":"shifted","params":{},"seed":2,"periods":10}]}""");

        Assert.Equal(4, lines.Count);
        AssertValid("describe-answer", lines[0]);
        AssertValid("result", lines[1]);
        AssertValid("result", lines[2].Replace("NaN", "\"NaN\""));   // Python writes the NaN bare; JSON has no such token
        AssertValid("result", lines[3]);
        Assert.Contains("\"error\": \"refused as told\"", lines[3]);
    }

    [Fact]
    public void What_the_built_in_side_answers_matches_the_answer_schemas()
    {
        var score = new EvaluationScore(0.75, 20, 3, 2, "collapse", new Dictionary<string, double> { ["unemployment"] = 0.06 });
        var schema = new ScenarioSchema("baseline", [
            new ParameterSpec("beta", ParamType.Float, ParamValue.Float(2.5), 0, null, "wage sensitivity"),
            new ParameterSpec("max_M", ParamType.Int, ParamValue.Int(4), 1, null, "visits"),
            new ParameterSpec("rule", ParamType.Choice, ParamValue.Text("all"), null, null, "who", ["all", "some"]),
            new ParameterSpec("net_worth_init", ParamType.Float, ParamValue.Float(double.NaN), null, null, "derived"),
        ]);

        AssertValid("describe-answer", ProtocolMessages.Line(ProtocolTranslation.Describe("serve-evaluator", "built-in bam", [schema])));
        AssertValid("result", ProtocolMessages.Line(ProtocolTranslation.ToLine("9", score)));
        AssertValid("evaluate-answer", ProtocolMessages.Line(new EvaluateAnswer([ProtocolTranslation.ToLine("9", score), new ResultLine("10", null, null, Error: "bad beta")])));
    }

    [Fact]
    public void Output_that_is_not_the_protocol_fails_the_schemas()
    {
        AssertInvalid("result", """{"id":"1","score":0.5}""");
        AssertInvalid("describe-answer", """{"type":"describe","protocol":1,"name":"m","version":"1","scenarios":[{"name":"s","parameters":[{"name":"p","type":"choice","default":"a"}]}]}""");
        AssertInvalid("evaluate-request", """{"type":"evaluate","items":[{"id":"1","scenario":"s","params":{},"seed":-1,"periods":10}]}""");
    }

    private static void AssertValid(string name, string json)
    {
        var result = Schemas.Value[name].Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, $"{name}: {json}\n" + string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    private static void AssertInvalid(string name, string json) =>
        Assert.False(Schemas.Value[name].Evaluate(JsonDocument.Parse(json).RootElement).IsValid, $"{name} accepted {json}");

    private static IReadOnlyDictionary<string, JsonSchema> Load()
    {
        string folder = Path.Combine(TestSimulator.RepositoryRoot(), "docs", "evaluator-protocol");
        // result first: evaluate-answer refers to it by its id
        return new[] { "result", "describe-request", "describe-answer", "evaluate-request", "evaluate-answer" }
            .ToDictionary(n => n, n => JsonSchema.FromText(File.ReadAllText(Path.Combine(folder, $"{n}.schema.json"))));
    }

    /// <summary>Sends <paramref name="messages"/> to a fresh simulator, closes its input and returns every line it wrote.</summary>
    private static async Task<List<string>> Converse(string[] flags, params string[] messages)
    {
        var info = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(TestSimulator.Script);
        foreach (string flag in flags)
        {
            info.ArgumentList.Add(flag);
        }

        using var process = Process.Start(info)!;
        foreach (string message in messages)
        {
            await process.StandardInput.WriteLineAsync(message);
        }

        process.StandardInput.Close();
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
