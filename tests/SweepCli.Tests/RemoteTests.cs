using System.Text.Json;
using SweepDomain;
using SweepDomain.Requests;
using SweepDomain.Results;
using SweepDomain.Sweep;
using SweepHosting.Api;
using SweepTestKit;

namespace SweepCli.Tests;

/// <summary><c>submit</c>, <c>status</c>, <c>fetch</c> and <c>cancel</c> against a fake Function App in memory.</summary>
public sealed class RemoteTests
{
    private const string Id = "sweep-1";

    private static readonly Lazy<SweepReport> Report = new(() =>
    {
        var errors = new ValidationErrors();
        var request = new SweepRequest { Scenario = "quadratic", Stages = [new StageInput("A:x=0.1,0.3"), new StageInput("B:n=3,4")], Periods = 10, StabilityTiers = "3:3" };
        var plan = SweepRequestValidator.Validate(request, TestScenarios.Catalog, errors)!;
        var outcome = new SweepEngine(new RecordingEvaluator()).RunAsync(plan).GetAwaiter().GetResult();
        return SweepReport.From(plan, outcome);
    });

    private static string Accepted() => ApiJson.Serialize(new AcceptedView
    {
        Id = Id,
        SweepStatusUri = $"http://sweep-app.test/api/sweeps/{Id}",
        ReportUri = $"http://sweep-app.test/api/sweeps/{Id}/report",
        CancelPostUri = $"http://sweep-app.test/api/sweeps/{Id}/cancel",
    });

    /// <summary>The status answer as the service writes it: the contract type, serialised with the API's options.</summary>
    private static string Status(string runtimeStatus, int stagesDone, FailureView? failure = null)
    {
        var report = Report.Value;
        bool done = runtimeStatus == RuntimeStatuses.Completed;
        return ApiJson.Serialize(new SweepStatusView
        {
            Id = Id,
            RuntimeStatus = runtimeStatus,
            Scenario = "quadratic",
            CreatedAt = DateTimeOffset.UnixEpoch,
            LastUpdatedAt = DateTimeOffset.UnixEpoch.AddMinutes(5),
            Progress = done ? null : new SweepProgressView(
                stagesDone + 1, 2, stagesDone == 0 ? "A" : "B", "tier 1 of 1", 4, 10 * (stagesDone + 1), 9 * (stagesDone + 1), 40, stagesDone, null, null, null, null),
            Stages = report.Stages.Take(stagesDone).Select((o, i) => new StageView
            {
                Stage = i + 1, Label = o.Result.Label, Params = o.Result.WinnerParams, CombinedScore = o.Result.CombinedScore, MeanScore = o.Result.MeanScore,
                StdScore = o.Result.StdScore, PassRate = o.Result.PassRate, NSeeds = o.Result.NSeeds, Improved = o.Result.Improved,
                Blob = $"{Id}/stages/0{i + 1}-{o.Result.Label}.json",
            }).ToList(),
            Final = done ? JsonDocument.Parse(StabilityResultFile.Write("quadratic", [StabilityEntry.FromStage(report.Stages[^1].Result)])).RootElement : null,
            Blobs = [$"{Id}/report.json"],
            Failure = failure,
        });
    }

