using System.Text;
using SweepDomain.Evaluation;
using SweepTestKit;

namespace SweepCli.Tests;

public sealed class ResumeTests
{
    /// <summary>Scores like the test kit and counts what it is asked; cancels the run the first time stage B (which sweeps <c>n</c>) asks.</summary>
    private sealed class CountingEvaluator(Action? onStageB = null) : IScenarioEvaluator
    {
        private int _count;
        private int _stageB;

        public int Count => _count;

        public EvaluationScore Evaluate(EvaluationRequest request)
        {
            Interlocked.Increment(ref _count);
            if (onStageB is not null && request.Params.Contains("n") && Interlocked.Exchange(ref _stageB, 1) == 0)
            {
                onStageB();
            }

            return TestScenarios.Score(request);
        }
    }

    /// <summary>Three stages; C sweeps x again, so it reuses scores of stage A's candidates through the memo.</summary>
    private static string[] ThreeStages(string output, params string[] extra) =>
        ["run", "--scenario", "quadratic", "--periods", "10", "--stability-tiers", "3:3,2:5", "--output", output,
         "--stages", "A:x=0.1,0.3,0.5", "B:n=3,4", "C:x=0.3,0.5,0.7", .. extra];

    private static async Task<(CliResult Result, CountingEvaluator Evaluator)> Interrupted(string folder)
    {
        using var cancel = new CancellationTokenSource();
        var evaluator = new CountingEvaluator(cancel.Cancel);
        var result = await new Cli { Evaluator = evaluator, CancellationToken = cancel.Token, Time = new FrozenClock() }.Run(ThreeStages(folder));
        return (result, evaluator);
    }

