using System.Text.Json;
using SweepDomain;
using SweepDomain.Parameters;

namespace SweepLibrary.Tests;

/// <summary>
/// <see cref="Stages.Parse(string)"/> against the cases in <c>clients/python/tests/stage_cases.json</c>, the same file
/// the Python client's <c>parse_stage</c> is tested against, so the two parsers agree case by case.
/// </summary>
public sealed class StageCasesTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Load())
        {
            data.Add(c.GetProperty("stage").GetString()!);
        }

        return data;
    }

    private static List<JsonElement> Load() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.PythonClient, "tests", "stage_cases.json"))).RootElement.EnumerateArray().ToList();

    [Fact]
    public void The_shared_file_holds_twenty_eight_cases() => Assert.Equal(28, Load().Count);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_shared_case_parses_or_fails_as_the_python_client_expects(string stage)
    {
        var c = Load().First(e => e.GetProperty("stage").GetString() == stage);
        if (c.TryGetProperty("errors", out var expected))
        {
            var error = Assert.Throws<InvalidSweepInputException>(() => Stages.Parse(stage));
            Assert.Equal(expected.EnumerateArray().Select(e => e.GetString()), error.Errors.ToDictionary()["stage"]);
            return;
        }

        var (label, grid) = Stages.Parse(stage);
        Assert.Equal(c.GetProperty("label").GetString(), label);
        var want = c.GetProperty("grid").EnumerateObject().Select(p => $"{p.Name}={string.Join(',', p.Value.EnumerateArray().Select(Typed))}");
        var got = grid.Select(a => $"{a.Name}={string.Join(',', a.Values.Select(v => $"{v.Kind}:{v}"))}");
        Assert.Equal(want, got);
    }

    /// <summary>A JSON value as a <see cref="ParamValue"/> prints with its kind: <c>2</c> is Int, <c>2.0</c> and <c>1e20</c> Float.</summary>
    private static string Typed(JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.String)
        {
            return $"{ParamKind.Text}:{v.GetString()}";
        }

        string raw = v.GetRawText();
        return raw.Contains('.') || raw.Contains('e') || raw.Contains('E')
            ? $"{ParamKind.Float}:{ParamValue.FormatFloat(v.GetDouble())}"
            : $"{ParamKind.Int}:{v.GetInt64()}";
    }
}
