using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using SweepDomain;
using SweepDomain.Parameters;
using SweepDomain.Requests;
using SweepDomain.Results;
using SweepDomain.Sweep;
using SweepFunctions.Orchestration;
using SweepFunctions.Storage;
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
    public void Status_mid_phase_counts_the_phase_as_requested_so_that_executed_never_runs_ahead()
    {
        // 120 requested and run before the phase; the phase asks for 1,000 and 500 of them have come back.
        var progress = new SweepProgress(1, 2, "B", StagePhase.Screening, 1000, 120, 120, 1500, null, 1);

        var atStart = OrchestrationObserver.StatusOf(progress, 0);
        var midway = OrchestrationObserver.StatusOf(progress, 500);

        Assert.Equal((1120, 120), (atStart.EvaluationsRequested, atStart.EvaluationsExecuted));
        Assert.Equal((1120, 620), (midway.EvaluationsRequested, midway.EvaluationsExecuted));
    }

    [Fact]
    public async Task Sweep_TwoStages_CompletesWithTheWinnersOfTheInProcessEngine()
    {
        var plan = Plan(Requests.TwoStages().ToJsonString());
        var inProcess = await new SweepEngine(new RecordingEvaluator()).RunAsync(plan);

        var output = await RunAsync(plan, "two-stages");

        Assert.Equal(2, output.Stages.Count);
        Assert.Equal(ParamSet.Of(("x", 0.3)), output.Stages[0].Params);
        Assert.Equal(0.959, output.Stages[0].MeanScore!.Value, Tolerance);
        Assert.Equal(0.006, output.Stages[0].StdScore!.Value, Tolerance);
        Assert.Equal(0.953246, output.Stages[0].CombinedScore!.Value, Tolerance);
        Assert.Equal(ParamSet.Of(("x", 0.3), ("n", 4)), output.Stages[1].Params);
        Assert.Equal(0.999, output.Stages[1].MeanScore!.Value, Tolerance);
        Assert.Equal(0.993006, output.Stages[1].CombinedScore!.Value, Tolerance);
        Assert.Equal(ParamSet.Of(("x", 0.3), ("n", 4)), output.Final);
        await AssertSameAsInProcessAsync(inProcess, output);
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
        Assert.Equal(ParamSet.Of(("x", 0.3)), output.Stages[0].Params);
        Assert.Equal(0.9519440355031139, output.Stages[0].CombinedScore!.Value, Tolerance);
    }

    [Fact]
    public async Task Sweep_WhileRunning_ShowsProgressAsCustomStatus()
    {
        var plan = Plan(Requests.Long().ToJsonString());
        await App.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SweepOrchestrator), Input("progress", plan, batchSize: 2), new StartOrchestrationOptions("progress"));

        var seen = new List<SweepProgressView>();
        OrchestrationMetadata? state;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        do
        {
            await Task.Delay(10, timeout.Token);
            state = await App.Client.GetInstanceAsync("progress", getInputsAndOutputs: true, timeout.Token);
            if (state is { SerializedCustomStatus: not null })
            {
                seen.Add(state.ReadCustomStatusAs<SweepProgressView>()!);
            }
        }
        while (state is null || !state.IsCompleted);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.NotEmpty(seen);
        // Upper bound before any work: stages of 4, 6 and 2 combinations plan 64 + 72 + 48, less stage A's incumbent
        // (20), which is one of its combinations; as stages finish, the plan counts what they did.
        Assert.Equal(164, seen[0].EvaluationsPlannedAtMost);
        Assert.All(seen.Zip(seen.Skip(1)), pair => Assert.True(pair.Second.EvaluationsPlannedAtMost <= pair.First.EvaluationsPlannedAtMost, "the plan never grows"));
        Assert.All(seen, s =>
        {
            Assert.Matches(@"^stage [123] of 3 \([ABC]\): (screening|tier [123] of 3|done|saved)$", s.Summary);
            Assert.InRange(s.EvaluationsPlannedAtMost, s.EvaluationsRequested, 164);   // the plan bounds the work done so far
            Assert.InRange(s.EvaluationsExecuted, 0, s.EvaluationsRequested);   // never a negative "reused" count
            Assert.Equal(s.Phase == "screening", s.BestParams is null);   // the best is known once screening is done
            Assert.InRange(s.StagesFinished, s.Stage - 1, s.Stage);
        });

        // The finished sweep says all three stages are done; the executed count moved inside phases, batch by batch (stage
        // A's screening runs in batches of the initial 2; later calls are measured, and this evaluator is instant, so
        // each is one batch).
        var last = state.ReadCustomStatusAs<SweepProgressView>()!;
        Assert.Equal((3, "saved"), (last.StagesFinished, last.Phase));
        var output = state.ReadOutputAs<SweepOutput>()!;
        Assert.Equal((output.EvaluationsRequested, output.EvaluationsExecuted), (last.EvaluationsRequested, last.EvaluationsExecuted));
        // Its 5 evaluations go as batches of 2, 2 and 1, at most two at a time: some status shows 2 or 4 of them run.
        Assert.Contains(seen, s => s is { Stage: 1, Phase: "screening", EvaluationsRequested: 5, EvaluationsExecuted: 2 or 4 });
        // During tier 2 the leader shown is tier 1's, on 4 seeds, not the screening leader on 1.
        Assert.All(seen.Where(s => s.Phase == "tier 2 of 3"), s => Assert.Equal(4, s.BestSeeds));
    }

    [Fact]
    public async Task Sweep_WithCrossScenario_RecordsTheCrossFigures()
    {
        var body = Requests.OneStage();
        body["crossScenario"] = TestScenarios.Other;
        body["crossSeeds"] = 2;
        var plan = Plan(body.ToJsonString());

        var output = await RunAsync(plan, "cross");

        var cross = output.Stages[0].CrossScenario!;
        Assert.Equal([TestScenarios.Quadratic, TestScenarios.Other], cross.Select(s => s.Scenario));
        var other = cross[1];
        Assert.Equal(0.796, other.Mean, Tolerance);
        Assert.Equal(0.004242640687119289, other.Std, Tolerance);
        Assert.Equal(0.7926228580130531, other.Combined, Tolerance);
        Assert.Equal(1.0, other.PassRate);
        Assert.Equal(0.9519440355031139, cross[0].Combined, Tolerance);
        Assert.Contains(App.Evaluator.Seen, r => r.Scenario == TestScenarios.Other);

        var outcome = await OutcomeAsync(output, 0);
        Close.Equal([0.793, 0.799], outcome.Result.CrossScenario!.Scenarios[1].SeedScores, Tolerance);
    }

    [Fact]
    public async Task Racing_sweep_on_the_durable_engine_returns_exactly_what_the_CLI_engine_returns()
    {
        var plan = Plan("""{"scenario": "noisy", "stages": ["A:x=0.1,0.2,0.25,0.3,0.35,0.5 n=3,4", "B:n=4,5"], "periods": 10, "stabilityTiers": "8:20,4:50", "racing": true, "carryForward": "significant"}""");
        var inProcess = await new SweepEngine(new RecordingEvaluator()).RunAsync(plan);

        var output = await RunAsync(plan, "racing", batchSize: 7);

        await AssertSameAsInProcessAsync(inProcess, output);
        Assert.Equal(1, output.Stages[0].Racing!.Dropped);   // the incumbent, at 40 seeds
        Assert.Equal("significant", output.Stages[0].Decision!.Policy);
    }

    [Fact]
    public async Task Sweep_started_by_another_engine_version_fails_with_a_clear_message()
    {
        var plan = Plan(Requests.OneStage().ToJsonString());
        await App.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SweepOrchestrator), Input("old-engine", plan) with { EngineVersion = "1.0" }, new StartOrchestrationOptions("old-engine"));

        var state = await App.WaitForSweepAsync("old-engine");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, state.RuntimeStatus);
        Assert.StartsWith($"Sweep old-engine was started by sweep engine 1.0, and this host runs engine {SweepEngineVersion.Current}", state.FailureDetails!.ErrorMessage);
    }

    [Fact]
    public async Task Five_sweeps_at_once_finish_with_the_results_of_sweeps_run_one_by_one()
    {
        string[] bodies =
        [
            Requests.TwoStages().ToJsonString(),
            Requests.OneStage().ToJsonString(),
            """{"scenario": "noisy", "stages": ["A:x=0.2,0.3,0.4 n=3,4"], "periods": 10, "stabilityTiers": "4:10,2:20", "racing": true}""",
            """{"scenario": "noisy", "stages": ["A:x=0.25,0.3", "B:n=3,5"], "periods": 10, "stabilityTiers": "3:12", "crossScenario": "other", "crossSeeds": 3}""",
            """{"scenario": "quadratic", "stages": ["A:mode=plain,fancy", "B:x=0.2,0.4"], "periods": 10, "stabilityTiers": "2:3"}""",
        ];
        var plans = bodies.Select(Plan).ToList();
        var oneByOne = new List<SweepOutcome>();
        foreach (var plan in plans)
        {
            oneByOne.Add(await new SweepEngine(new RecordingEvaluator()).RunAsync(plan));
        }

        var outputs = await Task.WhenAll(plans.Select((plan, i) => RunAsync(plan, $"concurrent-{i}", batchSize: 4)));

        for (int i = 0; i < plans.Count; i++)
        {
            await AssertSameAsInProcessAsync(oneByOne[i], outputs[i]);
        }
    }

    private async Task<SweepOutput> RunAsync(SweepPlan plan, string sweepId, int batchSize = 50)
    {
        await App.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SweepOrchestrator), Input(sweepId, plan, batchSize), new StartOrchestrationOptions(sweepId));
        var state = await App.WaitForSweepAsync(sweepId);
        Assert.True(state.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"sweep {sweepId} ended {state.RuntimeStatus}: {state.FailureDetails}");
        return state.ReadOutputAs<SweepOutput>()!;
    }

    private static SweepInput Input(string sweepId, SweepPlan plan, int batchSize = 50) => new(sweepId, plan, batchSize, SweepEngineVersion.Current);

    internal static SweepPlan Plan(string json)
    {
        var errors = new ValidationErrors();
        var plan = SweepRequestValidator.Validate(SweepRequestJson.Parse(json, errors)!, TestScenarios.Catalog, errors);
        Assert.True(errors.IsEmpty, errors.ToString());
        return plan!;
    }

    private async Task<StageOutcome> OutcomeAsync(SweepOutput output, int stage) =>
        JsonSerializer.Deserialize<StageOutcome>((await App.Store.ReadTextAsync(output.Stages[stage].OutcomeBlob!))!, SweepReport.JsonOptions)!;

    /// <summary>Every stage's outcome blob holds, byte for byte, the outcome the in-process engine computed; so do the counts.</summary>
    private async Task AssertSameAsInProcessAsync(SweepOutcome expected, SweepOutput actual)
    {
        Assert.Equal(expected.Stages.Count, actual.Stages.Count);
        for (int i = 0; i < expected.Stages.Count; i++)
        {
            string blob = (await App.Store.ReadTextAsync(actual.Stages[i].OutcomeBlob!))!;
            Assert.Equal(JsonSerializer.Serialize(expected.Stages[i], SweepReport.JsonOptions) + "\n", blob);
            Assert.Equal(expected.Stages[i].Result.WinnerParams, actual.Stages[i].Params);
            Assert.Equal(expected.Stages[i].Result.Verdict, actual.Stages[i].Verdict);
        }

        Assert.Equal(expected.Final, actual.Final);
        Assert.Equal((expected.EvaluationsRequested, expected.EvaluationsExecuted), (actual.EvaluationsRequested, actual.EvaluationsExecuted));
    }
}
