using SweepDomain.Evaluation;
using SweepTestKit;

namespace SweepCli.Tests;

public sealed class CancellationAndFailureTests
{
    /// <summary>Scores like the test kit; the first time stage B (which sweeps <c>n</c>) asks for a run, notes what is on disk and reacts.</summary>
    private sealed class StageBEvaluator(string stageAFile, Action onStageB) : IScenarioEvaluator
    {
        private int _seen;

        public bool StageAFileExistedWhenStageBStarted { get; private set; }

        public EvaluationScore Evaluate(EvaluationRequest request)
        {
            if (request.Params.Contains("n") && Interlocked.Exchange(ref _seen, 1) == 0)
            {
                StageAFileExistedWhenStageBStarted = File.Exists(stageAFile);
                onStageB();
            }

            return TestScenarios.Score(request);
        }
    }

    private static string[] TwoStages(string output, params string[] extra) =>
        ["run", "--scenario", "quadratic", "--periods", "10", "--stability-tiers", "3:3,2:5", "--output", output, "--stages", "A:x=0.1,0.3", "B:n=3,4", .. extra];

    [Fact]
    public async Task Run_CancelledDuringStageB_KeepsStageAOnDiskAndExits130()
    {
        using var folder = new TempFolder();
        using var cancel = new CancellationTokenSource();
        var evaluator = new StageBEvaluator(folder["quadratic_sweep_stage_A.json"], cancel.Cancel);

        var result = await new Cli { Evaluator = evaluator, CancellationToken = cancel.Token }.Run(TwoStages(folder.Path));

        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.True(evaluator.StageAFileExistedWhenStageBStarted);
        Assert.True(File.Exists(folder["quadratic_sweep_stage_A.json"]));
        Assert.True(File.Exists(folder["quadratic_sweep_stage_A.png"]));
        Assert.False(File.Exists(folder["quadratic_sweep_stage_B.json"]));
        Assert.False(File.Exists(folder["quadratic_sweep.json"]));
        Assert.Contains("1 of 2 stages finished", result.Error);
    }

    [Fact]
    public async Task Run_ModelThrows_ExitsWith1AndAOneLineReason()
    {
        using var folder = new TempFolder();
        var evaluator = new StageBEvaluator(folder["quadratic_sweep_stage_A.json"], () => throw new InvalidOperationException("the model exploded"));

        var result = await new Cli { Evaluator = evaluator }.Run(TwoStages(folder.Path));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: the model exploded", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Contains("1 of 2 stages finished", result.Error);
        Assert.True(File.Exists(folder["quadratic_sweep_stage_A.json"]));
    }

    [Fact]
    public async Task Run_ModelThrowsWithVerbose_ShowsTheExceptionDetail()
    {
        using var folder = new TempFolder();
        var evaluator = new StageBEvaluator(folder["quadratic_sweep_stage_A.json"], () => throw new InvalidOperationException("the model exploded"));

        var result = await new Cli { Evaluator = evaluator }.Run(TwoStages(folder.Path, "--verbose"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("System.InvalidOperationException: the model exploded", result.Error);
        Assert.Contains("   at ", result.Error);
    }
}
