using System.Text.Json.Nodes;
using BamScenarios;
using SweepTestKit;

namespace SweepCli.Tests;

/// <summary><c>sweep run --evaluator</c> and <c>sweep scenarios --evaluator</c>: the user's own model behind the evaluator protocol.</summary>
public sealed class OwnModelTests
{
    private static readonly string Sim = TestSimulator.Command();

    [Fact]
    public async Task A_sweep_of_the_test_simulator_finds_its_peak_and_names_it_in_the_report()
    {
        using var folder = new TempFolder();

        var result = await Cli.RunAsync("run", "--evaluator", Sim, "--scenario", "quadratic", "--stages", "A:x=2.0,3.0,4.0 y=0.0,1.0", "B:n=1,4",
            "--cross-scenario", "shifted", "--workers", "2", "--output", folder.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        var report = JsonNode.Parse(File.ReadAllText(folder["quadratic_sweep_report.json"]))!;
        Assert.Equal("test-sim", (string)report["evaluator"]!["name"]!);
        Assert.Equal("1.0", (string)report["evaluator"]!["version"]!);
        Assert.Equal("{\"x\":3.0,\"y\":1.0,\"n\":1}", report["final"]!.ToJsonString());
        Assert.Null(report["failures"]);
        Assert.Contains("Evaluator: test-sim 1.0; 0 evaluations failed, 0 retried, 0 workers restarted", result.Out);
        Assert.Contains("| Evaluator | test-sim 1.0; 0 evaluations failed |", File.ReadAllText(folder["quadratic_sweep_summary.md"]));
    }

    [Fact]
    public async Task A_typo_in_a_stage_of_an_own_model_is_refused_with_a_suggestion_before_any_work()
    {
        using var folder = new TempFolder();

        var result = await Cli.RunAsync("run", "--evaluator", Sim, "--scenario", "quadratic", "--stages", "A:xx=2.0 n=1.5", "--output", folder.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown parameter 'xx' in 'A:xx=2.0 n=1.5' for scenario 'quadratic'. Did you mean 'x'?", result.Error);
        Assert.Contains("Parameter 'n' is an integer; got the float 1.5.", result.Error);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task An_out_of_range_value_and_an_unknown_scenario_are_refused_as_for_the_built_in_model()
    {
        var range = await Cli.RunAsync("run", "--evaluator", Sim, "--scenario", "quadratic", "--stages", "A:x=11.0", "--dry-run");
        var scenario = await Cli.RunAsync("run", "--evaluator", Sim, "--scenario", "quadratc", "--stages", "A:x=1.0", "--dry-run");

        Assert.Equal((2, 2), (range.ExitCode, scenario.ExitCode));
        Assert.Contains("Parameter 'x' = 11.0 is outside its valid range [0, 10].", range.Error);
        Assert.Contains("Unknown scenario 'quadratc'. Known scenarios: quadratic, shifted.", scenario.Error);
    }

    [Fact]
    public async Task A_model_that_cannot_start_is_an_input_error_naming_the_command()
    {
        var result = await Cli.RunAsync("run", "--evaluator", TestSimulator.Command("--fault", "crash@describe"), "--stages", "A:x=1.0", "--dry-run");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--evaluator: The evaluator exited with code 4 before answering 'describe'.", result.Error);
        Assert.Contains("cannot start: crashing before describe as told", result.Error);
    }

    [Fact]
    public async Task A_stage_whose_evaluations_fail_too_often_stops_with_a_clear_error()
    {
        using var folder = new TempFolder();

        var result = await Cli.RunAsync("run", "--evaluator", TestSimulator.Command("--fault", "nan@x=4.0"), "--scenario", "quadratic",
            "--stages", "A:x=2.0,3.0,4.0", "--stability-tiers", "4:10", "--workers", "2", "--output", folder.Path);

        // screening 4 (1 fails), tier 1 keeps all 4 and brings them to 10 seeds: 10 of 40 fail, 25 % > 10 %
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("10 of the stage's 40 evaluations failed, more than the 10 % allowed; the stage stops. Last failure: nan: the score is NaN", result.Error);
    }

    [Fact]
    public async Task Failed_evaluations_are_listed_in_the_report_and_the_summary_and_rank_as_zero()
    {
        using var folder = new TempFolder();

        var result = await Cli.RunAsync("run", "--evaluator", TestSimulator.Command("--fault", "crash@seed=3"), "--scenario", "quadratic",
            "--stages", "A:x=2.0,3.0", "--stability-tiers", "3:5", "--workers", "2", "--max-failure-share", "0.5", "--retry-budget", "1", "--output", folder.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        var report = JsonNode.Parse(File.ReadAllText(folder["quadratic_sweep_report.json"]))!;
        var failures = report["failures"]!.AsArray();
        Assert.Equal(3, failures.Count);   // seed 3 of three candidates (x = 2, 3 and the incumbent 5)
        Assert.All(failures, f => Assert.Equal("crash", (string)f!["failure"]!["kind"]!));
        Assert.All(failures, f => Assert.Contains("crashing on id=", (string)f!["failure"]!["stderrTail"]!));
        var candidates = report["stages"]![0]!["candidates"]!.AsArray();
        Assert.All(candidates, c => Assert.Equal(0.0, (double)c!["seedScores"]![3]!));
        Assert.All(candidates, c => Assert.Equal(0.8, (double)c!["passRate"]!, 12));
        Assert.Contains("## Failed evaluations", File.ReadAllText(folder["quadratic_sweep_summary.md"]));
        Assert.Contains("3 evaluations failed, 1 retried", result.Out);
    }

    [Fact]
    public async Task Scenarios_lists_the_parameters_the_model_describes()
    {
        var result = await Cli.RunAsync("scenarios", "--evaluator", Sim, "quadratic");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Evaluator test-sim 1.0", result.Out);
        Assert.Contains("| mode      | choice | smooth  | one of smooth, rough | rough adds noise                |", result.Out);
    }

    [Fact]
    public async Task Scenarios_ends_with_a_runnable_example_in_the_models_own_scenario_and_parameter_names()
    {
        var all = await Cli.RunAsync("scenarios", "--evaluator", Sim);
        var shifted = await Cli.RunAsync("scenarios", "--evaluator", Sim, "shifted");

        string Hint(string scenario) => $"Use the names in stages, e.g. sweep run --evaluator \"{Sim}\" --scenario {scenario} --stages \"A:x=4.0,5.0,6.0 n=2,3\". " +
                                        "Integers stay integers: write n=2, not 2.0.";
        Assert.Equal(Hint("quadratic"), all.Out.TrimEnd().Split('\n')[^1]);
        Assert.Equal(Hint("shifted"), shifted.Out.TrimEnd().Split('\n')[^1]);
        Assert.DoesNotContain("behavioral", all.Out);
        Assert.DoesNotContain("max_M", all.Out);
        // The example runs as written.
        var run = await Cli.RunAsync("run", "--evaluator", Sim, "--scenario", "shifted", "--stages", "A:x=4.0,5.0,6.0 n=2,3", "--dry-run");
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public async Task Evaluate_through_the_model_lists_its_failures_by_reason_and_its_metrics_with_sd_and_n()
    {
        var result = await Cli.RunAsync("evaluate", "--evaluator", TestSimulator.Command("--fault", "crash@seed=3", "--fault", "nan@seed=5"),
            "--scenario", "quadratic", "--set", "x=3.0", "--seeds", "0-9", "--periods", "10", "--workers", "2", "--metrics",
            "--max-failure-share", "0.5", "--retry-budget", "0");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Failed evaluations: 2 of 10; each counts as score 0, not passed.\n" +
                        "  crash: the worker exited with code 3 during the evaluation (1; first on seed 3)\n", result.Out);
        Assert.Matches(@"\n    stderr: sim\[\d+\]: crashing on id=\d+ as told\n  nan: the score is NaN \(1; first on seed 5\)\n", result.Out);
        Assert.Contains("| 3    | 0.0000      | 0    | 0    | 1    | FAIL    | evaluation failed (crash): the worker exited with code 3 during the evaluation |", result.Out);
        // The 8 seeds that answered: distance 1 on each; the mean of the simulator's noise with its sd.
        Assert.Contains("| distance | 1         | 0       | 8 |", result.Out);
        Assert.Contains("| noise    | 0.0081756 | 0.02353 | 8 |", result.Out);
        Assert.Contains("Mean 0.6984  Std (sample) 0.3687  Pass rate 80% (8/10)  Combined 0.3527", result.Out);
        Assert.Contains("Evaluator: test-sim 1.0; 2 evaluations failed, 0 retried, 1 workers restarted", result.Out);
    }

    [Fact]
    public async Task Evaluate_through_the_model_gives_the_same_json_with_the_evaluator_failures_and_metrics()
    {
        var result = await Cli.RunAsync("evaluate", "--evaluator", TestSimulator.Command("--fault", "nan@seed=1"),
            "--scenario", "quadratic", "--set", "x=3.0", "--seeds", "0-3", "--periods", "10", "--workers", "2", "--metrics", "--max-failure-share", "0.5", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonNode.Parse(result.Out)!;
        Assert.Equal("{\"name\":\"test-sim\",\"version\":\"1.0\"}", json["evaluator"]!.ToJsonString());
        Assert.Equal(0.8838591847319258, (double)json["seeds"]![0]!["totalScore"]!);
        Assert.Equal("evaluation failed (nan): the score is NaN", (string)json["seeds"]![1]!["note"]!);
        Assert.Equal(0.75, (double)json["passRate"]!);
        Assert.Equal("{\"failed\":1,\"evaluations\":4,\"reasons\":[{\"kind\":\"nan\",\"reason\":\"the score is NaN\",\"count\":1,\"exampleScenario\":\"quadratic\"," +
                     "\"exampleParams\":{\"x\":3.0},\"exampleSeed\":1}]}", json["failures"]!.ToJsonString());
        Assert.Equal("{\"name\":\"distance\",\"n\":3,\"mean\":1,\"sd\":0}", json["metrics"]![0]!.ToJsonString());
    }

    [Fact]
    public async Task Evaluate_through_the_model_refuses_a_typo_or_an_unknown_scenario_with_exit_code_2_before_any_evaluation()
    {
        var typo = await Cli.RunAsync("evaluate", "--evaluator", Sim, "--scenario", "quadratic", "--set", "xx=3.0", "--seeds", "0-1");
        var range = await Cli.RunAsync("evaluate", "--evaluator", Sim, "--scenario", "quadratic", "--set", "x=11.0", "--seeds", "0-1");
        var scenario = await Cli.RunAsync("evaluate", "--evaluator", Sim, "--scenario", "quadratc", "--seeds", "0-1");

        Assert.Equal((2, 2, 2), (typo.ExitCode, range.ExitCode, scenario.ExitCode));
        Assert.Contains("--set: Unknown parameter 'xx' for scenario 'quadratic'. Did you mean 'x'? In 'xx=3.0'.", typo.Error);
        Assert.Contains("Parameter 'x' = 11.0 is outside its valid range [0, 10].", range.Error);
        Assert.Contains("Unknown scenario 'quadratc'. Known scenarios: quadratic, shifted.", scenario.Error);
        Assert.All(new[] { typo, range, scenario }, r => Assert.DoesNotContain("Evaluated", r.Out + r.Error));
    }

    [Fact]
    public async Task Run_help_explains_the_evaluator()
    {
        var result = await Cli.RunAsync("run", "--help");

        Assert.Contains("--evaluator <command>", result.Out);
        Assert.Contains("Calibrate your own model", result.Out);
        Assert.Contains("--evaluation-timeout <seconds>", result.Out);
    }

    /// <summary>
    /// The conformance test: the README's stages on the built-in model, once in-process and once through
    /// <c>sweep serve-evaluator</c> as two process workers, give the same stage files and final JSON, byte for byte,
    /// and reports that differ only in the evaluator they name (and the timings). Short tiers keep it quick.
    /// </summary>
    [Fact]
    public async Task The_built_in_model_through_the_process_protocol_gives_byte_identical_results()
    {
        using var builtIn = new TempFolder();
        using var viaProtocol = new TempFolder();
        string[] sweep = ["--scenario", "baseline", "--stages", "behavioral:beta=0.5,1.0,2.5 max_M=2,4", "--periods", "200",
            "--stability-tiers", "6:4,3:6", "--workers", "2"];
        string serve = $"dotnet '{Path.Combine(AppContext.BaseDirectory, "sweep.dll")}' serve-evaluator";
        var bam = new Cli { Evaluator = new BamScenarioEvaluator(), Catalog = new BamScenarioCatalog() };

        var direct = await bam.Run(["run", .. sweep, "--output", builtIn.Path]);
        var process = await bam.Run(["run", .. sweep, "--evaluator", serve, "--output", viaProtocol.Path]);

        Assert.True(direct.ExitCode == 0, direct.ToString());
        Assert.True(process.ExitCode == 0, process.ToString());
        foreach (string file in new[] { "baseline_sweep_stage_behavioral.json", "baseline_sweep.json" })
        {
            Assert.Equal(File.ReadAllBytes(builtIn[file]), File.ReadAllBytes(viaProtocol[file]));
        }

        var a = JsonNode.Parse(File.ReadAllText(builtIn["baseline_sweep_report.json"]))!.AsObject();
        var b = JsonNode.Parse(File.ReadAllText(viaProtocol["baseline_sweep_report.json"]))!.AsObject();
        Assert.Equal("{\"name\":\"built-in\",\"version\":\"bam\"}", a["evaluator"]!.ToJsonString());
        Assert.Equal("{\"name\":\"serve-evaluator\",\"version\":\"built-in bam\"}", b["evaluator"]!.ToJsonString());
        foreach (var report in new[] { a, b })
        {
            report.Remove("evaluator");
            report.Remove("timingsSeconds");
        }

        Assert.Equal(a.ToJsonString(), b.ToJsonString());
    }
}
