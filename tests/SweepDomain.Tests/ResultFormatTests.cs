using SweepDomain.Parameters;
using SweepDomain.Results;

namespace SweepDomain.Tests;

public class ResultFormatTests
{
    // The original's baseline_sweep.json from sweep-semantics §6.5, byte for byte.
    private const string OriginalSweepFile = """
        {
          "scenario": "baseline",
          "results": [
            {
              "rank": 1,
              "params": {
                "beta": 1.0,
                "max_M": 2
              },
              "combined_score": 0.8166573267577212,
              "mean_score": 0.828491614710167,
              "std_score": null,
              "pass_rate": 1.0,
              "seed_scores": null,
              "single_score": 0.0
            }
          ],
          "_schema_version": 1
        }

        """;

    [Fact]
    public void Write_OriginalExample_IsByteIdentical()
    {
        var entry = new StabilityEntry(ParamSet.Of(("beta", 1.0), ("max_M", 2)), 0.8166573267577212, 0.828491614710167, null, 1.0, null, 0.0);

        string text = StabilityResultFile.Write("baseline", [entry]);

        Assert.Equal(OriginalSweepFile.ReplaceLineEndings("\n"), text);
    }

    [Fact]
    public void Write_ArraysAndScenarioResults_OneValuePerLineLikePython()
    {
        var entry = new StabilityEntry(
            ParamSet.Of(("x", 1.0), ("mode", "fancy")), 0.5, 0.6, 0.01, 0.9, [0.5, 1.0], 0.5,
            new Dictionary<string, ScenarioEntry> { ["other"] = new(0.7, 0.02, 0.686, 1.0, 0, []) });

        string text = StabilityResultFile.Write("quadratic", [entry]);

        Assert.Contains("""
                  "seed_scores": [
                    0.5,
                    1.0
                  ],
            """.ReplaceLineEndings("\n"), text);
        Assert.Contains("""
                  "params": {
                    "x": 1.0,
                    "mode": "fancy"
                  },
            """.ReplaceLineEndings("\n"), text);
        Assert.Contains("""
                      "n_fail": 0,
                      "seed_scores": []
                    }
            """.ReplaceLineEndings("\n"), text);
    }

    [Fact]
    public void Read_OriginalExample_KeepsIntAndFloatParams()
    {
        var entry = Assert.Single(StabilityResultFile.Read(OriginalSweepFile));

        Assert.Equal(ParamValue.Float(1.0), entry.Params.Single(p => p.Key == "beta").Value);
        Assert.Equal(ParamValue.Int(2), entry.Params.Single(p => p.Key == "max_M").Value);
        Assert.Equal(0.8166573267577212, entry.CombinedScore);
        Assert.Null(entry.StdScore);
        Assert.Null(entry.SeedScores);
    }

    [Fact]
    public void RoundTrip_KeepsScoresSeedsAndScenarioResults()
    {
        var entry = new StabilityEntry(
            ParamSet.Of(("x", 0.3), ("n", 4), ("mode", "fancy")), 0.5, 0.6, 0.01, 0.9, [0.1, 1e-05, 2.5], 0.1,
            new Dictionary<string, ScenarioEntry> { ["other"] = new(0.7, 0.02, 0.686, 1.0, 0, [0.69, 0.71]) });

        var back = Assert.Single(StabilityResultFile.Read(StabilityResultFile.Write("quadratic", [entry])));

        Assert.Equal(entry.Params, back.Params);
        Assert.Equal([0.1, 1e-05, 2.5], back.SeedScores!);
        Assert.Equal(0.01, back.StdScore);
        Assert.Equal(0.686, back.ScenarioResults!["other"].CombinedScore);
        Assert.Contains("1e-05", StabilityResultFile.Write("quadratic", [entry]));
    }

    [Fact]
    public void Read_BareNaNTokensOfTheOriginal_AreAccepted()
    {
        const string json = """{"scenario": "x", "results": [{"params": {"a": 1}, "mean_score": NaN, "seed_scores": [NaN, 0.5], "single_score": -Infinity}], "_schema_version": 1}""";

        var entry = Assert.Single(StabilityResultFile.Read(json));

        Assert.True(double.IsNaN(entry.MeanScore!.Value));
        Assert.True(double.IsNegativeInfinity(entry.SingleScore));
    }

    [Fact]
    public void Write_NonFiniteScores_BecomeNull()
    {
        var entry = new StabilityEntry(ParamSet.Empty, double.NaN, null, null, null, [double.PositiveInfinity], 0);

        string text = StabilityResultFile.Write("x", [entry]);

        Assert.Contains("\"combined_score\": null", text);
        Assert.DoesNotContain("NaN", text);
        Assert.DoesNotContain("Infinity", text);
    }

    [Theory]
    [InlineData("{\"results\": []}", "")]
    [InlineData("{\"scenario\": \"a\", \"results\": [{\"params\": {\"beta\": 2.5}, \"single_score\": 0.1}, {\"params\": {\"beta\": 1}, \"single_score\": 0.9}]}", "{beta: 2.5}")]
    public void BaseConfig_StabilityJson_UsesTheFirstEntryInFileOrder(string json, string expected)
    {
        var errors = new ValidationErrors();

        var loaded = BaseConfig.Load("base.json", json, errors);

        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.Equal(expected, loaded!.ToString().Trim('{', '}') == "" ? "" : loaded.ToString());
    }

    [Fact]
    public void BaseConfig_Yaml_TypesValuesLikeTheStageGrammar()
    {
        var errors = new ValidationErrors();

        var loaded = BaseConfig.Load("base.yml", "beta: 2.5\nmax_M: 4\njob_search_method: vacancies_only\nquoted: '7'\n", errors);

        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.Equal("{beta: 2.5, max_M: 4, job_search_method: vacancies_only, quoted: 7}", loaded!.ToString());
        Assert.Equal(ParamKind.Int, loaded.Single(p => p.Key == "max_M").Value.Kind);
        Assert.Equal(ParamKind.Text, loaded.Single(p => p.Key == "quoted").Value.Kind);
    }

    [Theory]
    [InlineData("base.yaml", "beta: [1, 2]\n", "Cannot read base config 'base.yaml': 'beta' must be a single value")]
    [InlineData("base.yaml", "beta: true\n", "'beta' has the value 'true'")]
    [InlineData("base.yaml", "- 1\n- 2\n", "the document must be a mapping")]
    [InlineData("base.yaml", "beta: .inf\n", "non-finite value '.inf'")]
    [InlineData("base.json", "{\"scenario\": \"a\"}", "Cannot read base config 'base.json': The file has no 'results' array")]
    [InlineData("base.json", "{\"results\": [{\"single_score\": 1}]}", "Result 1 has no 'params' object")]
    [InlineData("base.json", "not json", "Cannot read base config 'base.json'")]
    public void BaseConfig_BadFile_IsAnErrorNamingTheFile(string name, string text, string expected)
    {
        var errors = new ValidationErrors();

        Assert.Null(BaseConfig.Load(name, text, errors));
        Assert.Contains(expected, errors.ToString());
    }

    [Fact]
    public void BaseConfig_EmptyYaml_IsNoParameters()
    {
        var errors = new ValidationErrors();

        Assert.Equal(ParamSet.Empty, BaseConfig.Load("base.yaml", "", errors));
    }
}