    private static SortedDictionary<string, byte[]> Files(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes), StringComparer.Ordinal);

    private static void AssertSameFiles(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.All(expected, f => Assert.True(f.Value.SequenceEqual(actual[f.Key]), $"{f.Key} differs"));
    }

    [Fact]
    public async Task Resume_after_stage_A_of_three_writes_every_file_byte_for_byte_as_the_uninterrupted_run()
    {
        using var whole = new TempFolder();
        using var resumed = new TempFolder();
        var plain = new CountingEvaluator();
        var uninterrupted = await new Cli { Evaluator = plain, Time = new FrozenClock() }.Run(ThreeStages(whole.Path));
        Assert.True(uninterrupted.ExitCode == 0, uninterrupted.ToString());

        var (stopped, _) = await Interrupted(resumed.Path);
        Assert.True(stopped.ExitCode == 130, stopped.ToString());
        var second = new CountingEvaluator();
        var result = await new Cli { Evaluator = second, Time = new FrozenClock() }.Run(ThreeStages(resumed.Path, "--resume"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Stage 'A' (1/3) finished in an earlier run; not run again.", result.Out);
        var expected = Files(whole.Path);
        Assert.Contains("quadratic_sweep_report.json", expected.Keys);
        Assert.Contains(Path.Combine("quadratic_sweep_resume", "stage_3.json"), expected.Keys);
        // The summary's --base hint names the output folder, which differs between the two runs, and nothing else does.
        var actual = Files(resumed.Path);
        foreach (string summary in actual.Keys.Where(k => k.EndsWith(".md", StringComparison.Ordinal)).ToList())
        {
            actual[summary] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(actual[summary]).Replace(resumed.Path, whole.Path));
        }

        AssertSameFiles(expected, actual);

        // Stage A screens 3 candidates on seed 0 and brings 3 to 3 seeds, then 2 to 5: 3 + 6 + 4 = 13 evaluations, not run again.
        Assert.Equal(plain.Count - 13, second.Count);
    }

    [Fact]
    public async Task Resume_when_every_stage_finished_evaluates_nothing_and_rewrites_the_same_files()
    {
        using var folder = new TempFolder();
        var first = await new Cli { Evaluator = new CountingEvaluator(), Time = new FrozenClock() }.Run(ThreeStages(folder.Path));
        Assert.Equal(0, first.ExitCode);
        var before = Files(folder.Path);

        var evaluator = new CountingEvaluator();
        var again = await new Cli { Evaluator = evaluator, Time = new FrozenClock() }.Run(ThreeStages(folder.Path, "--resume"));

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(0, evaluator.Count);
        AssertSameFiles(before, Files(folder.Path));
    }

    [Fact]
    public async Task Resume_with_other_periods_is_refused_with_exit_2_naming_both_values_and_changes_nothing()
    {
        using var folder = new TempFolder();
        var (stopped, _) = await Interrupted(folder.Path);
        Assert.Equal(130, stopped.ExitCode);
        var before = Files(folder.Path);

        var args = ThreeStages(folder.Path, "--resume");
        args[Array.IndexOf(args, "--periods") + 1] = "20";
        var evaluator = new CountingEvaluator();
        var result = await new Cli { Evaluator = evaluator }.Run(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--periods 20 here, 10 in the folder's request", result.Error);
        Assert.Equal(0, evaluator.Count);
        AssertSameFiles(before, Files(folder.Path));
    }

    [Fact]
    public async Task Resume_with_another_stage_list_names_both_lists()
    {
        using var folder = new TempFolder();
        await Interrupted(folder.Path);

        var args = ThreeStages(folder.Path, "--resume");
        args[^2] = "C:x=0.3,0.9";
        var result = await new Cli { Evaluator = new CountingEvaluator() }.Run(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--stages A:x=0.1,0.3,0.5 B:n=3,4 C:x=0.3,0.9 here, A:x=0.1,0.3,0.5 B:n=3,4 C:x=0.3,0.5,0.7 in the folder's request", result.Error);
    }

    [Fact]
    public async Task Resume_on_a_folder_without_a_sweep_warns_and_runs_every_stage()
    {
        using var folder = new TempFolder();
        var evaluator = new CountingEvaluator();

        var result = await new Cli { Evaluator = evaluator }.Run(ThreeStages(folder.Path, "--resume"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("holds no sweep to resume; running from the first stage", result.Error);
        Assert.True(File.Exists(folder["quadratic_sweep.json"]));
    }

    [Fact]
    public async Task Rerun_without_resume_warns_that_the_finished_stage_is_run_again()
    {
        using var folder = new TempFolder();
        await Interrupted(folder.Path);
        var evaluator = new CountingEvaluator();

        var result = await new Cli { Evaluator = evaluator }.Run(ThreeStages(folder.Path));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("holds 1 finished stage of this same sweep; they are run again. Add --resume to keep them.", result.Error);
    }

    [Fact]
    public async Task Interrupted_run_writes_a_summary_and_page_of_stage_A_saying_how_to_finish()
    {
        using var folder = new TempFolder();

        var (result, _) = await Interrupted(folder.Path);

        Assert.True(result.ExitCode == 130, result.ToString());
        string resume = $"sweep run --scenario quadratic --periods 10 --stability-tiers 3:3,2:5 --output {folder.Path} --stages A:x=0.1,0.3,0.5 B:n=3,4 C:x=0.3,0.5,0.7 --resume";
        Assert.Contains($"To finish it: {resume}", result.Error);
        string summary = File.ReadAllText(folder["quadratic_sweep_summary.md"]);
        Assert.Contains("> **Interrupted after stage 1 of 3.** The stages after it did not run", summary);
        Assert.Contains($"To finish it, run `{resume}`", summary);
        Assert.Contains("## Configuration after stage 1", summary);
        Assert.Contains("| A |", summary);
        Assert.DoesNotContain("| B |", summary);
        string page = File.ReadAllText(folder["quadratic_sweep_report.html"]);
        Assert.Contains("\"interrupted\":\"Interrupted after stage 1 of 3. The stages after it did not run", page);
        Assert.False(File.Exists(folder["quadratic_sweep.json"]));
        Assert.False(File.Exists(folder["quadratic_sweep_report.json"]));
    }
}