    private static (int, string) NotFound() =>
        (404, ApiJson.Serialize(new ApiProblem { Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5", Title = "No such sweep.", Status = 404, Detail = "There is no sweep with id 'nope'." }));

    [Fact]
    public async Task Submit_ValidRequest_PostsTheBodyWithTheKeyHeader()
    {
        var app = new FakeApi(_ => (202, Accepted()));
        using var folder = new TempFolder();
        string yaml = folder.Write("base.yml", "n: 4\n");

        var result = await new Cli { Http = app }.Run("submit", "--endpoint", app.Endpoint, "--key", "secret", "--scenario", "quadratic", "--stages", "A:x=0.1,0.3",
            "--base", yaml, "--periods", "10", "--instance-id", Id);

        Assert.True(result.ExitCode == 0, result.ToString());
        var request = Assert.Single(app.Received);
        Assert.Equal(("POST", "/api/sweeps", "secret"), (request.Method, request.Path, request.Key));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("quadratic", body.RootElement.GetProperty("scenario").GetString());
        Assert.Equal("A:x=0.1,0.3", body.RootElement.GetProperty("stages")[0].GetString());
        Assert.Equal("4", body.RootElement.GetProperty("base").GetProperty("n").GetRawText());
        Assert.Equal(10, body.RootElement.GetProperty("periods").GetInt32());
        Assert.Equal(Id, body.RootElement.GetProperty("instanceId").GetString());
        Assert.False(body.RootElement.TryGetProperty("stabilityTiers", out _));   // not given: the service's default applies
        Assert.Contains($"Submitted sweep {Id}", result.Out);
        Assert.Contains($"status: http://sweep-app.test/api/sweeps/{Id}", result.Out);
    }

    [Fact]
    public async Task Submit_json_prints_only_the_id_and_the_status_route_even_when_the_service_sends_keyed_urls()
    {
        // An older service also answered the durable management URLs, which carry the Durable system key.
        var answer = System.Text.Json.Nodes.JsonNode.Parse(Accepted())!.AsObject();
        answer["statusQueryGetUri"] = $"http://sweep-app.test/runtime/webhooks/durabletask/instances/{Id}?code=system-key";
        var app = new FakeApi(_ => (202, answer.ToJsonString()));

        var result = await new Cli { Http = app }.Run("submit", "--endpoint", app.Endpoint, "--scenario", "quadratic", "--stages", "A:x=0.1", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Out);
        Assert.Equal(["status", "id", "sweepStatusUri"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal($"http://sweep-app.test/api/sweeps/{Id}", doc.RootElement.GetProperty("sweepStatusUri").GetString());
        Assert.DoesNotContain("system-key", result.Out + result.Error);
    }

    [Fact]
    public async Task Submit_KeyAndEndpointFromEnvironment_AreUsed()
    {
        var app = new FakeApi(_ => (202, Accepted()));
        var cli = new Cli { Http = app };
        cli.Environment["SWEEP_ENDPOINT"] = app.Endpoint + "/api";
        cli.Environment["SWEEP_FUNCTION_KEY"] = "from-env";

        var result = await cli.Run("submit", "--scenario", "quadratic", "--stages", "A:x=0.1", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(("/api/sweeps", "from-env"), (app.Received.Single().Path, app.Received.Single().Key));
        using var doc = JsonDocument.Parse(result.Out);
        Assert.Equal(Id, doc.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Submit_RequestFile_IsSentWithFlagsOverridingIt()
    {
        var app = new FakeApi(_ => (202, Accepted()));
        using var folder = new TempFolder();
        string file = folder.Write("request.json", "{\"scenario\": \"quadratic\", \"stages\": [\"A:x=0.1,0.3\"], \"periods\": 1000, \"rankBy\": \"mean\"}");

        var result = await new Cli { Http = app }.Run("submit", file, "--endpoint", app.Endpoint, "--periods", "20");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var body = JsonDocument.Parse(app.Received.Single().Body);
        Assert.Equal(20, body.RootElement.GetProperty("periods").GetInt32());
        Assert.Equal("mean", body.RootElement.GetProperty("rankBy").GetString());
    }

    [Fact]
    public async Task Submit_with_a_missing_request_file_exits_2_naming_the_file_and_nothing_else()
    {
        var app = new FakeApi(_ => (202, Accepted()));
        using var folder = new TempFolder();
        string missing = folder["missing.json"];

        var result = await new Cli { Http = app }.Run("submit", missing, "--endpoint", app.Endpoint);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"error: invalid input (1 problem); nothing was run.\n  request file: '{missing}' was not found (looked for {missing}).\n",
            result.Error);
        Assert.Empty(app.Received);
    }

    [Fact]
    public async Task Submit_with_a_request_file_that_is_not_json_exits_2_saying_so()
    {
        var app = new FakeApi(_ => (202, Accepted()));
        using var folder = new TempFolder();
        string file = folder.Write("request.json", "{\"stages\": [");

        var result = await new Cli { Http = app }.Run("submit", file, "--endpoint", app.Endpoint);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"  request file: '{file}' is not valid JSON: ", result.Error);
        Assert.DoesNotContain("--stages", result.Error);
        Assert.Empty(app.Received);
    }

    [Fact]
    public async Task Submit_with_a_folder_as_request_file_exits_2_saying_so()
    {
        using var folder = new TempFolder();

        var result = await Cli.RunAsync("submit", folder.Path, "--endpoint", "http://sweep-app.test");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"  request file: '{folder.Path}' is a folder, not a request file.", result.Error);
        Assert.DoesNotContain("--stages", result.Error);
    }

    [Fact]
    public async Task Submit_with_an_unknown_field_in_the_request_file_names_the_file_and_the_field()
    {
        using var folder = new TempFolder();
        string file = folder.Write("request.json", "{\"scenari\": \"quadratic\", \"stages\": [\"A:x=0.1\"]}");

        var result = await Cli.RunAsync("submit", file, "--endpoint", "http://sweep-app.test");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"  request file: '{file}', field scenari: Unknown field 'scenari'. Did you mean 'scenario'?", result.Error);
        Assert.DoesNotContain("--stages", result.Error);
    }

    [Fact]
    public async Task Submit_InvalidRequest_IsRejectedHereWithoutCallingTheService()
    {
        var app = new FakeApi(_ => (202, Accepted()));

        var result = await new Cli { Http = app }.Run("submit", "--endpoint", app.Endpoint, "--scenario", "quadratic", "--stages", "A:y=1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown parameter 'y'", result.Error);
        Assert.Empty(app.Received);
    }

    [Fact]
    public async Task Submit_ServiceSays400_ExitsWith2WithItsMessages()
    {
        var app = new FakeApi(_ => (400, ApiJson.Serialize(new ApiProblem
        {
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1", Title = "The sweep request is invalid.", Status = 400,
            Errors = new Dictionary<string, string[]> { ["base"] = ["Blob 'x/y.json' does not exist."] },
        })));

        var result = await new Cli { Http = app }.Run("submit", "--endpoint", app.Endpoint, "--scenario", "quadratic", "--stages", "A:x=0.1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--base: Blob 'x/y.json' does not exist.", result.Error);
    }

    [Fact]
    public async Task Submit_KeyRefused_ExitsWith1()
    {
        var app = new FakeApi(_ => (401, ""));

        var result = await new Cli { Http = app }.Run("submit", "--endpoint", app.Endpoint, "--key", "wrong", "--scenario", "quadratic", "--stages", "A:x=0.1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("HTTP 401", result.Error);
        Assert.Contains("function key", result.Error);
    }

    [Fact]
    public async Task Submit_NoEndpoint_ExitsWith2NamingTheVariable()
    {
        var result = await Cli.RunAsync("submit", "--scenario", "quadratic", "--stages", "A:x=0.1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("SWEEP_ENDPOINT", result.Error);
    }

    [Fact]
    public async Task SubmitWait_FollowsProgressThenFetchesEveryFile()
    {
        using var folder = new TempFolder();
        int polls = 0;
        var app = new FakeApi(r => (r.Method, r.Path) switch
        {
            ("POST", "/api/sweeps") => (202, Accepted()),
            ("GET", $"/api/sweeps/{Id}") => Interlocked.Increment(ref polls) switch
            {
                1 => (200, Status("Running", 0)),
                2 => (200, Status("Running", 1)),
                _ => (200, Status("Completed", 2)),
            },
            ("GET", $"/api/sweeps/{Id}/report") => (200, Report.Value.ToJson()),
            _ => NotFound(),
        });

        var result = await new Cli { Http = app }.Run("submit", "--endpoint", app.Endpoint, "--scenario", "quadratic", "--stages", "A:x=0.1,0.3", "B:n=3,4",
            "--wait", "--poll-interval", "0.05", "--output", folder.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("[Running] stage 1/2 'A'", result.Out);
        Assert.Contains("Stage A finished: combined=", result.Out);
        Assert.Contains("SWEEP SUMMARY", result.Out);
        foreach (string file in new[] { "quadratic_sweep_stage_A.json", "quadratic_sweep_stage_B.png", "quadratic_sweep.json", "quadratic_sweep_report.json", "quadratic_sweep_summary.md", "quadratic_sweep_report.html" })
        {
            Assert.True(File.Exists(folder[file]), file);
        }

        string local = StabilityResultFile.Write("quadratic", [StabilityEntry.FromStage(Report.Value.Stages[^1].Result)]);
        Assert.Equal(local, File.ReadAllText(folder["quadratic_sweep.json"]));
    }

    [Fact]
    public async Task SubmitWait_SweepFails_ExitsWith1WithTheFailuresTypeAndMessage()
    {
        using var folder = new TempFolder();
        var app = new FakeApi(r => (r.Method, r.Path) switch
        {
            ("POST", _) => (202, Accepted()),
            _ => (200, Status(RuntimeStatuses.Failed, 0, new FailureView { Type = "ParameterException", Message = "max_M must be int" })),
        });

        var result = await new Cli { Http = app }.Run("submit", "--endpoint", app.Endpoint, "--scenario", "quadratic", "--stages", "A:x=0.1", "--wait", "--poll-interval", "0.05", "--output", folder.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: sweep sweep-1 ended as Failed: ParameterException: max_M must be int", result.Error);
    }

    [Fact]
    public async Task Status_Running_ShowsProgressAndFinishedStages()
    {
        var app = new FakeApi(_ => (200, Status("Running", 1)));

        var result = await new Cli { Http = app }.Run("status", Id, "--endpoint", app.Endpoint, "--key", "k");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(($"/api/sweeps/{Id}", "k"), (app.Received.Single().Path, app.Received.Single().Key));
        Assert.Contains($"Sweep {Id}: Running", result.Out);
        Assert.Contains("stage 2/2 'B'", result.Out);
        Assert.Contains("Finished stages", result.Out);
    }

    [Fact]
    public async Task Status_Json_EchoesTheServicesDocument()
    {
        var app = new FakeApi(_ => (200, Status("Completed", 2)));

        var result = await new Cli { Http = app }.Run("status", Id, "--endpoint", app.Endpoint, "--json");

        using var doc = JsonDocument.Parse(result.Out);
        Assert.Equal("Completed", doc.RootElement.GetProperty("runtimeStatus").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("stages").GetArrayLength());
    }

    [Fact]
    public async Task Fetch_NoReportEndpoint_WritesStageAndFinalFilesFromTheStatus()
    {
        using var folder = new TempFolder();
        var app = new FakeApi(r => r.Path.EndsWith("/report") ? NotFound() : (200, Status("Completed", 2)));

        var result = await new Cli { Http = app }.Run("fetch", Id, "--endpoint", app.Endpoint, "--output", folder.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("did not return the full report", result.Error);
        var stageB = StabilityResultFile.Read(File.ReadAllText(folder["quadratic_sweep_stage_B.json"]))[0];
        Assert.Equal(Report.Value.Stages[1].Result.WinnerParams, stageB.Params);
        Assert.Equal(Report.Value.Stages[1].Result.CombinedScore, stageB.CombinedScore);
        var base_ = BaseConfig.Load(folder["quadratic_sweep.json"], File.ReadAllText(folder["quadratic_sweep.json"]), new ValidationErrors());
        Assert.Equal(Report.Value.Final, base_);
    }

    private static readonly FailureView ActivityFailed = new()
    {
        Type = "Microsoft.DurableTask.TaskFailedException",
        Message = "Task 'EvaluateBatch' (#4) failed with an unhandled exception: disk full",
        Cause = new FailureView { Type = "System.IO.IOException", Message = "disk full" },
    };

    [Theory]
    [InlineData("blob", "| Base | `{n: 4}` (from blob `previous/quadratic_sweep.json` of the results container) |")]
    [InlineData("inline", "| Base | `{n: 4}` (given inline in the request) |")]
    [InlineData(null, "| Base | `{n: 4}` (source not recorded) |")]
    public async Task Fetched_summary_says_where_the_base_came_from(string? kind, string expected)
    {
        using var folder = new TempFolder();
        var report = Report.Value with
        {
            Base = SweepDomain.Parameters.ParamSet.Of(("n", 4)),
            BaseSource = kind switch { "blob" => BaseSource.Blob("previous/quadratic_sweep.json"), "inline" => BaseSource.Inline, _ => null },
        };
        var app = new FakeApi(r => r.Path.EndsWith("/report") ? (200, report.ToJson()) : (200, Status(RuntimeStatuses.Completed, 2)));

        var result = await new Cli { Http = app }.Run("fetch", Id, "--endpoint", app.Endpoint, "--output", folder.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(expected, File.ReadAllText(folder["quadratic_sweep_summary.md"]));
    }

    [Fact]
    public async Task Fetched_summarys_base_hint_names_the_output_folder()
    {
        using var folder = new TempFolder();
        string output = Path.Combine(folder.Path, "fetched");
        var app = new FakeApi(r => r.Path.EndsWith("/report") ? (200, Report.Value.ToJson()) : (200, Status(RuntimeStatuses.Completed, 2)));

        var result = await new Cli { Http = app }.Run("fetch", Id, "--endpoint", app.Endpoint, "--output", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"`sweep run --scenario quadratic --base {output}/quadratic_sweep.json --stages ...`", File.ReadAllText(Path.Combine(output, "quadratic_sweep_summary.md")));
    }

    [Fact]
    public async Task Fetch_of_a_failed_sweep_exits_1_naming_the_failure_and_writes_its_finished_stages()
    {
        using var folder = new TempFolder();
        var app = new FakeApi(r => r.Path.EndsWith("/report") ? NotFound() : (200, Status(RuntimeStatuses.Failed, 1, ActivityFailed)));

        var result = await new Cli { Http = app }.Run("fetch", Id, "--endpoint", app.Endpoint, "--output", folder.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            "error: sweep sweep-1 ended as Failed: Microsoft.DurableTask.TaskFailedException: Task 'EvaluateBatch' (#4) failed with an unhandled exception: disk full; " +
            "cause: System.IO.IOException: disk full",
            result.Error);
        Assert.Contains("warning: Sweep 'sweep-1' ended as Failed and will not complete: wrote its 1 finished stages.", result.Error);
        Assert.DoesNotContain("Fetch again", result.Error);
        Assert.True(File.Exists(folder["quadratic_sweep_stage_A.json"]));
        Assert.Equal(0, app.Count("GET", $"/api/sweeps/{Id}/report"));   // a report is written only by a completed sweep
    }

    [Fact]
    public async Task Fetch_of_a_failed_sweep_writes_its_page_with_the_failure_and_the_finished_stages_candidates()
    {
        using var folder = new TempFolder();
        var app = new FakeApi(r => r.Path switch
        {
            $"/api/sweeps/{Id}/stages/1" => (200, SweepHosting.Dashboard.SweepPageData.OutcomeJson(Report.Value.Stages[0])),
            $"/api/sweeps/{Id}" => (200, Status(RuntimeStatuses.Failed, 1, ActivityFailed)),
            _ => NotFound(),
        });

        var result = await new Cli { Http = app }.Run("fetch", Id, "--endpoint", app.Endpoint, "--output", folder.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(1, app.Count("GET", $"/api/sweeps/{Id}/stages/1"));
        var data = SweepHosting.Dashboard.SweepPage.DataOf(File.ReadAllText(folder["quadratic_sweep_report.html"]))!;
        Assert.Equal("fetch", (string?)data["source"]);
        Assert.Equal("Failed", (string?)data["status"]!["runtimeStatus"]);
        Assert.Equal("disk full", (string?)data["status"]!["failure"]!["cause"]!["message"]);
        var outcome = Assert.Single(data["outcomes"]!.AsArray())!;
        Assert.Equal("A", (string?)outcome["result"]!["label"]);
        Assert.Equal(Report.Value.Stages[0].Candidates.Count, outcome["candidates"]!.AsArray().Count);
        Assert.Equal(["quadratic_sweep_stage_A.json"], data["files"]!.AsArray().Select(f => (string?)f!["name"]));
    }

    [Fact]
    public async Task Fetch_leaves_out_of_the_page_a_stage_answer_that_is_not_that_stages_outcome_and_says_so()
    {
        using var folder = new TempFolder();
        var app = new FakeApi(r => r.Path.EndsWith("/report") ? NotFound() : (200, Status(RuntimeStatuses.Running, 1)));

        var result = await new Cli { Http = app }.Run("fetch", Id, "--endpoint", app.Endpoint, "--output", folder.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("warning: The service's answer for stage 1 (A) is not that stage's outcome; the page shows the stage without its candidates.", result.Error);
        var data = SweepHosting.Dashboard.SweepPage.DataOf(File.ReadAllText(folder["quadratic_sweep_report.html"]))!;
        Assert.Empty(data["outcomes"]!.AsArray());
        Assert.Equal("A", (string?)data["status"]!["stages"]![0]!["label"]);
    }

    [Fact]
    public async Task Fetch_of_a_terminated_sweep_exits_1_saying_it_ended_so()
    {
        using var folder = new TempFolder();
        var app = new FakeApi(_ => (200, Status(RuntimeStatuses.Terminated, 0)));

        var result = await new Cli { Http = app }.Run("fetch", Id, "--endpoint", app.Endpoint, "--output", folder.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: sweep sweep-1 ended as Terminated", result.Error);
        Assert.DoesNotContain("Fetch again", result.Error);
    }

    [Fact]
    public async Task Fetch_of_a_running_sweep_exits_0_and_says_to_fetch_again()
    {
        using var folder = new TempFolder();
        var app = new FakeApi(_ => (200, Status(RuntimeStatuses.Running, 1)));

        var result = await new Cli { Http = app }.Run("fetch", Id, "--endpoint", app.Endpoint, "--output", folder.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("warning: Sweep 'sweep-1' is Running: wrote its 1 finished stages. Fetch again when it has completed.", result.Error);
    }

    [Fact]
    public async Task Fetch_json_of_a_failed_sweep_prints_one_document_with_the_failure()
    {
        using var folder = new TempFolder();
        var app = new FakeApi(_ => (200, Status(RuntimeStatuses.Failed, 0, ActivityFailed)));

        var result = await new Cli { Http = app }.Run("fetch", Id, "--endpoint", app.Endpoint, "--output", folder.Path, "--json");

        Assert.Equal(1, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        Assert.Equal("Failed", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal("System.IO.IOException", doc.RootElement.GetProperty("failure").GetProperty("cause").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Status_of_a_failed_sweep_shows_the_failure_and_its_cause()
    {
        var app = new FakeApi(_ => (200, Status(RuntimeStatuses.Failed, 0, ActivityFailed)));

        var result = await new Cli { Http = app }.Run("status", Id, "--endpoint", app.Endpoint);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("  Failure: Microsoft.DurableTask.TaskFailedException: Task 'EvaluateBatch' (#4) failed with an unhandled exception: disk full; cause: System.IO.IOException: disk full", result.Out);
    }

    [Fact]
    public async Task Cancel_PostsToTheCancelRoute()
    {
        var app = new FakeApi(_ => (202, ApiJson.Serialize(new CancelAcceptedView { Id = Id, CancelRequested = true, SweepStatusUri = $"http://sweep-app.test/api/sweeps/{Id}" })));

        var result = await new Cli { Http = app }.Run("cancel", Id, "--endpoint", app.Endpoint);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(("POST", $"/api/sweeps/{Id}/cancel"), (app.Received.Single().Method, app.Received.Single().Path));
        Assert.Contains("Cancellation requested", result.Out);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body>Not here</body></html>")]
    public async Task Status_on_a_wrong_endpoint_names_the_url_tried_and_says_the_endpoint_is_probably_wrong(string body)
    {
        var app = new FakeApi(_ => (404, body));

        var result = await new Cli { Http = app }.Run("status", Id, "--endpoint", app.Endpoint + "/wrongbase");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            $"error: GET http://sweep-app.test/wrongbase/api/sweeps/{Id} answered HTTP 404 (NotFound) without the sweep API's problem details, so the endpoint is probably wrong: " +
            "--endpoint takes the Function App's base URL, e.g. https://<app>.azurewebsites.net (the API is under /api/sweeps).",
            result.Error);
        Assert.Single(app.Received);
    }

    [Fact]
    public async Task Status_of_an_unknown_id_says_so_in_the_services_words()
    {
        var app = new FakeApi(_ => NotFound());

        var result = await new Cli { Http = app }.Run("status", "nope", "--endpoint", app.Endpoint);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: GET /api/sweeps/nope answered HTTP 404 (NotFound): There is no sweep with id 'nope'.", result.Error);
    }

    [Fact]
    public async Task Status_BadId_ExitsWith2()
    {
        var result = await Cli.RunAsync("status", "../etc", "--endpoint", "http://127.0.0.1:9");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'../etc' is not a sweep id", result.Error);
    }
}
