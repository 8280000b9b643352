using System.Text.Json;
using Microsoft.DurableTask.Client;
using SweepDomain;
using SweepDomain.Parameters;
using SweepDomain.Requests;
using SweepFunctions.Schedules;
using SweepFunctions.Storage;
using SweepFunctions.Tests.Support;

namespace SweepFunctions.Tests;

/// <summary>Scheduled recalibration: schedule blobs in Azurite, sweeps on the in-process durable engine, a set clock.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ScheduleTests(AzuriteAppFixture fixture)
{
    private const string Nightly = """
        {"cron": "0 0 3 * * *", "request": {"scenario": "quadratic", "stages": ["A:x=0.1,0.3"], "periods": 10, "stabilityTiers": "2:2"}}
        """;

    private static readonly DateTimeOffset MondayAt0310 = new(2026, 3, 2, 3, 10, 0, TimeSpan.Zero);

    private SweepAppHost App => fixture.App;

    private ScheduleRunner Runner => App.Create<ScheduleRunner>();

    [Fact]
    public async Task DueSchedule_Fires_StartsItsSweepOnceWithTheDueTimeInItsId()
    {
        await fixture.RequireStorageAsync();
        await using var schedules = await WriteSchedulesAsync(("nightly", Nightly));
        App.Clock.Now = MondayAt0310;

        var firing = Assert.Single(await Runner.RunAsync(App.Client));

        Assert.Equal(new ScheduleFiring("nightly", FiringResult.Started, "nightly-20260302T0300Z"), firing);
        var state = await App.WaitForSweepAsync("nightly-20260302T0300Z");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Contains("\"instanceId\": \"nightly-20260302T0300Z\"", await App.Store.ReadTextAsync("nightly-20260302T0300Z/request.json"));
        Assert.NotNull(await App.Store.ReadTextAsync("nightly-20260302T0300Z/quadratic_sweep.json"));
    }

    [Fact]
    public async Task SecondFiring_SameDueTime_StartsNothingNew()
    {
        await fixture.RequireStorageAsync();
        await using var schedules = await WriteSchedulesAsync(("twice", Nightly));
        App.Clock.Now = MondayAt0310;
        var first = Assert.Single(await Runner.RunAsync(App.Client));
        await App.WaitForSweepAsync("twice-20260302T0300Z");
        var createdAt = (await App.Client.GetInstanceAsync("twice-20260302T0300Z"))!.CreatedAt;

        App.Clock.Now = MondayAt0310.AddMinutes(30);
        var second = Assert.Single(await Runner.RunAsync(App.Client));

        Assert.Equal(FiringResult.Started, first.Result);
        Assert.Equal(new ScheduleFiring("twice", FiringResult.AlreadyStarted, "twice-20260302T0300Z"), second);
        var instance = await App.Client.GetInstanceAsync("twice-20260302T0300Z");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance!.RuntimeStatus);
        Assert.Equal(createdAt, instance.CreatedAt);
    }

    [Fact]
    public async Task MalformedSchedules_AreLoggedAndSkipped_WhileAGoodOneRuns()
    {
        await fixture.RequireStorageAsync();
        await using var schedules = await WriteSchedulesAsync(
            ("bad-json", "{\"cron\": "),
            ("bad-cron", Nightly.Replace("0 0 3 * * *", "0 61 3 * * *")),
            ("bad-request", Nightly.Replace("A:x=0.1,0.3", "A:xx=0.1,0.3")),
            ("good", Nightly));
        App.Clock.Now = MondayAt0310;

        var firings = (await Runner.RunAsync(App.Client)).ToDictionary(f => f.Schedule);

        Assert.Equal(FiringResult.Started, firings["good"].Result);
        Assert.Equal(FiringResult.Skipped, firings["bad-json"].Result);
        Assert.Contains("schedule: Not valid JSON", firings["bad-json"].Reason);
        Assert.Equal(FiringResult.Skipped, firings["bad-cron"].Result);
        Assert.Contains("cron: '0 61 3 * * *' is not an NCRONTAB expression", firings["bad-cron"].Reason);
        Assert.Equal(FiringResult.Skipped, firings["bad-request"].Result);
        Assert.Contains("stages[0]: Unknown parameter 'xx'", firings["bad-request"].Reason);
        Assert.Contains(App.Logs.Lines, l => l.StartsWith("Warning: Schedule bad-cron skipped: cron: '0 61 3 * * *'", StringComparison.Ordinal));
        Assert.Null(await App.Client.GetInstanceAsync("bad-request-20260302T0300Z"));
        await App.WaitForSweepAsync("good-20260302T0300Z");
    }

    [Fact]
    public async Task LatestBase_AfterAFinishedSweep_TheNextSweepStartsFromItsWinner()
    {
        await fixture.RequireStorageAsync();
        string rolling = """
            {"cron": "0 0 3 * * *", "baseFrom": "latest",
             "request": {"scenario": "quadratic", "stages": ["A:x=0.1,0.3"], "base": {"n": 6}, "periods": 10, "stabilityTiers": "2:2"}}
            """;
        await using var schedules = await WriteSchedulesAsync(("rolling", rolling));
        App.Clock.Now = MondayAt0310;
        await Runner.RunAsync(App.Client);
        await App.WaitForSweepAsync("rolling-20260302T0300Z");

        App.Clock.Now = MondayAt0310.AddDays(1);
        var next = Assert.Single(await Runner.RunAsync(App.Client));
        await App.WaitForSweepAsync("rolling-20260303T0300Z");

        Assert.Equal("rolling-20260303T0300Z", next.SweepId);
        Assert.Equal(ParamSet.Of(("n", 6)), await AcceptedBaseAsync("rolling-20260302T0300Z"));
        Assert.Equal(ParamSet.Of(("n", 6), ("x", 0.3)), await AcceptedBaseAsync("rolling-20260303T0300Z"));
        var latest = JsonDocument.Parse((await App.Store.ReadTextAsync(SweepBlobs.LatestBlob("rolling")))!).RootElement;
        Assert.Equal("rolling-20260303T0300Z", latest.GetProperty("instanceId").GetString());
        Assert.Equal("rolling-20260303T0300Z/quadratic_sweep.json", latest.GetProperty("finalBlob").GetString());
    }

    private async Task<ParamSet?> AcceptedBaseAsync(string sweepId) =>
        SweepRequestJson.Parse((await App.Store.ReadTextAsync($"{sweepId}/request.json"))!, new ValidationErrors())!.Base;

    /// <summary>Writes the schedules; disposing deletes them (and their latest pointers) so other tests do not fire them.</summary>
    private async Task<ScheduleBlobs> WriteSchedulesAsync(params (string Name, string Json)[] schedules)
    {
        foreach (var (name, json) in schedules)
        {
            await App.Store.WriteTextAsync(SweepBlobs.ScheduleBlob(name), json);
        }

        return new ScheduleBlobs(fixture, schedules.Select(s => s.Name).ToList());
    }

    private sealed class ScheduleBlobs(AzuriteAppFixture fixture, IReadOnlyList<string> names) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (string name in names)
            {
                await fixture.Container.DeleteBlobIfExistsAsync(SweepBlobs.ScheduleBlob(name));
                await fixture.Container.DeleteBlobIfExistsAsync(SweepBlobs.LatestBlob(name));
            }
        }
    }
}
