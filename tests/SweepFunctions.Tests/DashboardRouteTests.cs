using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SweepDomain.Parameters;
using SweepDomain.Results;
using SweepDomain.Sweep;
using SweepFunctions.Http;
using SweepFunctions.Tests.Support;
using SweepHosting.Dashboard;

namespace SweepFunctions.Tests;

/// <summary>
/// The routes behind the sweep pages, called directly on the in-process durable engine with blobs in Azurite: a
/// finished stage's outcome (<c>GET /api/sweeps/{id}/stages/{stage}</c>), a sweep's page
/// (<c>GET /api/sweeps/{id}/dashboard</c>) and the page of recent sweeps (<c>GET /api/dashboard</c>). What the pages
/// show in a browser is tested in tests/SweepDashboard.Tests.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DashboardRouteTests(AzuriteAppFixture fixture)
{
    private SweepAppHost App => fixture.App;

    [Fact]
    public async Task GetSweepStage_FinishedStage_AnswersItsOutcomeBlobAsWritten()
    {
        await fixture.RequireStorageAsync();
        await StartAsync(Requests.TwoStages("stage-served"));
        await App.WaitForSweepAsync("stage-served");

        var response = await StageAsync("stage-served", "2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/json", response.Header("Content-Type"));
        Assert.Equal(await App.Store.ReadTextAsync("stage-served/outcomes/02-B.json"), response.BodyText());
        var outcome = JsonSerializer.Deserialize<StageOutcome>(response.BodyText(), SweepReport.JsonOptions)!;
        Assert.Equal(1, outcome.Index);
        Assert.Equal("B", outcome.Result.Label);
        Assert.Equal(ParamSet.Of(("x", 0.3), ("n", 4)), outcome.Result.WinnerParams);
        Assert.Equal(["{x: 0.3, n: 2}", "{x: 0.3, n: 4}", "{x: 0.3, n: 6}"], outcome.Candidates.Select(c => c.Params.ToString()).Order());
    }

    [Theory]
    [InlineData("0", "Sweep 'stage-served-404' has no stage '0': stages are numbered from 1 to 2.")]
    [InlineData("3", "Sweep 'stage-served-404' has no stage '3': stages are numbered from 1 to 2.")]
    [InlineData("B", "Sweep 'stage-served-404' has no stage 'B': stages are numbered from 1 to 2.")]
    [InlineData("-1", "Sweep 'stage-served-404' has no stage '-1': stages are numbered from 1 to 2.")]
    public async Task GetSweepStage_StageTheSweepDoesNotHave_Answers404NoSuchStage(string stage, string detail)
    {
        await fixture.RequireStorageAsync();
        if (await App.Client.GetInstanceAsync("stage-served-404") is null)
        {
            await StartAsync(Requests.TwoStages("stage-served-404"));
        }

        await App.WaitForSweepAsync("stage-served-404");

        var response = await StageAsync("stage-served-404", stage);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith(ProblemResponses.ContentType, response.Header("Content-Type"));
        var body = response.BodyJson();
        Assert.Equal("No such stage.", body.GetProperty("title").GetString());
        Assert.Equal(detail, body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GetSweepStage_UnknownSweep_Answers404NoSuchSweep()
    {
        await fixture.RequireStorageAsync();

        var response = await StageAsync("no-such-sweep", "1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No such sweep.", response.BodyJson().GetProperty("title").GetString());
        Assert.Equal("There is no sweep with id 'no-such-sweep'.", response.BodyJson().GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GetSweepStage_StageStillRunning_Answers404SayingHowManyStagesHaveFinished()
    {
        await fixture.RequireStorageAsync();
        App.Evaluator.Hold(r => r.Params.Contains("n"));
        try
        {
            await StartAsync(Requests.TwoStages("stage-pending"));
            await WaitForStagesAsync("stage-pending", 1);

            var first = await StageAsync("stage-pending", "1");
            var second = await StageAsync("stage-pending", "2");

            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
            Assert.Equal("The stage has not finished.", second.BodyJson().GetProperty("title").GetString());
            Assert.Equal("Sweep 'stage-pending' is Running and has finished 1 stage; stage 2 is not among them.", second.BodyJson().GetProperty("detail").GetString());
        }
        finally
        {
            App.Evaluator.Release();
        }

        await App.WaitForSweepAsync("stage-pending");
    }

    [Fact]
    public async Task GetSweepDashboard_CompletedSweep_IsOneHtmlPageHoldingTheReportStatusAndLiveRoutes()
    {
        await fixture.RequireStorageAsync();
        await StartAsync(Requests.TwoStages("dash-done"));
        await App.WaitForSweepAsync("dash-done");

        var response = await DashboardAsync("dash-done", "?code=the-key");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Header("Content-Type"));
        Assert.Equal("no-store", response.Header("Cache-Control"));
        Assert.Equal("no-referrer", response.Header("Referrer-Policy"));
        Assert.Equal(SweepPage.ContentSecurityPolicy + "; frame-ancestors 'none'", response.Header("Content-Security-Policy"));
        string html = response.BodyText();
        Assert.StartsWith("<!doctype html>", html);
        Assert.Contains("<title>Sweep dash-done (quadratic)</title>", html);
        Assert.DoesNotContain("the-key", html);
        var data = SweepPage.DataOf(html)!;
        Assert.Equal("sweep", (string?)data["page"]);
        Assert.Equal("live", (string?)data["source"]);
        Assert.Equal("Completed", (string?)data["status"]!["runtimeStatus"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse((await App.Store.ReadTextAsync("dash-done/report.json"))!), data["report"]), "The page holds the report blob as written.");
        Assert.Empty(data["outcomes"]!.AsArray());
        Assert.Equal(
            """{"statusUrl":"/api/sweeps/dash-done","stageUrl":"/api/sweeps/dash-done/stages/{stage}","reportUrl":"/api/sweeps/dash-done/report","listUrl":"/api/dashboard","refreshSeconds":3}""",
            data["live"]!.ToJsonString());
    }

    [Theory]
    [InlineData("?refresh=1", 1)]
    [InlineData("?refresh=500", 60)]
    [InlineData("?refresh=soon", 3)]
    public async Task GetSweepDashboard_RefreshQuery_SetsTheSecondsBetweenRefreshesWithin1To60(string query, int seconds)
    {
        await fixture.RequireStorageAsync();
        if (await App.Client.GetInstanceAsync("dash-refresh") is null)
        {
            await StartAsync(Requests.OneStage("dash-refresh"));
        }

        var data = SweepPage.DataOf((await DashboardAsync("dash-refresh", query)).BodyText())!;

        Assert.Equal(seconds, (int)data["live"]!["refreshSeconds"]!);
        await App.WaitForSweepAsync("dash-refresh");
    }

    [Fact]
    public async Task GetSweepDashboard_RunningSweep_HoldsTheFinishedStagesOutcomesAndTheAcceptedRequest()
    {
        await fixture.RequireStorageAsync();
        App.Evaluator.Hold(r => r.Params.Contains("n"));
        try
        {
            await StartAsync(Requests.TwoStages("dash-running"));
            await WaitForStagesAsync("dash-running", 1);

            var data = SweepPage.DataOf((await DashboardAsync("dash-running", "")).BodyText())!;

            Assert.Equal("Running", (string?)data["status"]!["runtimeStatus"]);
            Assert.Null(data["report"]);
            var outcome = Assert.Single(data["outcomes"]!.AsArray())!;
            Assert.Equal("A", (string?)outcome["result"]!["label"]);
            Assert.Equal("""{"x":0.3}""", outcome["result"]!["winnerParams"]!.ToJsonString());
            Assert.Equal(["A:x=0.1,0.3,0.5", "B:n=2,4,6"], data["request"]!["stages"]!.AsArray().Select(s => (string?)s));
            Assert.Equal("3:2,2:3", (string?)data["request"]!["stabilityTiers"]);
        }
        finally
        {
            App.Evaluator.Release();
        }

        await App.WaitForSweepAsync("dash-running");
    }

    [Fact]
    public async Task GetSweepDashboard_UnknownSweep_Answers404PageSayingThereIsNoSuchSweep()
    {
        await fixture.RequireStorageAsync();

        var response = await DashboardAsync("no-such-sweep", "");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Header("Content-Type"));
        var data = SweepPage.DataOf(response.BodyText())!;
        Assert.Equal("message", (string?)data["page"]);
        Assert.Equal("There is no sweep with id 'no-such-sweep'.", (string?)data["message"]);
        Assert.Equal("/api/dashboard", (string?)data["backUrl"]);
    }

    [Fact]
    public async Task GetDashboard_ListsRecentSweepsNewestFirstWithTheRouteOfEachPage()
    {
        await fixture.RequireStorageAsync();
        await StartAsync(Requests.OneStage("dash-list-1"));
        await App.WaitForSweepAsync("dash-list-1");
        await StartAsync(Requests.OneStage("dash-list-2"));
        await App.WaitForSweepAsync("dash-list-2");

        var response = await ListAsync("?status=Completed&pageSize=200");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Header("Content-Type"));
        var data = SweepPage.DataOf(response.BodyText())!;
        Assert.Equal("list", (string?)data["page"]);
        Assert.Equal("/api/sweeps/{id}/dashboard", (string?)data["sweepUrl"]);
        Assert.Equal("/api/dashboard", (string?)data["listUrl"]);
        Assert.Equal(["Completed"], data["statuses"]!.AsArray().Select(s => (string?)s));
        var sweeps = data["list"]!["sweeps"]!.AsArray().Select(s => s!).ToList();
        Assert.All(sweeps, s => Assert.Equal("Completed", (string?)s["runtimeStatus"]));
        var ids = sweeps.Select(s => (string?)s["id"]).ToList();
        Assert.True(ids.IndexOf("dash-list-2") < ids.IndexOf("dash-list-1") && ids.IndexOf("dash-list-1") >= 0, string.Join(", ", ids));
        Assert.Equal("""{"x":0.3}""", sweeps.Single(s => (string?)s["id"] == "dash-list-2")["winner"]!.ToJsonString());
    }

    [Fact]
    public async Task GetDashboard_UnknownStatusFilter_Answers400PageNamingTheStatusesItTakes()
    {
        await fixture.RequireStorageAsync();

        var response = await ListAsync("?status=Running,Finished");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var data = SweepPage.DataOf(response.BodyText())!;
        Assert.Equal("message", (string?)data["page"]);
        Assert.Equal("'Finished' is not a runtime status; the list takes Pending, Running, Suspended, Completed, Failed, Terminated.", (string?)data["message"]);
    }

    private Task StartAsync(JsonObject body) =>
        App.Create<StartSweep>().RunAsync(TestHttpRequest.Post("sweeps", body.ToJsonString()), App.Client);

    private Task<Microsoft.Azure.Functions.Worker.Http.HttpResponseData> StageAsync(string id, string stage) =>
        App.Create<GetSweepStage>().RunAsync(TestHttpRequest.Get($"sweeps/{id}/stages/{stage}"), App.Client, id, stage);

    private Task<Microsoft.Azure.Functions.Worker.Http.HttpResponseData> DashboardAsync(string id, string query) =>
        App.Create<GetSweepDashboard>().RunAsync(TestHttpRequest.Get($"sweeps/{id}/dashboard{query}"), App.Client, id);

    private Task<Microsoft.Azure.Functions.Worker.Http.HttpResponseData> ListAsync(string query) =>
        App.Create<GetDashboard>().RunAsync(TestHttpRequest.Get($"dashboard{query}"), App.Client);

    /// <summary>Waits (half a minute at most) until the sweep's durable state lists <paramref name="count"/> finished stages.</summary>
    private async Task WaitForStagesAsync(string id, int count)
    {
        var logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await GetSweep.ReadAsync(App.Client, App.Store, logger, id))?.Stages.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Sweep {id} did not finish {count} stage(s) within 30 s.");
            await Task.Delay(50);
        }
    }
}
