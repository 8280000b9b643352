using System.Globalization;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using SweepDomain.Evaluation;
using SweepDomain.Parameters;
using SweepDomain.Sweep;
using SweepFunctions.Activities;
using SweepFunctions.Orchestration;
using SweepFunctions.Scores;
using SweepFunctions.Tests.Support;
using Xunit.Abstractions;

namespace SweepFunctions.Tests;

/// <summary>The orchestration history stays bounded: one stage per execution, configs once per batch, scores in columns.</summary>
[Collection(DurableCollection.Name)]
public sealed class HistorySizeTests(DurableAppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_stage_of_a_thousand_candidates_with_the_default_tiers_keeps_its_history_under_the_stated_bound()
    {
        string values = string.Join(',', Enumerable.Range(0, 1000).Select(i => (i / 1000.0).ToString("0.000", CultureInfo.InvariantCulture)));
        var plan = OrchestrationTests.Plan($$"""{"scenario": "quadratic", "stages": ["A:x={{values}}"], "periods": 10}""");
        await fixture.App.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SweepOrchestrator),
            new SweepInput("history-1000", plan, 50, SweepEngineVersion.Current), new StartOrchestrationOptions("history-1000"));

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var state = await fixture.App.Client.WaitForInstanceCompletionAsync("history-1000", getInputsAndOutputs: true, timeout.Token);
        int events = fixture.App.HistoryEvents("history-1000");
        long payload = fixture.App.ActivityPayloadBytes("history-1000");
        long input = JsonSerializer.SerializeToUtf8Bytes(new SweepInput("history-1000", plan, 50, SweepEngineVersion.Current)).Length;
        var result = state.ReadOutputAs<SweepOutput>()!;
        output.WriteLine($"1000 candidates, tiers {string.Join(',', plan.Tiers)}: {result.EvaluationsRequested} evaluations; " +
                         $"history {events} events; activity inputs and outputs {payload:N0} bytes; orchestration input {input:N0} bytes, " +
                         $"output {state.SerializedOutput!.Length:N0} characters, custom status {state.SerializedCustomStatus!.Length:N0} characters");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        // 1000 screened; the incumbent x = 0.5 ranks outside every top, so it joins each tier: 101 × 9, 51 × 10, 11 × 80.
        Assert.Equal(3299, result.EvaluationsRequested);
        // 25 activity calls at 2 events each, plus a few per episode: the screening as 20 batches of the initial 50, then,
        // measured (the test evaluator is instant, so no tier has much work), each tier as one batch, and writing the
        // stage and the sweep.
        Assert.InRange(events, 50, 130);
        // Measured 449,681 bytes: 136 per evaluation, most of it screening (one config per evaluation); the bound is 150.
        Assert.InRange(payload, 1, 150 * 3299);
        Assert.InRange(input, 1, 16 * 1024);
        Assert.InRange(state.SerializedCustomStatus.Length, 1, 16 * 1024);
    }

    /// <summary>
    /// The limits allow one evaluator call as many batches as <see cref="BatchSizing.MaxBatches"/> (4,000). The in-process
    /// engine takes minutes to run that many activities (it replays the whole history for each few completions), so the
    /// fan-in itself is driven here, at that size, with a context whose activity results the test hands back in reverse
    /// order: every batch is scheduled once, the scores come back in request order, and the fan-in's work grows linearly
    /// with the batches. Its work is counted as the bytes it allocates on the thread that completes the batches (where
    /// the continuations run): a fan-in that scanned the pending calls for each completion (Task.WhenAny over a list)
    /// allocates in proportion to the square of the batches.
    /// </summary>
    [Fact]
    public async Task Fan_in_of_four_thousand_batches_takes_each_once_in_request_order_with_linear_work()
    {
        var (small, smallBytes) = await Task.Run(() => FanIn(1000));
        var (large, largeBytes) = await Task.Run(() => FanIn(4000));
        output.WriteLine($"fan-in allocations: 1,000 batches {smallBytes:N0} bytes, 4,000 batches {largeBytes:N0} bytes ({largeBytes / (double)smallBytes:F2}x)");

        Assert.Equal(4000, large.Calls);
        Assert.Equal(4000, large.StatusUpdates - 1);
        Assert.Equal(Enumerable.Range(0, 4000).Select(i => (double)i), large.Totals);
        Assert.Equal(new BatchTiming(4.0, 4000), large.Timing with { Seconds = Math.Round(large.Timing.Seconds, 9) });
        // Four times the batches, at most five times the work, and under 2 KB per batch. Measured: 657,888 and 2,616,800
        // bytes (3.98x); the Task.WhenAny fan-in this replaced allocated 4,918,136 and 67,669,944 (13.76x).
        Assert.InRange(largeBytes, 1, 5 * smallBytes);
        Assert.InRange(largeBytes, 1, 2048L * 4000);
    }

    private sealed record FanInRun(int Calls, int StatusUpdates, IReadOnlyList<double> Totals, BatchTiming Timing);

    /// <summary>
    /// Schedules <paramref name="batches"/> one-evaluation batches through <see cref="DurableEvaluator"/>, then completes
    /// them from last to first on this thread, counting the bytes this thread allocates while doing so.
    /// </summary>
    private static (FanInRun Run, long Bytes) FanIn(int batches)
    {
        var context = new FanInContext();
        var observer = new OrchestrationObserver(context, "fan-in");
        observer.OnProgressAsync(new SweepProgress(0, 1, "A", StagePhase.Screening, batches, 0, 0, batches, null, 0)).GetAwaiter().GetResult();
        var evaluator = new DurableEvaluator(context, "fan-in", 0, 1, BatchTiming.None, observer);
        var requests = Enumerable.Range(0, batches).Select(i => new EvaluationRequest("quadratic", ParamSet.Empty, i, 10)).ToList();

        var scores = evaluator.EvaluateAsync(requests, EvaluationPhase.Screening, CancellationToken.None);
        var calls = context.Calls.ToList();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = calls.Count - 1; i >= 0; i--)
        {
            calls[i].Result.SetResult(new EvaluatedBatch(new ScoreColumns([i], [1], [0], [0]), 0.001));
        }

        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(scores.IsCompletedSuccessfully, "The fan-in finished on the thread that completed the last batch.");
        return (new FanInRun(calls.Count, context.StatusUpdates, scores.Result.Select(s => s.TotalScore).ToList(), evaluator.Timing), bytes);
    }
}
