using System.Diagnostics;
using SweepDomain.Evaluation;
using SweepDomain.Parameters;
using SweepHosting.Evaluation.Protocol;
using SweepTestKit;

namespace SweepHosting.Tests;

/// <summary>The process evaluator against the test simulator (tests/simulator/sim.py, Debian's python3), well-behaved and misbehaving.</summary>
public sealed class ProcessEvaluatorTests
{
    public static EvaluatorCommand Sim(params string[] flags) => new("python3", [TestSimulator.Script, .. flags]);

    private static ProcessEvaluatorOptions Options(EvaluatorCommand command, int workers = 2, double timeoutSeconds = 10, int retries = 20) =>
        new(command, workers, TimeSpan.FromSeconds(timeoutSeconds), TimeSpan.FromSeconds(20), retries);

    private static List<EvaluationRequest> Requests(int seeds, double x = 3.0) =>
        Enumerable.Range(0, seeds).Select(s => new EvaluationRequest("quadratic", ParamSet.Of(("x", x)), s, 10)).ToList();

    [Fact]
    public async Task Describe_gives_the_models_name_version_and_scenarios()
    {
        await using var evaluator = await ProcessEvaluator.StartAsync(Options(Sim("--name", "my-model", "--version", "2.1")), CancellationToken.None);

        Assert.Equal(new EvaluatorIdentity("my-model", "2.1"), evaluator.Identity);
        Assert.Equal(["quadratic", "shifted"], evaluator.Catalog.Names);
        var x = evaluator.Catalog.Find("quadratic")!.Find("x")!;
        Assert.Equal((ParamType.Float, 5.0, 0.0, 10.0), (x.Type, x.Default.AsDouble, x.Min, x.Max));
        Assert.Equal(["smooth", "rough"], evaluator.Catalog.Find("quadratic")!.Find("mode")!.Choices!);
    }

    [Fact]
    public async Task Scores_do_not_depend_on_the_number_of_workers_or_the_order()
    {
        var requests = Requests(12).Concat(Requests(12, x: 6.0)).ToList();
        await using var one = await ProcessEvaluator.StartAsync(Options(Sim(), workers: 1), CancellationToken.None);
        await using var three = await ProcessEvaluator.StartAsync(Options(Sim(), workers: 3), CancellationToken.None);

        var byOne = await one.EvaluateAsync(requests, EvaluationPhase.Screening, CancellationToken.None);
        var reversed = await three.EvaluateAsync(requests.AsEnumerable().Reverse().ToList(), EvaluationPhase.Screening, CancellationToken.None);

        Assert.Equal(byOne.Select(s => s.TotalScore), reversed.Reverse().Select(s => s.TotalScore));
        // seed 0 at x = 3: exp(-1/8) * 0.98 + the noise 0.019012220199022302 (seed 0's, plus this configuration's on seed 0)
        Assert.Equal(0.8838591847319258, byOne[0].TotalScore, 15);
        Assert.Equal(1.0, byOne[0].Metrics!["distance"]);
        Assert.True(byOne[0].Passed);
    }

    [Theory]
    [InlineData("crash", EvaluationFailure.Crash, "exited with code 3")]
    [InlineData("hang", EvaluationFailure.Timeout, "no answer within 1 s")]
    [InlineData("garbage", EvaluationFailure.Garbage, "this is not the protocol")]
    [InlineData("wrong-id", EvaluationFailure.WrongId, "expected")]
    [InlineData("nan", EvaluationFailure.NotFinite, "the score is NaN")]
    [InlineData("refuse", EvaluationFailure.Refused, "refused as told")]
    public async Task A_misbehaving_evaluation_is_recorded_as_failed_and_the_others_are_kept(string fault, string kind, string reason)
    {
        await using var evaluator = await ProcessEvaluator.StartAsync(Options(Sim("--fault", $"{fault}@seed=2"), timeoutSeconds: 1), CancellationToken.None);

        var scores = await evaluator.EvaluateAsync(Requests(8), EvaluationPhase.Screening, CancellationToken.None);

        var failed = scores[2];
        Assert.Equal(kind, failed.Failure!.Kind);
        Assert.Contains(reason, failed.Failure.Reason);
        Assert.Equal(0, failed.TotalScore);
        Assert.False(failed.Passed);
        Assert.All(scores.Where((_, i) => i != 2), s => Assert.Null(s.Failure));
        // Worker-level faults are retried once, fail again, and cost one retry; answers (NaN, refusal) are not retried.
        bool workerFault = kind is EvaluationFailure.Crash or EvaluationFailure.Timeout or EvaluationFailure.Garbage or EvaluationFailure.WrongId;
        Assert.Equal(workerFault ? 1 : 0, evaluator.Retries);
        Assert.Equal(workerFault ? 2 : 0, evaluator.Restarts);
    }

    [Fact]
    public async Task A_crash_keeps_the_tail_of_the_models_stderr()
    {
        await using var evaluator = await ProcessEvaluator.StartAsync(Options(Sim("--fault", "crash@seed=1")), CancellationToken.None);

        var scores = await evaluator.EvaluateAsync(Requests(3), EvaluationPhase.Screening, CancellationToken.None);

        Assert.Contains("crashing on id=", scores[1].Failure!.StderrTail);
    }

