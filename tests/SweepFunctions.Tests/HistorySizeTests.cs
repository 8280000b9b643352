using System.Globalization;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using SweepDomain.Sweep;
using SweepFunctions.Orchestration;
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
        // 34 activity calls at 2 events each, plus a few per episode: the screening as 20 batches of the initial 50, then,
        // measured (the test evaluator is instant), each tier as 4 batches (the fewest a call is cut into), and writing
        // the stage and the sweep.
        Assert.InRange(events, 68, 150);
        // Measured 449,681 bytes: 136 per evaluation, most of it screening (one config per evaluation); the bound is 150.
        Assert.InRange(payload, 1, 150 * 3299);
        Assert.InRange(input, 1, 16 * 1024);
        Assert.InRange(state.SerializedCustomStatus.Length, 1, 16 * 1024);
    }
}
