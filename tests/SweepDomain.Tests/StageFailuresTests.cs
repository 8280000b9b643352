using System.Text.Json;
using SweepDomain.Evaluation;
using SweepDomain.Parameters;
using SweepDomain.Requests;
using SweepDomain.Results;
using SweepDomain.Sweep;
using SweepTestKit;

namespace SweepDomain.Tests;

/// <summary>A stage's failed evaluations grouped by reason, and each candidate's metrics with their n and sd.</summary>
public class StageFailuresTests
{
    /// <summary>The test scenarios' scores, with metrics, failing every seed 2 by a crash and x = 0.5 on seed 4 by a timeout.</summary>
    private sealed class FailingEvaluator : IEvaluator
    {
        public EvaluatorIdentity Identity { get; } = new("failing", "1.0");

        public Task<IReadOnlyList<EvaluationScore>> EvaluateAsync(IReadOnlyList<EvaluationRequest> requests, EvaluationPhase phase, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<EvaluationScore>>(requests.Select(Score).ToList());

        private static EvaluationScore Score(EvaluationRequest r)
        {
            double x = r.Params.TryGet("x", out var v) ? v.AsDouble : 0.5;
            if (r.Seed == 2)
            {
                return EvaluationScore.Failed(new EvaluationFailure(EvaluationFailure.Crash, "the worker exited with code 3", "loading\nstep 1\n\nstep 2\nboom at seed 2"));
            }

            if (r.Seed == 4 && x == 0.5)
            {
                return EvaluationScore.Failed(new EvaluationFailure(EvaluationFailure.Timeout, "no answer within 2 s; the worker was killed"));
            }

            return TestScenarios.Score(r) with { Metrics = new Dictionary<string, double> { ["gap"] = x + r.Seed / 100.0, ["alpha"] = 1.0 } };
        }
    }

    private static SweepPlan Plan()
    {
        var errors = new ValidationErrors();
        var plan = SweepRequestValidator.Validate(new SweepRequest
        {
            Scenario = TestScenarios.Quadratic,
            Stages = [new StageInput("A:x=0.1,0.3,0.5")],
            Periods = 50,
            StabilityTiers = "2:3,1:5",
        }, TestScenarios.Catalog, errors);
        Assert.True(errors.IsEmpty, errors.ToString());
        return plan!;
    }

    [Fact]
    public async Task A_stage_counts_its_failed_evaluations_by_reason_with_an_example_and_the_end_of_stderr()
    {
        var outcome = await new SweepEngine(new FailingEvaluator()).RunAsync(Plan());

        // Screening runs 3 evaluations on seed 0; tier 1 runs 0.3, 0.1 and the incumbent 0.5 on seeds 1-2 (6, of which
        // the 3 on seed 2 crash); the incumbent leads tier 1 (combined 0.1918 against 0.1904 for 0.3: its seed scores
        // spread less around the crash's 0), so tier 2 runs it alone on seeds 3-4 (2, of which seed 4 times out).
        var failures = Assert.Single(outcome.Stages).Failures!;
        Assert.Equal((4, 11), (failures.Failed, failures.Evaluations));
        Assert.Equal(2, failures.Reasons.Count);
        var crash = failures.Reasons[0];
        Assert.Equal(("crash", "the worker exited with code 3", 3), (crash.Kind, crash.Reason, crash.Count));
        Assert.Equal(("quadratic", "{x: 0.3}", 2), (crash.ExampleScenario, crash.ExampleParams.ToString(), crash.ExampleSeed));
        Assert.Equal("step 1\nstep 2\nboom at seed 2", crash.StderrTail);
        var timeout = failures.Reasons[1];
        Assert.Equal(("timeout", "no answer within 2 s; the worker was killed", 1, "{x: 0.5}", 4), (timeout.Kind, timeout.Reason, timeout.Count, timeout.ExampleParams.ToString(), timeout.ExampleSeed));
        Assert.Null(timeout.StderrTail);
    }

    [Fact]
    public async Task A_candidates_metrics_are_the_mean_and_sd_over_the_seeds_that_gave_them()
    {
        var outcome = await new SweepEngine(new FailingEvaluator()).RunAsync(Plan());

        var candidate = outcome.Stages[0].Candidates.Single(c => c.Params.Equals(outcome.Stages[0].Result.WinnerParams));
        // The winner, the incumbent x = 0.5: seeds 0, 1 and 3 gave metrics (2 crashed, 4 timed out): gap = 0.50, 0.51, 0.53.
        Assert.Equal("{x: 0.5}", candidate.Params.ToString());
        var metrics = candidate.Metrics!;
        Assert.Equal(["alpha", "gap"], metrics.Select(m => m.Name));
        Assert.Equal((3, 1.0, 0.0), (metrics[0].N, metrics[0].Mean, metrics[0].Sd));
        Assert.Equal(3, metrics[1].N);
        Assert.Equal(0.513333333333, metrics[1].Mean, 12);
        Assert.Equal(0.015275252317, metrics[1].Sd, 12);    // sqrt(0.00046667 / 2)
    }

    [Fact]
    public async Task A_model_without_metrics_or_failures_leaves_both_out_of_the_stage_json()
    {
        var outcome = await new SweepEngine(new RecordingEvaluator()).RunAsync(Plan());

        Assert.Null(outcome.Stages[0].Failures);
        Assert.All(outcome.Stages[0].Candidates, c => Assert.Null(c.Metrics));
        string json = JsonSerializer.Serialize(outcome.Stages[0], SweepReport.JsonOptions);
        Assert.DoesNotContain("\"failures\"", json);
        Assert.DoesNotContain("\"metrics\"", json);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("\n  \n", null)]
    [InlineData("a\nb\nc\nd\n", "b\nc\nd")]
    [InlineData("one\r\ntwo\r\n", "one\ntwo")]
    public void Stderr_keeps_its_last_three_non_blank_lines(string? stderr, string? expected) =>
        Assert.Equal(expected, StageFailures.Shorten(stderr));

    [Fact]
    public void A_long_stderr_tail_is_cut_at_the_front_to_240_characters()
    {
        string tail = StageFailures.Shorten(new string('a', 100) + new string('b', 300))!;

        Assert.Equal(240, tail.Length);
        Assert.Equal("…" + new string('b', 239), tail);
    }
}
