using System.Text.Json;

namespace SweepCli.Tests;

public sealed class ScenariosTests
{
    [Fact]
    public async Task Scenarios_ListsEveryParameterWithTypeDefaultRangeAndDescription()
    {
        var result = await Cli.RunAsync("scenarios");

        Assert.Equal(0, result.ExitCode);
        foreach (string expected in new[] { "Scenario quadratic", "Scenario other", "| x ", "| float ", "| 0.5 ", "[0, 1]", "A float knob.", "| n ", "| int ", "one of plain, fancy" })
        {
            Assert.Contains(expected, result.Out);
        }
    }

    [Fact]
    public async Task Scenarios_Json_GivesTheSchema()
    {
        var result = await Cli.RunAsync("scenarios", "quadratic", "--json");

        using var doc = JsonDocument.Parse(result.Out);
        var parameters = doc.RootElement[0].GetProperty("parameters");
        Assert.Equal(["x", "n", "mode"], parameters.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal("2", parameters[1].GetProperty("default").GetRawText());
        Assert.Equal("0.5", parameters[0].GetProperty("default").GetRawText());
    }

    [Fact]
    public async Task Scenarios_Unknown_ExitsWith2()
    {
        var result = await Cli.RunAsync("scenarios", "nope");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown scenario 'nope'", result.Error);
    }
}
