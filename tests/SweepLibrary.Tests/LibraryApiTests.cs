using System.Text.Json;
using System.Text.Json.Nodes;
using SweepCli;
using SweepDomain;
using SweepDomain.Selection;
using SweepDomain.Sweep;
using SweepHosting.Evaluation;
using SweepTestKit;

namespace SweepLibrary.Tests;

/// <summary>
/// <see cref="Sweep.RunAsync"/> on the test kit's scenarios: the same engine, validator and writers as <c>sweep run</c>,
/// so the same request gives the same files, and bad input the same messages.
/// </summary>
public sealed class LibraryApiTests : IDisposable
{
    private static readonly string[] StageTexts = ["A:x=0.1,0.3,0.5 n=2,4", "B:n=3,5"];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sweeplibrary-tests", Guid.NewGuid().ToString("N"));

    private static SweepOptions KitOptions(string? output = null) => new()
    {
        StabilityTiers = [(4, 3), (2, 6)],
        OutputDirectory = output,
        Evaluator = new ParallelEvaluator(new RecordingEvaluator(), 2),
        Catalog = TestScenarios.Catalog,
    };

    private static async Task<(int Code, string Out, string Error)> CliAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var services = new CliServices(TestScenarios.Catalog, new RecordingEvaluator(), ProcessorCount: 2);
        int code = await SweepApp.RunAsync(args, services, new CliConsole(stdout, stderr, IsTerminal: false));
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task The_library_and_sweep_run_write_byte_identical_result_files_for_the_same_request()
    {
        string viaCli = Path.Combine(_folder, "cli");
        string viaLibrary = Path.Combine(_folder, "library");
        var cli = await CliAsync(["run", "--scenario", "noisy", "--stages", .. StageTexts, "--stability-tiers", "4:3,2:6", "--workers", "2", "--output", viaCli]);
        Assert.True(cli.Code == 0, cli.Error);

        var results = await Sweep.RunAsync(null, Stages.Parse(StageTexts), "noisy", KitOptions(viaLibrary));

        string[] names = ["noisy_sweep_stage_A.json", "noisy_sweep_stage_A.png", "noisy_sweep_effects_A.png", "noisy_sweep_stage_B.json", "noisy_sweep_stage_B.png", "noisy_sweep.json", "noisy_sweep_report.json", "noisy_sweep_summary.md", "noisy_sweep_report.html"];
        Assert.Equal(names.Order(), Directory.GetFiles(viaCli).Select(Path.GetFileName).Order());
        Assert.Equal(names.Order(), Directory.GetFiles(viaLibrary).Select(Path.GetFileName).Order());
        Assert.Equal(names.Select(n => Path.Combine(viaLibrary, n)).Order(), results.Files.Order());
        foreach (string name in names.Where(n => n.EndsWith(".png") || (n.EndsWith(".json") && !n.EndsWith("_report.json"))))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(viaCli, name)).SequenceEqual(File.ReadAllBytes(Path.Combine(viaLibrary, name))), $"{name} differs");
        }

        // The report differs only in the wall-clock timings.
        Assert.Equal(WithoutTimings(Path.Combine(viaCli, "noisy_sweep_report.json")), WithoutTimings(Path.Combine(viaLibrary, "noisy_sweep_report.json")));
        Assert.Equal(["A", "B"], results.Select(r => r.Label));
        Assert.Equal([6, 2], results.Select(r => r.NCandidates));
        Assert.Equal(results[1].WinnerParams, results.Final);
        Assert.Equal(results.Report.Final, results.Final);
    }

    /// <summary>Scores like the test kit and counts; cancels the first time stage B's <c>n = 3</c> is asked for.</summary>
    private sealed class StopAtStageB(CancellationTokenSource? cancel) : SweepDomain.Evaluation.IScenarioEvaluator
    {
        private int _count;

        public int Count => _count;

        public SweepDomain.Evaluation.EvaluationScore Evaluate(SweepDomain.Evaluation.EvaluationRequest request)
        {
            Interlocked.Increment(ref _count);
            if (request.Params.TryGet("n", out var n) && n.AsDouble == 3)
            {
                cancel?.Cancel();
            }

            return TestScenarios.Score(request);
        }
    }

    [Fact]
    public async Task Resume_finishes_a_cancelled_sweep_with_the_report_of_an_uninterrupted_one_without_rerunning_stage_A()
    {
        string whole = Path.Combine(_folder, "whole");
        string resumed = Path.Combine(_folder, "resumed");
        var plain = new StopAtStageB(null);
        await Sweep.RunAsync(null, Stages.Parse(StageTexts), "noisy", KitOptions(whole) with { Evaluator = new ParallelEvaluator(plain, 2) });
        using var cancel = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Sweep.RunAsync(null, Stages.Parse(StageTexts), "noisy", KitOptions(resumed) with { Evaluator = new ParallelEvaluator(new StopAtStageB(cancel), 2) }, cancellationToken: cancel.Token));
        Assert.True(File.Exists(Path.Combine(resumed, "noisy_sweep_stage_A.json")));
        Assert.False(File.Exists(Path.Combine(resumed, "noisy_sweep.json")));

        var second = new StopAtStageB(null);
        var results = await Sweep.RunAsync(null, Stages.Parse(StageTexts), "noisy", KitOptions(resumed) with { Evaluator = new ParallelEvaluator(second, 2), Resume = true });

        Assert.Equal(WithoutTimings(Path.Combine(whole, "noisy_sweep_report.json")), WithoutTimings(Path.Combine(resumed, "noisy_sweep_report.json")));
        Assert.Equal(["A", "B"], results.Select(r => r.Label));
        // Stage A ran 23 evaluations (its 6 candidates and the incumbent screened, then the tiers); none is run again.
        Assert.Equal(23, results[0].EvaluationsExecuted);
        Assert.Equal(plain.Count - 23, second.Count);
    }

    [Fact]
    public async Task Resume_of_a_directory_written_with_other_tiers_throws_naming_both()
    {
        string output = Path.Combine(_folder, "other");
        await Sweep.RunAsync(null, Stages.Parse(StageTexts), "noisy", KitOptions(output));

        var error = await Assert.ThrowsAsync<InvalidSweepInputException>(() =>
            Sweep.RunAsync(null, Stages.Parse(StageTexts), "noisy", KitOptions(output) with { StabilityTiers = [(4, 3), (2, 8)], Resume = true }));

        Assert.Contains("--stability-tiers 4:3,2:8 here, 4:3,2:6 in the folder's request", Assert.Single(error.Errors.ToDictionary()["Resume"]));
    }

    private static string WithoutTimings(string reportFile)
    {
        var report = JsonNode.Parse(File.ReadAllText(reportFile))!.AsObject();
        Assert.True(report.Remove("timingsSeconds"));
        return report.ToJsonString();
    }

    [Fact]
    public async Task Bad_input_throws_before_any_evaluation_with_the_messages_sweep_run_prints()
    {
        var evaluator = new RecordingEvaluator();
        var options = KitOptions() with { Periods = 0, RankBy = "best", Evaluator = evaluator };
        var error = await Assert.ThrowsAsync<InvalidSweepInputException>(() =>
            Sweep.RunAsync(SweepDomain.Parameters.ParamSet.Of(("n", 2.5)), Stages.Parse(["A:xx=0.1,0.2"]), "quadratic", options));

        var errors = error.Errors.ToDictionary();
        Assert.Equal(["Unknown parameter 'xx' in 'A:xx=0.1,0.2' for scenario 'quadratic'. Did you mean 'x'?"], errors["stages[0]"]);
        Assert.Equal(["Must be a whole number of at least 1; got 0."], errors["periods"]);
        Assert.Equal(["stages[0]", "base", "periods", "rankBy"], errors.Keys);
        Assert.Empty(evaluator.Seen);

        var cli = await CliAsync("run", "--scenario", "quadratic", "--stages", "A:xx=0.1,0.2", "--periods", "0", "--rank-by", "best", "--base", WriteBase("{\"n\": 2.5}"));
        Assert.Equal(2, cli.Code);
        foreach (string message in errors.Values.SelectMany(m => m))
        {
            Assert.Contains(message, cli.Error);
        }
    }

    private string WriteBase(string paramsJson)
    {
        Directory.CreateDirectory(_folder);
        string path = Path.Combine(_folder, "base.json");
        File.WriteAllText(path, $"{{\"scenario\": \"quadratic\", \"results\": [{{\"params\": {paramsJson}, \"single_score\": 0.0}}]}}");
        return path;
    }

    [Fact]
    public void Stages_parse_reports_every_bad_stage_at_once_quoting_each()
    {
        var error = Assert.Throws<InvalidSweepInputException>(() => Stages.Parse(["A beta=1", "B:beta=1,1", "C:beta=2", "c:max_M=2"]));
        Assert.Equal(
            [
                "stages[0]: Missing ':' after the label in 'A beta=1'. Write LABEL:param=v1,v2.",
                "stages[1]: Parameter 'beta' lists the value 1 more than once in 'B:beta=1,1'.",
                "stages: Label 'C' is used by 2 stages ('C:beta=2', 'c:max_M=2'); each stage needs its own label.",
            ],
            error.Errors.Lines());
    }

    [Fact]
    public void A_parsed_stage_keeps_its_label_its_grid_in_order_and_ints_apart_from_floats()
    {
        var (label, grid) = Stages.Parse("behavioral:beta=0.5,1.0,2.5 max_M=2,4");
        Assert.Equal("behavioral", label);
        Assert.Equal(["beta", "max_M"], grid.Select(a => a.Name));
        Assert.Equal("0.5 1.0 2.5", string.Join(' ', grid[0].Values));
        Assert.All(grid[0].Values, v => Assert.Equal(SweepDomain.Parameters.ParamKind.Float, v.Kind));
        Assert.All(grid[1].Values, v => Assert.Equal(SweepDomain.Parameters.ParamKind.Int, v.Kind));
        Assert.Equal(6, Stages.Parse("behavioral:beta=0.5,1.0,2.5 max_M=2,4").CombinationCount);
    }

    [Fact]
    public void Every_option_reaches_the_plan()
    {
        var plan = Sweep.Plan(null, Stages.Parse(["A:x=0.1,0.2"]), "quadratic", KitOptions() with
        {
            Periods = 120, StabilityTiers = [(5, 4), (2, 8)], RankBy = "mean", KFactor = 0.5, CrossScenario = "other", CrossSeeds = 6,
            CarryForward = "significant", Alpha = 0.1, Racing = true, RaceBlock = 4,
        });
        Assert.Equal(120, plan.Periods);
        Assert.Equal([new StabilityTier(5, 4), new StabilityTier(2, 8)], plan.Tiers);
        Assert.Equal(RankBy.Mean, plan.RankBy);
        Assert.Equal(0.5, plan.KFactor);
        Assert.Equal("other", plan.CrossScenario);
        Assert.Equal(6, plan.CrossSeeds);
        Assert.Equal(CarryForward.Significant, plan.CarryForward);
        Assert.Equal(0.1, plan.Alpha);
        Assert.True(plan.Racing);
        Assert.Equal(4, plan.RaceBlock);
    }

    [Fact]
    public void An_evaluator_without_its_catalog_and_zero_workers_are_rejected()
    {
        var error = Assert.Throws<InvalidSweepInputException>(() =>
            Sweep.Plan(null, Stages.Parse(["A:beta=1.0,2.0"]), "baseline", new SweepOptions { Evaluator = new RecordingEvaluator(), Workers = 0 }));
        Assert.Equal(
            ["evaluator: Give both the evaluator and the catalog of its scenarios, or neither (the built-in model).", "workers: Must be at least 1; got 0."],
            error.Errors.Lines());
    }

    [Fact]
    public async Task A_sweep_runs_on_the_given_evaluator_and_reports_each_phase()
    {
        var evaluator = new RecordingEvaluator();
        var phases = new List<string>();
        var results = await Sweep.RunAsync(
            [new("n", 2)], [new Stage("A", [new SweepDomain.Stages.GridAxis("x", [0.1, 0.3])])], "quadratic",
            KitOptions() with { Evaluator = evaluator }, new SyncProgress(p => phases.Add($"{p.StageLabel}: {p.PhaseText}")));

        Assert.Equal(["A: screening", "A: tier 1 of 2", "A: tier 2 of 2", "A: done"], phases);
        Assert.All(evaluator.Seen, r => Assert.Equal("quadratic", r.Scenario));
        var stage = Assert.Single(results);
        Assert.Equal("{n: 2, x: 0.3}", stage.WinnerParams.ToString());
        Assert.True(stage.Improved);
        Assert.Equal(2, stage.NCandidates);
        Assert.Empty(results.Files);
    }

    /// <summary>An <see cref="IProgress{T}"/> that reports at once, on the caller's thread (Progress&lt;T&gt; posts).</summary>
    private sealed class SyncProgress(Action<SweepProgress> report) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => report(value);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
