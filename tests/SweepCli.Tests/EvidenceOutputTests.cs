using SweepDomain.Results;

namespace SweepCli.Tests;

/// <summary>What a run prints and writes about the evidence: verdicts, the carry-forward rule, racing.</summary>
public sealed class EvidenceOutputTests
{
    private static string[] NoisyRun(string output, params string[] extra) =>
        ["run", "--scenario", "noisy", "--periods", "10", "--workers", "2", "--output", output, .. extra];

    [Fact]
    public async Task Significant_policy_run_says_which_rule_decided_in_console_summary_and_report()
    {
        using var folder = new TempFolder();
        string baseFile = folder.Write("base.yml", "x: 0.32\nn: 4\n");

        var result = await Cli.RunAsync(NoisyRun(folder["out"], "--stages", "A:x=0.29,0.3,0.31", "--stability-tiers", "3:30", "--base", baseFile, "--carry-forward", "significant"));

        Assert.True(result.ExitCode == 0, result.ToString());
        const string Reason = "the incumbent is kept: no candidate ranked above it beats it; the top, {n: 4, x: 0.3}, differs by +0.0130 (95% CI -0.0013 .. +0.0273, n = 30), Holm-adjusted p = 0.22, not below alpha 0.05";
        Assert.Contains("    winner is the incumbent, kept; against the best other candidate {n: 4, x: 0.3}: -0.0130 (95% CI -0.0273 .. +0.0013, n = 30), p = 0.073: not significant at alpha 0.05", result.Out);
        Assert.Contains($"    carry-forward significant: {Reason}", result.Out);

        string summary = File.ReadAllText(Path.Combine(folder["out"], "noisy_sweep_summary.md"));
        Assert.Contains("| Carry-forward | significant (alpha 0.05) |", summary);
        Assert.Contains("### Stage A", summary);
        Assert.Contains($"- carry-forward significant: {Reason}", summary);
        Assert.Contains("- Rule: significant: the incumbent stays unless a candidate ranked above it beats it at alpha 0.05", summary);
        Assert.Contains("| 1 | `{n: 4, x: 0.3}` | 30 |", summary);

        var report = SweepReport.FromJson(File.ReadAllText(Path.Combine(folder["out"], "noisy_sweep_report.json")));
        Assert.Equal("significant", report.CarryForward);
        var stage = report.Stages[0];
        Assert.Equal("significant", stage.Result.Decision!.Policy);
        Assert.Equal(Reason, stage.Result.Decision.Reason);
        Assert.Null(stage.Result.WinnerVsIncumbent);
        var top = stage.Candidates.Single(c => c.FinalRank == 1);
        Assert.Equal(0.0130, top.VersusIncumbent!.MeanDifference, 4);
        Assert.Equal(30, top.VersusIncumbent.Seeds);
    }

