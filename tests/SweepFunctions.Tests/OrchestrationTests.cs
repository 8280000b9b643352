using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using SweepDomain;
using SweepDomain.Parameters;
using SweepDomain.Requests;
using SweepDomain.Sweep;
using SweepFunctions.Orchestration;
using SweepFunctions.Tests.Support;
using SweepTestKit;
using SweepHosting.Api;

namespace SweepFunctions.Tests;

/// <summary>The real orchestrator and activities on the in-process durable engine, with the test-kit scenarios.</summary>
[Collection(DurableCollection.Name)]
public sealed class OrchestrationTests(DurableAppFixture fixture)
{
    private const double Tolerance = 1e-12;

    private SweepAppHost App => fixture.App;

    [Fact]
    public async Task Sweep_TwoStages_CompletesWithTheWinnersOfTheInProcessEngine()
    {
        var plan = Plan(Requests.TwoStages().ToJsonString());
        var inProcess = await new SweepEngine(new RecordingEvaluator()).RunAsync(plan);

        var output = await RunAsync(plan, "two-stages");

        Assert.Equal(2, output.Stages.Count);
        Assert.Equal(ParamSet.Of(("x", 0.3)), output.Stages[0].WinnerParams);
        Close.Equal([0.953, 0.959, 0.965], output.Stages[0].SeedScores, Tolerance);
        Assert.Equal(0.959, output.Stages[0].MeanScore, Tolerance);
        Assert.Equal(0.006, output.Stages[0].StdScore, Tolerance);
        Assert.Equal(0.953246, output.Stages[0].CombinedScore, Tolerance);
        Assert.Equal(ParamSet.Of(("x", 0.3), ("n", 4)), output.Stages[1].WinnerParams);
        Assert.Equal(0.999, output.Stages[1].MeanScore, Tolerance);
        Assert.Equal(0.993006, output.Stages[1].CombinedScore, Tolerance);
        Assert.Equal(ParamSet.Of(("x", 0.3), ("n", 4)), output.Final);
        for (int i = 0; i < 2; i++)
        {
            AssertSameStage(inProcess.Stages[i].Result, output.Stages[i]);
        }

        Assert.Equal(inProcess.EvaluationsRequested, output.EvaluationsRequested);
        Assert.Equal(inProcess.EvaluationsExecuted, output.EvaluationsExecuted);
        Assert.Equal(
            ["two-stages/request.json", "two-stages/stages/01-A.json", "two-stages/stages/02-B.json", "two-stages/quadratic_sweep.json", "two-stages/report.json"],
            output.Blobs);
    }

    [Fact]
    public async Task Sweep_ActivityFailsOnce_IsRetriedAndCompletes()
    {
        var plan = Plan(Requests.OneStage().ToJsonString());
        int failuresBefore = App.Evaluator.Failures;
        App.Evaluator.FailNext(1);

        var output = await RunAsync(plan, "transient-fault");

        Assert.Equal(1, App.Evaluator.Failures - failuresBefore);
        Assert.Equal(ParamSet.Of(("x", 0.3)), output.Stages[0].WinnerParams);
        Assert.Equal(0.9519440355031139, output.Stages[0].CombinedScore, Tolerance);
    }

    [Fact]
    public async Task Sweep_WhileRunning_ShowsProgressAsCustomStatus()
    {
        var plan = Plan(Requests.Long().ToJsonString());
        await App.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SweepOrchestrator), new SweepInput("progress", plan, 50), new StartOrchestrationOptions("progress"));

        var seen = new List<SweepProgressView>();
        OrchestrationMetadata? state;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        do
        {
            await Task.Delay(10, timeout.Token);
            state = await App.Client.GetInstanceAsync("progress", getInputsAndOutputs: true, timeout.Token);
            if (state is { RuntimeStatus: OrchestrationRuntimeStatus.Running, SerializedCustomStatus: not null })
            {
                seen.Add(state.ReadCustomStatusAs<SweepProgressView>()!);
            }
        }
        while (state is null || !state.IsCompleted);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.NotEmpty(seen);
        Assert.All(seen, s =>
        {
            Assert.Matches(@"^stage [123] of 3 \([ABC]\): (screening|tier [123] of 3|done)$", s.Summary);
            Assert.Equal(184, s.EvaluationsPlanned);   // upper bound: stages of 4, 6 and 2 combinations plan 64 + 72 + 48
            Assert.InRange(s.EvaluationsExecuted, 0, s.EvaluationsRequested);
            Assert.Equal(s.Phase == "screening", s.BestParams is null);   // the best is known once screening is done
        });
    }

    [Fact]
    public async Task Sweep_WithCrossScenario_RecordsTheCrossFigures()
    {
        var body = Requests.OneStage();
        body["crossScenario"] = TestScenarios.Other;
        body["crossSeeds"] = 2;
        var plan = Plan(body.ToJsonString());

        var output = await RunAsync(plan, "cross");

        var cross = Assert.IsType<CrossScenarioResult>(output.Stages[0].CrossScenario);
        Assert.Equal(2, cross.Seeds);
        Assert.Equal([TestScenarios.Quadratic, TestScenarios.Other], cross.Scenarios.Select(s => s.Scenario));
        var other = cross.Scenarios[1];
        Close.Equal([0.793, 0.799], other.SeedScores, Tolerance);
        Assert.Equal(0.796, other.Mean, Tolerance);
        Assert.Equal(0.004242640687119289, other.Std, Tolerance);
        Assert.Equal(0.7926228580130531, other.Combined, Tolerance);
        Assert.Equal(1.0, other.PassRate);
        Assert.Equal(0.9519440355031139, cross.Scenarios[0].Combined, Tolerance);
        Assert.Contains(App.Evaluator.Seen, r => r.Scenario == TestScenarios.Other);
    }

    private async Task<SweepOutput> RunAsync(SweepPlan plan, string sweepId)
    {
        await App.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SweepOrchestrator), new SweepInput(sweepId, plan, 50), new StartOrchestrationOptions(sweepId));
        var state = await App.WaitForSweepAsync(sweepId);
        Assert.True(state.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"sweep {sweepId} ended {state.RuntimeStatus}: {state.FailureDetails}");
        return state.ReadOutputAs<SweepOutput>()!;
    }

    private static SweepPlan Plan(string json)
    {
        var errors = new ValidationErrors();
        var plan = SweepRequestValidator.Validate(SweepRequestJson.Parse(json, errors)!, TestScenarios.Catalog, errors);
        Assert.True(errors.IsEmpty, errors.ToString());
        return plan!;
    }

    private static void AssertSameStage(StageResult expected, StageResult actual)
    {
        Assert.Equal(expected.Label, actual.Label);
        Assert.Equal(expected.WinnerParams, actual.WinnerParams);
        Assert.Equal(expected.CombinedScore, actual.CombinedScore);
        Assert.Equal(expected.MeanScore, actual.MeanScore);
        Assert.Equal(expected.StdScore, actual.StdScore);
        Assert.Equal(expected.SeedScores, actual.SeedScores);
        Assert.Equal(expected.Improved, actual.Improved);
        Assert.Equal(expected.IncumbentCombined, actual.IncumbentCombined);
    }
}