    [Fact]
    public async Task A_hang_is_detected_at_the_time_limit_and_the_worker_is_killed()
    {
        await using var evaluator = await ProcessEvaluator.StartAsync(Options(Sim("--fault", "hang@seed=0"), workers: 1, timeoutSeconds: 1, retries: 0), CancellationToken.None);
        int hungPid = evaluator.ProcessIds.Single();
        var clock = Stopwatch.StartNew();

        var scores = await evaluator.EvaluateAsync(Requests(2), EvaluationPhase.Screening, CancellationToken.None);

        Assert.True(clock.Elapsed.TotalSeconds >= 1.0, $"answered after {clock.Elapsed.TotalSeconds:F1} s, before the 1 s limit");   // not before the limit; how long a restart of python takes depends on the machine
        Assert.Equal(EvaluationFailure.Timeout, scores[0].Failure!.Kind);
        Assert.Null(scores[1].Failure);
        Assert.False(IsRunning(hungPid));
    }

    [Fact]
    public async Task A_transient_crash_is_retried_on_a_fresh_worker_and_succeeds()
    {
        string once = Path.Combine(Path.GetTempPath(), $"sim-once-{Guid.NewGuid():N}");
        await using var evaluator = await ProcessEvaluator.StartAsync(Options(Sim("--fault", "crash@seed=1", "--fault-once", once)), CancellationToken.None);

        var scores = await evaluator.EvaluateAsync(Requests(4), EvaluationPhase.Screening, CancellationToken.None);

        Assert.All(scores, s => Assert.Null(s.Failure));
        Assert.Equal((1, 1), (evaluator.Retries, evaluator.Restarts));
        File.Delete(once);
    }

    [Fact]
    public async Task A_slow_start_within_the_start_limit_is_waited_for()
    {
        var options = Options(Sim("--slow-start", "1.5")) with { StartTimeout = TimeSpan.FromSeconds(60) };
        await using var evaluator = await ProcessEvaluator.StartAsync(options, CancellationToken.None);

        Assert.Equal("test-sim", evaluator.Identity.Name);
    }

    [Fact]
    public async Task A_start_slower_than_the_start_limit_is_a_clear_error()
    {
        var options = Options(Sim("--slow-start", "30")) with { StartTimeout = TimeSpan.FromSeconds(1) };

        var e = await Assert.ThrowsAsync<EvaluatorStartException>(() => ProcessEvaluator.StartAsync(options, CancellationToken.None));

        Assert.Contains("did not answer 'describe' within 1 s", e.Message);
    }

    [Fact]
    public async Task A_command_that_does_not_exist_is_a_clear_error()
    {
        var e = await Assert.ThrowsAsync<EvaluatorStartException>(() => ProcessEvaluator.StartAsync(Options(new EvaluatorCommand("no-such-model-xyz", [])), CancellationToken.None));

        Assert.Contains("Cannot start the evaluator 'no-such-model-xyz'", e.Message);
    }

    [Fact]
    public async Task A_model_that_fails_every_evaluation_stops_after_the_first_five()
    {
        await using var evaluator = await ProcessEvaluator.StartAsync(Options(Sim("--fault", "nan@always"), workers: 1), CancellationToken.None);

        var e = await Assert.ThrowsAsync<EvaluatorFailedException>(() => evaluator.EvaluateAsync(Requests(50), EvaluationPhase.Screening, CancellationToken.None));

        Assert.StartsWith("The first 5 evaluations all failed", e.Message);
    }

    [Fact]
    public async Task A_stage_stops_when_more_than_a_tenth_of_its_evaluations_fail()
    {
        // Seeds 0..19 pass; then x = 7 fails on every seed: 3 of 23 (13 %) is over 10 %.
        await using var evaluator = await ProcessEvaluator.StartAsync(Options(Sim("--fault", "nan@x=7")), CancellationToken.None);
        await evaluator.EvaluateAsync(Requests(20), EvaluationPhase.Screening, CancellationToken.None);
        var twoFail = await evaluator.EvaluateAsync(Requests(2, x: 7.0), EvaluationPhase.Tier, CancellationToken.None);   // 2 of 22: 9 %, goes on

        var e = await Assert.ThrowsAsync<EvaluatorFailedException>(() => evaluator.EvaluateAsync(Requests(1, x: 7.0), EvaluationPhase.Tier, CancellationToken.None));

        Assert.All(twoFail, s => Assert.Equal(EvaluationFailure.NotFinite, s.Failure!.Kind));
        Assert.StartsWith("3 of the stage's 23 evaluations failed, more than the 10 % allowed", e.Message);
    }

    [Fact]
    public async Task Cancelling_kills_every_worker_and_leaves_no_process_behind()
    {
        var evaluator = await ProcessEvaluator.StartAsync(Options(Sim("--fault", "hang@always"), workers: 2, timeoutSeconds: 60), CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var running = evaluator.EvaluateAsync(Requests(4), EvaluationPhase.Screening, cancel.Token);
        await WaitUntil(() => evaluator.ProcessIds.Count == 2);
        var pids = evaluator.ProcessIds.ToList();

        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        await evaluator.DisposeAsync();
        Assert.All(pids, pid => Assert.False(IsRunning(pid), $"worker {pid} is still running"));
    }

    [Fact]
    public async Task Disposing_ends_idle_workers()
    {
        var evaluator = await ProcessEvaluator.StartAsync(Options(Sim(), workers: 2), CancellationToken.None);
        await evaluator.EvaluateAsync(Requests(4), EvaluationPhase.Screening, CancellationToken.None);
        var pids = evaluator.ProcessIds.ToList();

        await evaluator.DisposeAsync();

        Assert.Equal(2, pids.Count);
        Assert.All(pids, pid => Assert.False(IsRunning(pid)));
    }

    public static bool IsRunning(int pid) => Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ");

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (int i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }
}
