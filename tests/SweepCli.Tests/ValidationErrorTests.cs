using SweepTestKit;

namespace SweepCli.Tests;

/// <summary>Every class of bad input: exit code 2, a message naming the problem and the offending text, nothing run or written.</summary>
public sealed class ValidationErrorTests
{
    [Theory]
    [InlineData("Missing ':'", "A x=0.1", "--stages", "A x=0.1")]
    [InlineData("Space after a comma before '0.3'", "A:x=0.1, 0.3", "--stages", "A:x=0.1, 0.3")]
    [InlineData("Unknown parameter 'y'", "A:y=1,2", "--stages", "A:y=1,2")]
    [InlineData("Did you mean 'mode'?", "A:mod=plain", "--stages", "A:mod=plain")]
    [InlineData("is an integer; got the float 2.0", "A:n=2.0", "--stages", "A:n=2.0")]
    [InlineData("outside its valid range", "A:x=1.5", "--stages", "A:x=1.5")]
    [InlineData("Label 'A' is used by 2 stages", "A:n=3", "--stages", "A:x=0.1", "A:n=3")]
    [InlineData("Unknown scenario 'nope'", "nope", "--scenario", "nope")]
    [InlineData("Unknown cross scenario 'nope'", "nope", "--cross-scenario", "nope")]
    [InlineData("is the sweep's own scenario", "--cross-scenario", "--cross-scenario", "quadratic")]
    [InlineData("--alpha", "got 0.7", "--alpha", "0.7")]
    [InlineData("--equivalence", "got 0.6", "--equivalence", "0.6")]
    [InlineData("--equivalence", "'x'", "--equivalence", "x")]
    [InlineData("--stability-tiers", "100:0", "--stability-tiers", "100:0")]
    [InlineData("That name belongs to the cross-eval phase", "balanced", "--rank-by", "balanced")]
    [InlineData("--periods", "'ten'", "--periods", "ten")]
    [InlineData("--k-factor", "'abc'", "--k-factor", "abc")]
    [InlineData("--workers", "got 0", "--workers", "0")]
    [InlineData("Cannot read base config", "missing.json", "--base", "missing.json")]
    [InlineData("Unrecognized command or argument", "--bogus", "--bogus", "x")]
    [InlineData("looks like an option", "--bogus", "--stages", "A:x=0.1", "--bogus")]
    [InlineData("Required argument missing", "--stages", "--stages")]
    public async Task Run_BadInput_ExitsWith2BeforeAnyEvaluation(string problem, string offending, params string[] flags)
    {
        using var folder = new TempFolder();
        var evaluator = new RecordingEvaluator();
        string output = folder["out"];
        var args = new List<string> { "run", "--output", output };
        if (!flags.Contains("--scenario"))
        {
            args.AddRange(["--scenario", "quadratic"]);
        }

        args.AddRange(flags.Select(f => f == "missing.json" ? folder["missing.json"] : f));
        if (!flags.Contains("--stages"))
        {
            args.AddRange(["--stages", "A:x=0.1,0.3"]);
        }

        var result = await new Cli { Evaluator = evaluator }.Run([.. args]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(problem, result.Error);
        Assert.Contains(offending, result.Error);
        Assert.Empty(evaluator.Seen);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Run_SeveralProblems_ListsThemAll()
    {
        var result = await Cli.RunAsync("run", "--scenario", "quadratic", "--stages", "A x=1", "B:q=1", "--periods", "0", "--stability-tiers", "5", "--rank-by", "best");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("invalid input (5 problems)", result.Error);
        foreach (string flag in new[] { "--stages #1", "--stages #2", "--periods", "--stability-tiers", "--rank-by" })
        {
            Assert.Contains($"  {flag}: ", result.Error);
        }
    }

    [Theory]
    [InlineData("base.json", "{\"results\": [{\"params\": {\"x\": 0.3}}]}", "no 'single_score'")]
    [InlineData("base.json", "not json", "Cannot read base config")]
    [InlineData("base.yaml", "x: [1, 2]", "must be a single value")]
    [InlineData("base.yaml", "n: 2.5", "is an integer; got the float 2.5")]
    [InlineData("base.yaml", "zz: 1", "Unknown parameter 'zz' in the base")]
    public async Task Run_BadBaseFile_ExitsWith2NamingTheFile(string name, string content, string problem)
    {
        using var folder = new TempFolder();
        string path = folder.Write(name, content);

        var result = await Cli.RunAsync("run", "--scenario", "quadratic", "--stages", "A:x=0.1", "--base", path, "--output", folder["out"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(problem, result.Error);
        Assert.False(Directory.Exists(folder["out"]));
    }

    [Fact]
    public async Task Run_OutputIsAFile_ExitsWith2()
    {
        using var folder = new TempFolder();
        string file = folder.Write("taken", "");

        var result = await Cli.RunAsync("run", "--scenario", "quadratic", "--stages", "A:x=0.1", "--output", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is a file, not a folder", result.Error);
    }

    [Fact]
    public async Task Run_BadInputWithJson_PrintsTheErrorsAsJson()
    {
        var result = await Cli.RunAsync("run", "--scenario", "quadratic", "--stages", "A:y=1", "--json");

        Assert.Equal(2, result.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(result.Out);
        Assert.Equal("invalid", doc.RootElement.GetProperty("status").GetString());
        Assert.Contains("Unknown parameter 'y'", doc.RootElement.GetProperty("errors").GetProperty("--stages #1")[0].GetString());
    }
}
