using System.Text.Json;

namespace SweepCli.Tests;

public sealed class ArgumentParsingTests
{
    private static JsonElement Plan(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Out).RootElement;
    }

    [Fact]
    public async Task Run_NoFlags_UsesTheOriginalsDefaults()
    {
        var plan = Plan(await Cli.RunAsync("run", "--scenario", "quadratic", "--stages", "A:x=0.1,0.3", "--dry-run", "--json"));

        Assert.Equal(1000, plan.GetProperty("periods").GetInt32());
        Assert.Equal("100:10,50:20,10:100", plan.GetProperty("stabilityTiers").GetString());
        Assert.Equal("combined", plan.GetProperty("rankBy").GetString());
        Assert.Equal(1.0, plan.GetProperty("kFactor").GetDouble());
        Assert.Equal(2, plan.GetProperty("workers").GetInt32());   // all cores of the injected machine
        Assert.Equal(Path.GetFullPath("output"), plan.GetProperty("outputDirectory").GetString());
        Assert.False(plan.TryGetProperty("crossScenario", out _));
        Assert.Equal(JsonValueKind.Object, plan.GetProperty("base").ValueKind);
        Assert.Empty(plan.GetProperty("base").EnumerateObject());
    }

    [Fact]
    public async Task Run_NoScenario_DefaultsToBaseline()
    {
        var result = await Cli.RunAsync("run", "--stages", "A:x=0.1", "--dry-run");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown scenario 'baseline'", result.Error);
    }

    [Theory]
    [InlineData("--phase", "sweep")]
    [InlineData("--phase=sweep")]
    public async Task OriginalForm_PhaseSweep_RunsTheSweepCommand(params string[] phase)
    {
        using var folder = new TempFolder();
        string[] args = [.. phase, "--scenario", "quadratic", "--stages", "A:x=0.1,0.3", "B:n=3,4", "--output-dir", folder.Path,
            "--periods", "50", "--stability-tiers", "4:3,2:5", "--rank-by", "stability", "--k-factor", "0.5", "--workers", "1", "--cross-scenario", "other", "--dry-run", "--json"];

        var plan = Plan(await Cli.RunAsync(args));

        Assert.Equal(["A", "B"], plan.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("label").GetString()));
        Assert.Equal(folder.Path, plan.GetProperty("outputDirectory").GetString());
        Assert.Equal(50, plan.GetProperty("periods").GetInt32());
        Assert.Equal("4:3,2:5", plan.GetProperty("stabilityTiers").GetString());
        Assert.Equal("stability", plan.GetProperty("rankBy").GetString());
        Assert.Equal(0.5, plan.GetProperty("kFactor").GetDouble());
        Assert.Equal(1, plan.GetProperty("workers").GetInt32());
        Assert.Equal("other", plan.GetProperty("crossScenario").GetString());
    }

    [Fact]
    public async Task OriginalForm_AnotherPhase_IsRejectedWithExitCode2()
    {
        var result = await Cli.RunAsync("--phase", "grid", "--scenario", "quadratic");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--phase grid", result.Error);
    }

    [Fact]
    public async Task Stages_SeveralAfterOneFlagOrRepeatedFlags_AreTheSame()
    {
        var oneFlag = Plan(await Cli.RunAsync("run", "--scenario", "quadratic", "--stages", "A:x=0.1", "B:n=3", "--dry-run", "--json"));
        var repeated = Plan(await Cli.RunAsync("run", "--scenario", "quadratic", "--stages", "A:x=0.1", "--stages", "B:n=3", "--dry-run", "--json"));

        Assert.Equal(oneFlag.GetProperty("stages").GetRawText(), repeated.GetProperty("stages").GetRawText());
        Assert.Equal(2, oneFlag.GetProperty("stages").GetArrayLength());
    }

    [Fact]
    public async Task DryRun_Human_ShowsTheBudgetAndWritesNothing()
    {
        using var folder = new TempFolder();
        string output = folder["never"];

        var result = await Cli.RunAsync("run", "--scenario", "quadratic", "--stages", "A:x=0.1,0.3", "--dry-run", "--output", output);

        Assert.Equal(0, result.ExitCode);
        // 3 candidates (2 combos + the incumbent x = 0.5): 3 on seed 0, then 3 × 9, 3 × 10 and 3 × 80 more seeds.
        Assert.Contains("Stage 'A': [x] (2 combos; at most 300 evaluations)", result.Out);
        Assert.Contains("Worst case: 300 evaluations with the plain tiers, and 300 with racing", result.Out);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("evaluate")]
    [InlineData("scenarios")]
    [InlineData("submit")]
    [InlineData("status")]
    [InlineData("fetch")]
    [InlineData("cancel")]
    public async Task Help_EveryCommand_ListsEachOptionWithItsDefault(string command)
    {
        var result = await Cli.RunAsync(command, "--help");

        Assert.Equal(0, result.ExitCode);
        var optionLines = result.Out.Split('\n').Where(l => l.TrimStart().StartsWith('-') && !l.Contains("--help")).ToList();
        Assert.NotEmpty(optionLines);
        Assert.All(optionLines, line => Assert.True(line.Contains("[default:") || line.Contains("[required]"), $"no default in: {line}"));
    }

    [Fact]
    public async Task Help_Run_NamesTheOriginalsDefaultsAndAliases()
    {
        var result = await Cli.RunAsync("run", "--help");

        foreach (string expected in new[] { "[default: baseline]", "[default: 1000]", "[default: 100:10,50:20,10:100]", "[default: combined]", "[default: 1.0]", "[default: output]", "--output-dir", "all cores" })
        {
            Assert.Contains(expected, result.Out);
        }
    }

    [Fact]
    public async Task Help_Root_ListsEveryCommand()
    {
        var result = await Cli.RunAsync("--help");

        foreach (string command in new[] { "run", "evaluate", "scenarios", "submit", "status", "fetch", "cancel" })
        {
            Assert.Contains($"  {command}", result.Out);
        }
    }
}
