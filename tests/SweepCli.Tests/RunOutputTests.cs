using System.Text.Json;
using SweepDomain.Parameters;
using SweepDomain.Results;
using SweepTestKit;

namespace SweepCli.Tests;

public sealed class RunOutputTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static string[] SmallRun(string output, params string[] extra) =>
        ["run", "--scenario", "quadratic", "--periods", "10", "--stability-tiers", "3:3,2:5", "--workers", "2", "--output", output, .. extra];

    [Fact]
    public async Task Run_TwoStages_WritesEveryFile()
    {
        using var folder = new TempFolder();

        var result = await Cli.RunAsync(SmallRun(folder.Path, "--stages", "A:x=0.1,0.3,0.9", "B:n=3,4,5", "--cross-scenario", "other"));

        Assert.True(result.ExitCode == 0, result.ToString());
        string[] expected =
        [
            "quadratic_sweep_stage_A.json", "quadratic_sweep_stage_B.json", "quadratic_sweep_stage_A.png", "quadratic_sweep_stage_B.png",
            "quadratic_sweep_effects_A.png", "quadratic_sweep_effects_B.png", "quadratic_sweep.json", "quadratic_sweep_report.json", "quadratic_sweep_summary.md", "quadratic_sweep_report.html",
        ];
        Assert.Equal(expected.Order(), Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order());
        Assert.All(expected.Where(f => f.EndsWith(".png")), png => Assert.Equal(PngSignature, File.ReadAllBytes(folder[png])[..8]));

        var report = SweepReport.FromJson(File.ReadAllText(folder["quadratic_sweep_report.json"]));
        Assert.Equal(["stage A", "stage B", "total"], report.TimingsSeconds!.Keys.Order());
        Assert.Equal(2, report.Stages.Count);
        Assert.Equal("other", report.CrossScenario);
        Assert.Contains("# Sweep summary: quadratic", File.ReadAllText(folder["quadratic_sweep_summary.md"]));
    }

    [Fact]
    public async Task Run_writes_the_page_last_with_the_report_the_most_evaluations_planned_and_every_file_beside_it()
    {
        using var folder = new TempFolder();

        var result = await Cli.RunAsync(SmallRun(folder.Path, "--stages", "A:x=0.1,0.3,0.9", "B:n=3,4,5"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("at most 36 evaluations", result.Out);
        string html = File.ReadAllText(folder["quadratic_sweep_report.html"]);
        Assert.StartsWith("<!doctype html>", html);
        Assert.Contains("<title>quadratic sweep</title>", html);
        var data = SweepHosting.Dashboard.SweepPage.DataOf(html)!;
        Assert.Equal("run", (string?)data["source"]);
        Assert.Null(data["status"]);
        Assert.Null(data["live"]);
        Assert.Equal(32, (long)data["plannedAtMost"]!);   // a finished run plans what it did: 32 requested of at most 36
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(folder["quadratic_sweep_report.json"])), data["report"]));
        Assert.Equal(
            [
                "quadratic_sweep_stage_A.json: stage A winner, stability format",
                "quadratic_sweep_stage_A.png: stage A: chart of every candidate (PNG)",
                "quadratic_sweep_effects_A.png: stage A: what each parameter does (PNG)",
                "quadratic_sweep_stage_B.json: stage B winner, stability format",
                "quadratic_sweep_stage_B.png: stage B: chart of every candidate (PNG)",
                "quadratic_sweep_effects_B.png: stage B: what each parameter does (PNG)",
                "quadratic_sweep.json: the final winner, stability format (usable as --base)",
                "quadratic_sweep_report.json: the report: settings, every candidate's seed scores, stage results, timings",
                "quadratic_sweep_summary.md: the one-page summary (Markdown)",
            ],
            data["files"]!.AsArray().Select(f => $"{f!["name"]}: {f["what"]}"));
    }

    [Fact]
    public async Task Dry_run_of_a_stage_over_ranges_prints_its_design_and_worst_case()
    {
        using var folder = new TempFolder();

        var result = await Cli.RunAsync(SmallRun(folder.Path, "--stages", "R[sobol 16, adaptive 4]:x=0..1 n=1..10", "--dry-run"));

        Assert.True(result.ExitCode == 0, result.ToString());
        // 16 + 4 + the incumbent screened, then 3 + the incumbent to 3 seeds, 2 + the incumbent to 5
        Assert.Contains("  Stage 'R': [x, n] (20 combos; at most 35 evaluations)\n", result.Out);
        Assert.Contains("    design: scrambled Sobol, 16 points over x=0..1, n=1..10; then up to 4 adaptive (best-batch perturbation); at most 20 candidates plus the incumbent\n", result.Out);
    }

    [Fact]
    public async Task Summary_of_a_stage_over_ranges_says_what_each_parameter_does()
    {
        using var folder = new TempFolder();

        var result = await Cli.RunAsync(SmallRun(folder.Path, "--stages", "R[sobol 32]:x=0..1 n=1..10"));

        Assert.True(result.ExitCode == 0, result.ToString());
        string summary = File.ReadAllText(folder["quadratic_sweep_summary.md"]);
        Assert.Contains("## What each parameter does", summary);
        Assert.Contains("Design: scrambled Sobol, 32 points over x=0..1, n=1..10; 32 candidates analysed.", summary);
        Assert.Contains("| Parameter | Variance share (estimate) | Groups | Noise floor |", summary);
        Assert.Contains("| x | 0..0.25 | ", summary);   // 32 candidates: 4 bins of x
        Assert.Equal(PngSignature, File.ReadAllBytes(folder["quadratic_sweep_effects_R.png"])[..8]);
    }

    [Fact]
    public async Task Summary_of_a_run_with_a_base_file_says_the_base_came_from_that_file()
    {
        using var folder = new TempFolder();
        string baseFile = folder.Write("base.yml", "n: 4\n");

        var result = await Cli.RunAsync(SmallRun(folder["out"], "--stages", "A:x=0.1,0.3", "--base", baseFile));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"| Base | `{{n: 4}}` (from file `{baseFile}`) |", File.ReadAllText(Path.Combine(folder["out"], "quadratic_sweep_summary.md")));
        var report = SweepReport.FromJson(File.ReadAllText(Path.Combine(folder["out"], "quadratic_sweep_report.json")));
        Assert.Equal(BaseSource.File(baseFile), report.BaseSource);
    }

    [Fact]
    public async Task Summary_of_a_run_without_a_base_says_the_model_defaults()
    {
        using var folder = new TempFolder();

        var result = await Cli.RunAsync(SmallRun(folder.Path, "--stages", "A:x=0.1,0.3"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("| Base | `{}` (the model defaults) |", File.ReadAllText(folder["quadratic_sweep_summary.md"]));
    }

    [Fact]
    public async Task Run_TwoStages_PrintsProgressTableAndSummary()
    {
        using var folder = new TempFolder();

        var result = await Cli.RunAsync(SmallRun(folder.Path, "--stages", "A:x=0.1,0.3", "B:n=3,4", "--cross-scenario", "other"));

        Assert.Equal(0, result.ExitCode);
        foreach (string expected in new[]
                 {
                     "Output directory: ", "[sweep] 2 stages, scenario=quadratic", "Screened 3/3 (100.0%)", "Tier 1: Testing", "Cross-check:",
                     "Stage A winner: combined=", "    other: pass=", "| Stage", "SWEEP SUMMARY", "  A: combined=", "(2 combos)", "Evaluations: ", "Sweep results saved to",
                 })
        {
            Assert.Contains(expected, result.Out);
        }
    }

    [Fact]
    public async Task Run_FinalFileAsBaseOfNextRun_KeepsIntsAndFloats()
    {
        using var folder = new TempFolder();
        var first = await Cli.RunAsync(SmallRun(folder["first"], "--stages", "A:x=0.3,0.5", "B:n=4,5"));
        Assert.True(first.ExitCode == 0, first.ToString());
        string final = Path.Combine(folder["first"], "quadratic_sweep.json");
        string text = File.ReadAllText(final);
        Assert.Contains("\"x\": 0.3", text);
        Assert.Contains("\"n\": 4\n", text.Replace("\r", ""));

        var evaluator = new RecordingEvaluator();
        var second = await new Cli { Evaluator = evaluator }.Run(SmallRun(folder["second"], "--base", final, "--stages", "C:mode=plain,fancy"));

        Assert.True(second.ExitCode == 0, second.ToString());
        var winner = StabilityResultFile.Read(File.ReadAllText(Path.Combine(folder["second"], "quadratic_sweep.json")))[0].Params;
        Assert.True(winner.TryGet("x", out var x) && x.Kind == ParamKind.Float && x.AsDouble == 0.3);
        Assert.True(winner.TryGet("n", out var n) && n.Kind == ParamKind.Int && n.AsInt == 4);
        Assert.All(evaluator.Seen, r => Assert.Equal(ParamKind.Int, r.Params.TryGet("n", out var v) ? v.Kind : ParamKind.Int));
    }

    [Fact]
    public async Task Run_YamlBase_IsUsedAsTheStartingPoint()
    {
        using var folder = new TempFolder();
        string yaml = folder.Write("base.yml", "x: 0.3\nn: 4\n");
        var evaluator = new RecordingEvaluator();

        var result = await new Cli { Evaluator = evaluator }.Run(SmallRun(folder["out"], "--base", yaml, "--stages", "A:mode=plain,fancy"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.All(evaluator.Seen, r => Assert.Equal(ParamSet.Of(("x", 0.3), ("n", 4)), r.Params.Without(["mode"])));
    }

    [Fact]
    public async Task Run_Json_PrintsOneDocumentAndProgressOnStandardError()
    {
        using var folder = new TempFolder();

        var result = await Cli.RunAsync(SmallRun(folder.Path, "--stages", "A:x=0.1,0.3", "--json"));

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var root = doc.RootElement;
        Assert.Equal("completed", root.GetProperty("status").GetString());
        Assert.Equal(folder.Path, root.GetProperty("outputDirectory").GetString());
        Assert.Equal(0.3, root.GetProperty("final").GetProperty("x").GetDouble());
        Assert.Contains("quadratic_sweep.json", root.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        Assert.True(root.GetProperty("evaluationsExecuted").GetInt32() <= root.GetProperty("evaluationsRequested").GetInt32());
        Assert.Contains("Screened", result.Error);
    }

    [Fact]
    public async Task Run_Quiet_PrintsOnlyTheSummary()
    {
        using var folder = new TempFolder();

        var result = await Cli.RunAsync(SmallRun(folder.Path, "--stages", "A:x=0.1,0.3", "--quiet"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("SWEEP SUMMARY", result.Out);
        Assert.DoesNotContain("Screened", result.Out);
        Assert.DoesNotContain("| Stage", result.Out);
    }

    [Fact]
    public async Task Run_Verbose_ListsEveryCandidate()
    {
        using var folder = new TempFolder();

        var result = await Cli.RunAsync(SmallRun(folder.Path, "--stages", "A:x=0.1,0.3", "--verbose"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("All candidates (grid order):", result.Out);
        Assert.Contains("[2] {x: 0.5} [incumbent]", result.Out);
    }

    [Fact]
    public async Task Run_Written_LeavesNoTemporaryFiles()
    {
        using var folder = new TempFolder();

        await Cli.RunAsync(SmallRun(folder.Path, "--stages", "A:x=0.1,0.3"));

        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(folder.Path, ".*"));
    }
}
