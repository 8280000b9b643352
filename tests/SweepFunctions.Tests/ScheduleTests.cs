using System.Net;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SweepDomain;
using SweepDomain.Parameters;
using SweepDomain.Requests;
using SweepFunctions.Configuration;
using SweepFunctions.Http;
using SweepFunctions.Maintenance;
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

    [Fact]
    public async Task Purged_sweep_of_a_schedule_is_not_run_again_and_its_routes_answer_from_its_blobs()
    {
        await fixture.RequireStorageAsync();
        string yearly = """
            {"cron": "0 0 3 1 1 *", "baseFrom": "latest",
             "request": {"scenario": "quadratic", "stages": ["A:x=0.1,0.3"], "base": {"n": 6}, "periods": 10, "stabilityTiers": "2:2"}}
            """;
        await using var schedules = await WriteSchedulesAsync(("yearly", yearly));
        App.Clock.Now = MondayAt0310;
        Assert.Equal(new ScheduleFiring("yearly", FiringResult.Started, "yearly-20260101T0300Z"), Assert.Single(await Runner.RunAsync(App.Client)));
        await App.WaitForSweepAsync("yearly-20260101T0300Z");
        string latestBefore = (await App.Store.ReadTextAsync(SweepBlobs.LatestBlob("yearly")))!;
        string reportBefore = (await App.Store.ReadTextAsync("yearly-20260101T0300Z/report.json"))!;

        var purge = new PurgeSweepHistories(Options.Create(new SweepAppOptions { PurgeAfterDays = 30 }), new ManualClock(MondayAt0310.AddDays(31)), NullLogger<PurgeSweepHistories>.Instance);
        Assert.True(await purge.PurgeAsync(App.Client) >= 1);
        Assert.Null(await App.Client.GetInstanceAsync("yearly-20260101T0300Z"));

        App.Clock.Now = MondayAt0310.AddDays(31);   // the same due time, 1 January, is still the most recent
        var again = Assert.Single(await Runner.RunAsync(App.Client));

        Assert.Equal(new ScheduleFiring("yearly", FiringResult.AlreadyStarted, "yearly-20260101T0300Z"), again);
        Assert.Null(await App.Client.GetInstanceAsync("yearly-20260101T0300Z"));
        Assert.Equal(latestBefore, await App.Store.ReadTextAsync(SweepBlobs.LatestBlob("yearly")));
        Assert.Equal(reportBefore, await App.Store.ReadTextAsync("yearly-20260101T0300Z/report.json"));

        var status = await App.Create<GetSweep>().RunAsync(TestHttpRequest.Get("sweeps/yearly-20260101T0300Z"), App.Client, "yearly-20260101T0300Z");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Empty(OpenApiContract.Served.Check("GET", "/sweeps/yearly-20260101T0300Z", status.StatusCode, status.Header("Content-Type"), status.BodyText()));
        var view = status.BodyJson();
        Assert.True(view.GetProperty("historyPurged").GetBoolean());
        Assert.Equal("Completed", view.GetProperty("runtimeStatus").GetString());
        Assert.Equal("quadratic", view.GetProperty("scenario").GetString());
        var stage = Assert.Single(view.GetProperty("stages").EnumerateArray());
        Assert.Equal("A", stage.GetProperty("label").GetString());
        Assert.Equal(0.3, stage.GetProperty("params").GetProperty("x").GetDouble());
        Assert.Equal(0.3, view.GetProperty("final").GetProperty("results")[0].GetProperty("params").GetProperty("x").GetDouble());

        var report = await App.Create<GetSweepReport>().RunAsync(TestHttpRequest.Get("sweeps/yearly-20260101T0300Z/report"), App.Client, "yearly-20260101T0300Z");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal(reportBefore, report.BodyText());
        var stageRoute = await App.Create<GetSweepStage>().RunAsync(TestHttpRequest.Get("sweeps/yearly-20260101T0300Z/stages/1"), App.Client, "yearly-20260101T0300Z", "1");
        Assert.Equal(HttpStatusCode.OK, stageRoute.StatusCode);
        Assert.Equal(await App.Store.ReadTextAsync("yearly-20260101T0300Z/outcomes/01-A.json"), stageRoute.BodyText());
        var page = await App.Create<GetSweepDashboard>().RunAsync(TestHttpRequest.Get("sweeps/yearly-20260101T0300Z/dashboard"), App.Client, "yearly-20260101T0300Z");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("yearly-20260101T0300Z", page.BodyText());

        var unknown = await App.Create<GetSweep>().RunAsync(TestHttpRequest.Get("sweeps/yearly-19990101T0300Z"), App.Client, "yearly-19990101T0300Z");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
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
            fixture.App.Clock.FollowRealTime();
            foreach (string name in names)
            {
                await fixture.Container.DeleteBlobIfExistsAsync(SweepBlobs.ScheduleBlob(name));
                await fixture.Container.DeleteBlobIfExistsAsync(SweepBlobs.LatestBlob(name));
            }
        }
    }
}