    [Fact]
    public async Task Racing_run_reports_drops_and_the_evaluations_saved()
    {
        using var folder = new TempFolder();

        var result = await Cli.RunAsync(NoisyRun(folder["out"], "--stages", "A:x=0.1,0.2,0.25,0.3,0.35,0.5 n=3,4", "--stability-tiers", "8:20,4:100", "--racing"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("    racing (blocks of 10 seeds, alpha 0.05) dropped 1 candidate: 524 evaluations in screening and tiers, against at most 584 with the plain tiers (60 fewer)", result.Out);
        Assert.Contains("block 3: 4 racing, seeds to 50 (40 evaluations)", result.Out);
        Assert.Contains("    stopped by tiers: the last tier ran to 100 seeds", result.Out);

        string summary = File.ReadAllText(Path.Combine(folder["out"], "noisy_sweep_summary.md"));
        Assert.Contains("| Racing | on, blocks of 10 seeds |", summary);
        Assert.Contains("Dropped by racing:", summary);
        Assert.Contains("| `{x: 0.5, n: 2}` (incumbent) | 2 | 2 | 40 | -0.1003 | 0.014 |", summary);

        var report = SweepReport.FromJson(File.ReadAllText(Path.Combine(folder["out"], "noisy_sweep_report.json")));
        Assert.True(report.Racing);
        Assert.Equal(10, report.RaceBlock);
        Assert.Equal(1, report.Stages[0].Candidates.Count(c => c.Dropped is not null));
    }

    [Fact]
    public async Task Dry_run_with_racing_shows_the_worst_case_of_both()
    {
        var result = await Cli.RunAsync("run", "--scenario", "noisy", "--stages", "A:x=0.1,0.2,0.25,0.3,0.35,0.5 n=3,4", "--stability-tiers", "8:10,4:30", "--racing", "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("racing=on, blocks of 10 seeds", result.Out);
        Assert.Contains("Worst case: 194 evaluations with the plain tiers, and 194 with racing", result.Out);
    }

    [Theory]
    [InlineData(new[] { "--alpha", "0.6" }, "--alpha: Must be a significance level above 0 and at most 0.5; got 0.6.")]
    [InlineData(new[] { "--alpha", "x" }, "--alpha: 'x' is not a finite number")]
    [InlineData(new[] { "--carry-forward", "bestest" }, "--carry-forward: Unknown carry-forward policy 'bestest'. Use one of: best, significant.")]
    [InlineData(new[] { "--racing", "--race-block", "1" }, "--race-block: Must be at least 2 seeds (a block is tested with a paired test); got 1.")]
    [InlineData(new[] { "--racing", "--race-block", "31" }, "--race-block: Block of 31 seeds is larger than every tier (the most seeds a tier gives is 30)")]
    [InlineData(new[] { "--race-block", "5" }, "--race-block: Is only used when racing; got 5 with racing off.")]
    [InlineData(new[] { "--limit", "MaxCats=3" }, "--limit: 'MaxCats=3' is not NAME=VALUE with a known limit; the limits are MaxEvaluations=200000,")]
    [InlineData(new[] { "--limit", "MaxEvaluations=0" }, "--limit: 'MaxEvaluations=0': the value of MaxEvaluations must be a whole number of at least 1.")]
    [InlineData(new[] { "--limit", "maxevaluations=100" }, "The sweep plans at most this many evaluations (worst case): 194, over the limit MaxEvaluations = 100. Ask for less, or raise it with --limit MaxEvaluations=<n>.")]
    public async Task Bad_evidence_or_limit_flags_exit_2_before_anything_runs(string[] flags, string message)
    {
        using var folder = new TempFolder();

        var result = await Cli.RunAsync(NoisyRun(folder["out"], ["--stages", "A:x=0.1,0.2,0.25,0.3,0.35,0.5 n=3,4", "--stability-tiers", "8:10,4:30", .. flags]));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.False(Directory.Exists(folder["out"]));
    }

    [Fact]
    public async Task Run_prints_counts_with_thousands_separators_and_its_base_hint_names_the_output_folder()
    {
        using var folder = new TempFolder();
        string output = folder["results"] + "/first/";

        var result = await Cli.RunAsync(NoisyRun(output, "--stages", "A:x=0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1.0 n=1,2,3,4,5,6,7,8,9,10", "--stability-tiers", "10:10,3:400"));

        Assert.True(result.ExitCode == 0, result.ToString());
        // The incumbent {x: 0.5, n: 2} is in the grid: 100 + 11 × 9 + 4 × 390 at most (the incumbent may join each top).
        Assert.Contains("at most 1,759 evaluations", result.Out);
        Assert.Contains("  Evaluations: 1,759 requested, 1,759 executed (0 reused)", result.Out);   // the incumbent ranked outside both tops
        string summary = File.ReadAllText(Path.Combine(folder["results"], "first", "noisy_sweep_summary.md"));
        Assert.Contains($"`sweep run --scenario noisy --base {folder["results"]}/first/noisy_sweep.json --stages ...`", summary);
    }
}
