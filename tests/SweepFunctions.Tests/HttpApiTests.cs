using System.Net;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using SweepDomain;
using SweepDomain.Parameters;
using SweepDomain.Requests;
using SweepDomain.Results;
using SweepFunctions.Http;
using SweepFunctions.Tests.Support;
using SweepTestKit;

namespace SweepFunctions.Tests;

/// <summary>The HTTP functions, called directly, on the in-process durable engine with result blobs in Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HttpApiTests(AzuriteAppFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    private SweepAppHost App => fixture.App;

    [Fact]
    public async Task StartSweep_ValidRequest_Answers202WithOurOwnRoutesAndNoKey()
    {
        await fixture.RequireStorageAsync();
        var request = new TestHttpRequest("POST", "http://localhost:7071/api/sweeps?code=caller-key", Requests.OneStage("http-accepted").ToJsonString());
        request.Headers.Add("Content-Type", "application/json; charset=utf-8");

        var response = await App.Create<StartSweep>().RunAsync(request, App.Client);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = response.BodyJson();
        Assert.Equal(["id", "sweepStatusUri", "reportUri", "cancelPostUri"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("http-accepted", body.GetProperty("id").GetString());
        Assert.Equal("http://localhost:7071/api/sweeps/http-accepted", body.GetProperty("sweepStatusUri").GetString());
        Assert.Equal("http://localhost:7071/api/sweeps/http-accepted/report", body.GetProperty("reportUri").GetString());
        Assert.Equal("http://localhost:7071/api/sweeps/http-accepted/cancel", body.GetProperty("cancelPostUri").GetString());
        Assert.Equal("http://localhost:7071/api/sweeps/http-accepted", response.Header("Location"));
        Assert.DoesNotContain("code=", response.BodyText());
        Assert.DoesNotContain("durabletask", response.BodyText());
        Assert.StartsWith("application/json", response.Header("Content-Type"));
        await App.WaitForSweepAsync("http-accepted");
    }

    [Fact]
    public async Task StartSweep_FewerPeriodsThanTheScenarioNeeds_Answers202WithTheWarningAndRecordsItInTheReport()
    {
        await fixture.RequireStorageAsync();
        var body = Requests.OneStage("http-short-horizon");
        body["periods"] = 4;
        var request = new TestHttpRequest("POST", "http://localhost:7071/api/sweeps", body.ToJsonString());
        request.Headers.Add("Content-Type", "application/json");

        var response = await App.Create<StartSweep>().RunAsync(request, App.Client);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        const string warning = "4 periods are fewer than the 5 that the metrics of scenario 'quadratic' need (their burn-in and windows): the burn-in and windows shrink, " +
                               "metrics may fail on every seed, and the sweep tunes toward a horizon the validation was not written for.";
        Assert.Equal([warning], response.BodyJson().GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        await App.WaitForSweepAsync("http-short-horizon");
        var report = SweepReport.FromJson(await ReadAsync("http-short-horizon/report.json"));
        Assert.Equal([warning], report.Warnings);
    }

    [Fact]
    public async Task Sweep_Finished_LeavesRequestStageFinalAndReportBlobs()
    {
        await fixture.RequireStorageAsync();

        await StartAsync(Requests.TwoStages("http-blobs").ToJsonString());
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await App.WaitForSweepAsync("http-blobs")).RuntimeStatus);

        var request = SweepRequestJson.Parse(await ReadAsync("http-blobs/request.json"), new ValidationErrors())!;
        Assert.Equal("http-blobs", request.InstanceId);
        Assert.Equal(["A:x=0.1,0.3,0.5", "B:n=2,4,6"], request.Stages!.Select(s => s.Text));
        Assert.Equal(ParamSet.Empty, request.Base);
        Assert.Equal("3:2,2:3", request.StabilityTiers);

        var stageA = Assert.Single(StabilityResultFile.Read(await ReadAsync("http-blobs/stages/01-A.json")));
        Assert.Equal(ParamSet.Of(("x", 0.3)), stageA.Params);
        Assert.Equal(0.953246, stageA.CombinedScore!.Value, 1e-12);
        Close.Equal([0.953, 0.959, 0.965], stageA.SeedScores, 1e-12);
        Assert.Equal(0.953, stageA.SingleScore, 1e-12);

        var final = Assert.Single(StabilityResultFile.Read(await ReadAsync("http-blobs/quadratic_sweep.json")));
        Assert.Equal(ParamSet.Of(("x", 0.3), ("n", 4)), final.Params);
        Assert.Equal(0.993006, final.CombinedScore!.Value, 1e-12);

        var report = SweepReport.FromJson(await ReadAsync("http-blobs/report.json"));
        Assert.Equal(["A", "B"], report.Stages.Select(s => s.Result.Label));
        Assert.Equal(ParamSet.Of(("x", 0.3), ("n", 4)), report.Final);
        Assert.Equal(3, report.Stages[0].Candidates.Count);
        Assert.Equal(BaseSource.Defaults, report.BaseSource);
    }

    [Fact]
    public async Task GetSweep_Finished_ShowsStagesFinalAndBlobs()
    {
        await fixture.RequireStorageAsync();
        await StartAsync(Requests.TwoStages("http-status").ToJsonString());
        await App.WaitForSweepAsync("http-status");

        var response = await App.Create<GetSweep>().RunAsync(TestHttpRequest.Get("sweeps/http-status"), App.Client, "http-status");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = response.BodyJson();
        Assert.Equal("Completed", body.GetProperty("runtimeStatus").GetString());
        Assert.Equal("stage 2 of 2 (B): saved", body.GetProperty("progress").GetProperty("summary").GetString());
        Assert.Equal(2, body.GetProperty("progress").GetProperty("stagesFinished").GetInt32());
        var stages = body.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["A", "B"], stages.Select(s => s.GetProperty("label").GetString()));
        Assert.Equal("http-status/stages/02-B.json", stages[1].GetProperty("blob").GetString());
        Assert.True(stages[1].GetProperty("improved").GetBoolean());
        var winner = body.GetProperty("final").GetProperty("results")[0].GetProperty("params");
        Assert.Equal("""{"x":0.3,"n":4}""", JsonSerializer.Serialize(winner));
        var blobs = body.GetProperty("blobs").EnumerateArray().Select(b => b.GetString()).ToList();
        Assert.Contains("http-status/request.json", blobs);
        Assert.Contains("http-status/stages/01-A.json", blobs);
        Assert.Contains("http-status/quadratic_sweep.json", blobs);
        Assert.Contains("http-status/report.json", blobs);
    }

    [Fact]
    public async Task GetSweep_ThousandCandidateStage_ListsOnlyTheResultFilesAndStaysSmall()
    {
        await fixture.RequireStorageAsync();
        const string id = "http-status-1000";
        string values = string.Join(',', Enumerable.Range(0, 1000).Select(i => (i / 1000.0).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)));
        await StartAsync($$"""{"scenario": "quadratic", "stages": ["A:x={{values}}"], "periods": 10, "instanceId": "{{id}}"}""");
        // Stop the stage once several batches have written their score files (or let it end, if it is that quick).
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            while ((await App.Client.GetInstanceAsync(id, getInputsAndOutputs: false, timeout.Token)) is { IsCompleted: false }
                   && (await App.Store.ListAsync($"{id}/scores/", timeout.Token)).Count < 8)
            {
                await Task.Delay(100, timeout.Token);
            }
        }

        await App.Client.TerminateInstanceAsync(id);
        await App.WaitForSweepAsync(id);
        var scoreFiles = await App.Store.ListAsync($"{id}/scores/");

        var response = await App.Create<GetSweep>().RunAsync(TestHttpRequest.Get($"sweeps/{id}"), App.Client, id);

        int bytes = response.BodyText().Length;
        var blobs = response.BodyJson().GetProperty("blobs").EnumerateArray().Select(b => b.GetString()).ToList();
        output.WriteLine($"{scoreFiles.Count} score files in the container; the status lists {blobs.Count} blobs in {bytes:N0} bytes");
        Assert.NotEmpty(scoreFiles);
        Assert.Equal([$"{id}/request.json"], blobs);
        Assert.InRange(bytes, 1, 2048);
    }

    [Fact]
    public async Task GetSweep_StrayBlobsUnderStages_DoNotChangeTheStatusWhichComesFromTheDurableState()
    {
        await fixture.RequireStorageAsync();
        await StartAsync(Requests.Long("http-stray").ToJsonString());
        await App.Client.TerminateInstanceAsync("http-stray");
        await App.WaitForSweepAsync("http-stray");
        await App.Store.WriteTextAsync("http-stray/stages/00-notes.json", """{"note": "written by hand"}""");
        await App.Store.WriteTextAsync("http-stray/stages/readme.txt", "not JSON at all");
        await App.Store.WriteTextAsync("http-stray/stages/98-broken.json", "{\"results\": [");
        await App.Store.WriteTextAsync("http-stray/stages/99-Z.json", StabilityResultFile.Write("quadratic", [new StabilityEntry(ParamSet.Of(("x", 0.2)), 0.9, 0.91, 0.01, 1.0, null, 0.0)]));

        var response = await App.Create<GetSweep>().RunAsync(TestHttpRequest.Get("sweeps/http-stray"), App.Client, "http-stray");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = response.BodyJson();
        Assert.Equal("Terminated", body.GetProperty("runtimeStatus").GetString());
        var labels = body.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("label").GetString()).ToList();
        Assert.All(labels, label => Assert.Contains(label, new[] { "A", "B", "C" }));
        Assert.Contains("http-stray/stages/99-Z.json", body.GetProperty("blobs").EnumerateArray().Select(b => b.GetString()));
    }

    [Theory]
    [InlineData("""{"scenario": "quadratic", "stages": ["A:xx=0.1,0.3"]}""", "stages[0]", "Unknown parameter 'xx' in 'A:xx=0.1,0.3' for scenario 'quadratic'. Did you mean 'x'?")]
    [InlineData("""{"scenario": "quadratic", "stages": ["A:x=0.1"], "stabilityTiers": "3:0"}""", "stabilityTiers", "Tier '3:0' in '3:0' is not configs:seeds")]
    [InlineData("""{"scenario": "quadratic", "stages": ["A x=0.1"]}""", "stages[0]", "Missing ':' after the label in 'A x=0.1'.")]
    [InlineData("""{"scenario": "quadratik", "stages": ["A:x=0.1"]}""", "scenario", "Unknown scenario 'quadratik'. Known scenarios: quadratic, other, noisy.")]
    [InlineData("""{"scenario": "quadratic", "stages": ["A:x=0.1"], "base": "nowhere/quadratic_sweep.json"}""", "base", "Base config 'nowhere/quadratic_sweep.json' was not found in the results container.")]
    [InlineData("""{"scenari": "quadratic", "stages": ["A:x=0.1"]}""", "scenari", "Did you mean 'scenario'?")]
    [InlineData("""{"scenario": """, "body", "The body is not valid JSON")]
    [InlineData("""{"scenario": "quadratic", "stages": ["A:x=0.1"], "alpha": 0.6}""", "alpha", "Must be a significance level above 0 and at most 0.5; got 0.6.")]
    [InlineData("""{"scenario": "quadratic", "stages": ["A:x=0.1"], "carryForward": "bestest"}""", "carryForward", "Unknown carry-forward policy 'bestest'. Use one of: best, significant.")]
    [InlineData("""{"scenario": "quadratic", "stages": ["A:x=0.1"], "racing": true, "raceBlock": 1}""", "raceBlock", "Must be at least 2 seeds (a block is tested with a paired test); got 1.")]
    [InlineData("""{"scenario": "quadratic", "stages": ["A:x=0.1"], "racing": true, "raceBlock": 500}""", "raceBlock", "Block of 500 seeds is larger than every tier (the most seeds a tier gives is 100)")]
    [InlineData("""{"scenario": "quadratic", "stages": ["A:x=0.1"], "equivalence": 0}""", "equivalence", "Must be a margin on the ranking's score above 0 and at most 0.5; got 0.")]
    [InlineData("""{"scenario": "quadratic", "stages": ["A:x=0.1"], "equivalence": "small"}""", "equivalence", "Must be a number; got \"small\".")]
    [InlineData("""{"scenario": "quadratic", "stages": ["A:x=0.1,0.2"], "crossScenario": "quadratic"}""", "crossScenario", "is the sweep's own scenario")]
    public async Task StartSweep_BadRequest_Answers400ProblemNamingTheFault(string body, string field, string message)
    {
        await fixture.RequireStorageAsync();

        var response = await StartAsync(body);

        var errors = AssertValidationProblem(response);
        Assert.Contains(errors[field], m => m.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartSweep_ManyFaults_AnswersThemAllInOneProblemAndStartsNothing()
    {
        await fixture.RequireStorageAsync();
        string body = """{"scenario": "quadratic", "stages": ["A x=0.1", "B:xx=1"], "stabilityTiers": "3:0", "periods": 0, "instanceId": "http-rejected"}""";

        var response = await StartAsync(body);

        var errors = AssertValidationProblem(response);
        Assert.Equal(["stages[0]", "stages[1]", "periods", "stabilityTiers"], errors.Keys);
        Assert.Null(await App.Store.ReadTextAsync("http-rejected/request.json"));
        Assert.Null(await App.Client.GetInstanceAsync("http-rejected"));
    }

    [Fact]
    public async Task StartSweep_BaseFromASweepOfAnotherScenario_Answers202WithAWarningNamingBoth()
    {
        await fixture.RequireStorageAsync();
        var source = Requests.OneStage("http-other-base");
        source["scenario"] = "other";
        await StartAsync(source.ToJsonString());
        await App.WaitForSweepAsync("http-other-base");
        var body = Requests.OneStage("http-other-scenario-base");
        body["base"] = "http-other-base/other_sweep.json";

        var response = await StartAsync(body.ToJsonString());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(["The base 'http-other-base/other_sweep.json' comes from a sweep of scenario 'other', not 'quadratic': its winner was tuned for another scenario."],
            response.BodyJson().GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        await App.WaitForSweepAsync("http-other-scenario-base");
    }

    [Fact]
    public async Task StartSweep_BaseNamesAFinalBlob_UsesItsWinnerAsTheBase()
    {
        await fixture.RequireStorageAsync();
        await StartAsync(Requests.OneStage("http-base-source").ToJsonString());
        await App.WaitForSweepAsync("http-base-source");
        var body = Requests.TwoStages("http-based");
        body["base"] = "http-base-source/quadratic_sweep.json";

        var response = await StartAsync(body.ToJsonString());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = SweepRequestJson.Parse(await ReadAsync("http-based/request.json"), new ValidationErrors())!;
        Assert.Equal(ParamSet.Of(("x", 0.3)), accepted.Base);
        await App.WaitForSweepAsync("http-based");
        var report = SweepReport.FromJson(await ReadAsync("http-based/report.json"));
        Assert.Equal(BaseSource.Blob("http-base-source/quadratic_sweep.json"), report.BaseSource);
    }

    [Theory]
    [InlineData("../azure-webjobs-secrets/sweepfunctions/host.json")]
    [InlineData("http-base-source/../../azure-webjobs-secrets/host.json")]
    [InlineData("http-base-source/./quadratic_sweep.json")]
    [InlineData("/http-base-source/quadratic_sweep.json")]
    [InlineData("/azure-webjobs-secrets/host.json")]
    [InlineData(@"http-base-source\..\azure-webjobs-secrets\host.json")]
    [InlineData("%2e%2e/azure-webjobs-secrets/host.json")]
    [InlineData("http-base-source/%2E%2E/%2E%2E/azure-webjobs-secrets/host.json")]
    [InlineData("http-base-source%2Fquadratic_sweep.json")]
    [InlineData("azure-webjobs-secrets/sweepfunctions/host.json")]
    [InlineData("azure-webjobs-hosts/locks/sweep/host")]
    [InlineData("schedules/../http-base-source/quadratic_sweep.json")]
    [InlineData("schedules/nested/base.json")]
    [InlineData("http-base-source/quadratic_sweep.json?comp=list")]
    public async Task StartSweep_BaseOutsideTheSweepAndScheduleFolders_Answers400NamingBaseAndReadsNothing(string name)
    {
        await fixture.RequireStorageAsync();
        var body = Requests.OneStage("http-escape");
        body["base"] = name;

        var response = await StartAsync(body.ToJsonString());

        var errors = AssertValidationProblem(response);
        Assert.Equal(["base"], errors.Keys);
        Assert.Equal(
            $"Base '{name}' is not a blob name a base is read from. Name a file in a sweep's folder (\"<sweep id>/<file>.json\", or in its stages/ or outcomes/) " +
            "or in the schedules folder (\"schedules/<file>.json\"), in letters, digits, '-' and '_', with single dots in the file name only: " +
            "no '..', no leading '/', no '\\', no percent-encoding.",
            errors["base"][0]);
        Assert.Null(await App.Client.GetInstanceAsync("http-escape"));
    }

    [Theory]
    [InlineData("azure-webjobs-secrets/host.json")]
    [InlineData("sweeplocal-largemessages/quadratic_sweep.json")]
    [InlineData("azure-webjobs-hosts/quadratic_sweep.json")]
    public async Task StartSweep_BaseInAFolderNamedLikeAnotherContainer_IsRefusedAsNotASweepsFolder(string name)
    {
        await fixture.RequireStorageAsync();
        await App.Store.WriteTextAsync(name, """{"x": 0.3}""");   // even a base file that is there: no sweep wrote it
        var body = Requests.OneStage("http-foreign-base");
        body["base"] = name;

        var response = await StartAsync(body.ToJsonString());

        var errors = AssertValidationProblem(response);
        string folder = name[..name.IndexOf('/')];
        Assert.Equal([$"Base config '{name}' is not in a sweep's folder: '{folder}/' holds no request.json, so no sweep of this app wrote it."], errors["base"]);
        Assert.Null(await App.Client.GetInstanceAsync("http-foreign-base"));
    }

    [Fact]
    public async Task StartSweep_BaseInTheSchedulesFolder_IsRead()
    {
        await fixture.RequireStorageAsync();
        await App.Store.WriteTextAsync("schedules/shared-base.yaml", "n: 6\n");
        var body = Requests.OneStage("http-schedules-base");
        body["base"] = "schedules/shared-base.yaml";

        var response = await StartAsync(body.ToJsonString());
        await App.Store.DeleteAsync("schedules/shared-base.yaml");   // the schedule tests share the container

        Assert.True(response.StatusCode == HttpStatusCode.Accepted, response.BodyText());
        var accepted = SweepRequestJson.Parse(await ReadAsync("http-schedules-base/request.json"), new ValidationErrors())!;
        Assert.Equal(ParamSet.Of(("n", 6)), accepted.Base);
        await App.WaitForSweepAsync("http-schedules-base");
    }

    [Fact]
    public async Task StartSweep_InlineBase_IsRecordedInTheReportAsInline()
    {
        await fixture.RequireStorageAsync();
        var body = Requests.OneStage("http-inline-base");
        body["base"] = new System.Text.Json.Nodes.JsonObject { ["n"] = 4 };

        await StartAsync(body.ToJsonString());
        await App.WaitForSweepAsync("http-inline-base");

        var report = SweepReport.FromJson(await ReadAsync("http-inline-base/report.json"));
        Assert.Equal(ParamSet.Of(("n", 4)), report.Base);
        Assert.Equal(BaseSource.Inline, report.BaseSource);
    }

    [Fact]
    public async Task StartSweep_InstanceIdStillRunning_Answers409()
    {
        await fixture.RequireStorageAsync();
        await StartAsync(Requests.Long("http-busy").ToJsonString());

        var response = await StartAsync(Requests.OneStage("http-busy").ToJsonString());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.StartsWith(ProblemResponses.ContentType, response.Header("Content-Type"));
        Assert.Equal(409, response.BodyJson().GetProperty("status").GetInt32());
        await App.Client.TerminateInstanceAsync("http-busy");
        await App.WaitForSweepAsync("http-busy");
    }

    [Fact]
    public async Task GetSweepReport_Finished_ServesTheReportBlob()
    {
        await fixture.RequireStorageAsync();
        await StartAsync(Requests.TwoStages("http-report").ToJsonString());
        await App.WaitForSweepAsync("http-report");

        var response = await App.Create<GetSweepReport>().RunAsync(TestHttpRequest.Get("sweeps/http-report/report"), App.Client, "http-report");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/json", response.Header("Content-Type"));
        Assert.Equal(await ReadAsync("http-report/report.json"), response.BodyText());
        var report = SweepReport.FromJson(response.BodyText());
        Assert.Equal(ParamSet.Of(("x", 0.3), ("n", 4)), report.Final);
    }

    [Fact]
    public async Task GetSweepReport_BeforeTheSweepEnds_Answers404SayingSo()
    {
        await fixture.RequireStorageAsync();
        await StartAsync(Requests.Long("http-report-pending").ToJsonString());

        var response = await App.Create<GetSweepReport>().RunAsync(TestHttpRequest.Get("sweeps/http-report-pending/report"), App.Client, "http-report-pending");
        var unknown = await App.Create<GetSweepReport>().RunAsync(TestHttpRequest.Get("sweeps/nope/report"), App.Client, "nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("The report is not written yet.", response.BodyJson().GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("No such sweep.", unknown.BodyJson().GetProperty("title").GetString());
        await App.Client.TerminateInstanceAsync("http-report-pending");
        await App.WaitForSweepAsync("http-report-pending");
    }

    [Fact]
    public async Task GetSweep_UnknownId_Answers404Problem()
    {
        await fixture.RequireStorageAsync();

        var response = await App.Create<GetSweep>().RunAsync(TestHttpRequest.Get("sweeps/no-such-sweep"), App.Client, "no-such-sweep");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith(ProblemResponses.ContentType, response.Header("Content-Type"));
        Assert.Equal("There is no sweep with id 'no-such-sweep'.", response.BodyJson().GetProperty("detail").GetString());
    }

    [Fact]
    public async Task CancelSweep_RunningSweep_TerminatesItAndThenAnswers409()
    {
        await fixture.RequireStorageAsync();
        await StartAsync(Requests.Long("http-cancel").ToJsonString());
        var cancel = App.Create<CancelSweep>();

        var first = await cancel.RunAsync(TestHttpRequest.Post("sweeps/http-cancel/cancel", ""), App.Client, "http-cancel");
        var state = await App.WaitForSweepAsync("http-cancel");
        var second = await cancel.RunAsync(TestHttpRequest.Post("sweeps/http-cancel/cancel", ""), App.Client, "http-cancel");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, state.RuntimeStatus);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var status = await App.Create<GetSweep>().RunAsync(TestHttpRequest.Get("sweeps/http-cancel"), App.Client, "http-cancel");
        Assert.Equal("Terminated", status.BodyJson().GetProperty("runtimeStatus").GetString());
    }

    [Fact]
    public async Task GetSweep_FailedSweep_ShowsTheFailureTypeMessageAndCause()
    {
        await fixture.RequireStorageAsync();
        App.Evaluator.FailNext(int.MaxValue);
        OrchestrationMetadata state;
        try
        {
            await StartAsync(Requests.OneStage("http-failed").ToJsonString());
            state = await App.WaitForSweepAsync("http-failed");   // three attempts, 2 s and 4 s apart
        }
        finally
        {
            App.Evaluator.FailNext(0);
        }

        var response = await App.Create<GetSweep>().RunAsync(TestHttpRequest.Get("sweeps/http-failed"), App.Client, "http-failed");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, state.RuntimeStatus);
        var body = response.BodyJson();
        Assert.Equal("Failed", body.GetProperty("runtimeStatus").GetString());
        var failure = body.GetProperty("failure");
        Assert.Equal("Microsoft.DurableTask.TaskFailedException", failure.GetProperty("type").GetString());
        Assert.Matches(@"^Task 'EvaluateBatch' \(#\d+\) failed with an unhandled exception: .*Simulated transient fault in the model run\.", failure.GetProperty("message").GetString());
        var cause = failure.GetProperty("cause");
        while (cause.TryGetProperty("cause", out var inner))
        {
            cause = inner;
        }

        Assert.Equal(("System.IO.IOException", "Simulated transient fault in the model run."), (cause.GetProperty("type").GetString(), cause.GetProperty("message").GetString()));
        Assert.Empty(body.GetProperty("stages").EnumerateArray());
    }

    [Fact]
    public async Task CancelSweep_UnknownId_Answers404()
    {
        await fixture.RequireStorageAsync();

        var response = await App.Create<CancelSweep>().RunAsync(TestHttpRequest.Post("sweeps/nothing-here/cancel", ""), App.Client, "nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private Task<Microsoft.Azure.Functions.Worker.Http.HttpResponseData> StartAsync(string body) =>
        App.Create<StartSweep>().RunAsync(TestHttpRequest.Post("sweeps", body), App.Client);

    private async Task<string> ReadAsync(string blob) =>
        await App.Store.ReadTextAsync(blob) ?? throw new Xunit.Sdk.XunitException($"Blob '{blob}' was not written.");

    private static Dictionary<string, string[]> AssertValidationProblem(Microsoft.Azure.Functions.Worker.Http.HttpResponseData response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("application/problem+json", response.Header("Content-Type"));
        var body = response.BodyJson();
        Assert.Equal("The sweep request is invalid.", body.GetProperty("title").GetString());
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.1", body.GetProperty("type").GetString());
        return body.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }
}
