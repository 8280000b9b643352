using BamScenarios;
using SweepDomain.Results;

namespace SweepCli.Tests;

/// <summary>Periods fewer than the scenario's metrics need are warned about before any work, and recorded in the report.</summary>
public class HorizonWarningTests
{
    private const string QuadraticWarning =
        "warning: 4 periods are fewer than the 5 that the metrics of scenario 'quadratic' need (their burn-in and windows)";

    [Fact]
    public async Task DryRun_with_fewer_periods_than_the_scenario_needs_warns_on_stderr_and_still_plans()
    {
        var result = await Cli.RunAsync("run", "--scenario", "quadratic", "--stages", "A:x=0.1,0.3", "--periods", "4", "--dry-run");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(QuadraticWarning, result.Error);
        Assert.DoesNotContain("warning:", result.Out);
    }

    [Fact]
    public async Task DryRun_of_baseline_at_200_periods_warns_that_its_metrics_need_1000()
    {
        var bam = new Cli { Evaluator = new BamScenarioEvaluator(), Catalog = new BamScenarioCatalog() };

        var result = await bam.Run("run", "--scenario", "baseline", "--stages", "A:beta=0.5,1.5", "--periods", "200", "--dry-run");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("warning: 200 periods are fewer than the 1,000 that the metrics of scenario 'baseline' need (their burn-in and windows)", result.Error);
    }

    [Fact]
    public async Task DryRun_at_the_scenarios_minimum_gives_no_warning()
    {
        var result = await Cli.RunAsync("run", "--scenario", "quadratic", "--stages", "A:x=0.1,0.3", "--periods", "5", "--dry-run");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("warning:", result.Error);
    }

    [Fact]
    public async Task Run_with_too_few_periods_warns_and_records_the_warning_in_the_report()
    {
        using var folder = new TempFolder();

        var result = await Cli.RunAsync("run", "--scenario", "quadratic", "--stages", "A:x=0.1,0.3", "--periods", "4", "--stability-tiers", "2:2",
            "--workers", "1", "--output", folder.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(QuadraticWarning, result.Error);
        var report = SweepReport.FromJson(File.ReadAllText(folder["quadratic_sweep_report.json"]));
        Assert.Equal(["4 periods are fewer than the 5 that the metrics of scenario 'quadratic' need (their burn-in and windows): the burn-in and windows shrink, " +
                      "metrics may fail on every seed, and the sweep tunes toward a horizon the validation was not written for."], report.Warnings);
    }

    [Fact]
    public async Task DryRun_with_a_base_from_another_scenario_warns_naming_both_scenarios()
    {
        using var folder = new TempFolder();
        string baseFile = folder["other_sweep.json"];
        File.WriteAllText(baseFile, BaseOf("other"));

        var result = await Cli.RunAsync("run", "--scenario", "quadratic", "--stages", "A:n=3,4", "--base", baseFile, "--dry-run");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"warning: The base '{baseFile}' comes from a sweep of scenario 'other', not 'quadratic': its winner was tuned for another scenario.", result.Error);
    }

    [Fact]
    public async Task DryRun_with_a_base_from_the_same_scenario_gives_no_warning()
    {
        using var folder = new TempFolder();
        string baseFile = folder["quadratic_sweep.json"];
        File.WriteAllText(baseFile, BaseOf("quadratic"));

        var result = await Cli.RunAsync("run", "--scenario", "quadratic", "--stages", "A:n=3,4", "--base", baseFile, "--dry-run");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("warning:", result.Error);
    }

    private static string BaseOf(string scenario) =>
        StabilityResultFile.Write(scenario, [new StabilityEntry(SweepDomain.Parameters.ParamSet.Of(("x", 0.3)), 0.9, 0.9, 0.0, 1.0, null, 0.9)]);
}
