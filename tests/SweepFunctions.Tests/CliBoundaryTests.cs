using System.Text.Json;
using SweepCli;
using SweepDomain;
using SweepDomain.Parameters;
using SweepDomain.Results;
using SweepFunctions.Tests.Support;
using SweepTestKit;

namespace SweepFunctions.Tests;

/// <summary>
/// Both sides of the HTTP API at once: the real <c>sweep</c> command line, its requests answered by the app's real HTTP
/// functions (<see cref="FunctionsHttpHandler"/>) on the in-process durable engine with blobs in Azurite. A field that
/// one side writes under another name than the other reads fails here.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CliBoundaryTests(AzuriteAppFixture fixture)
{
    private const string Endpoint = "http://localhost:7071";

    private SweepAppHost App => fixture.App;

    [Fact]
    public async Task Cli_submit_wait_runs_the_sweep_on_the_functions_and_writes_the_files_of_a_local_run()
    {
        await fixture.RequireStorageAsync();
        var handler = new FunctionsHttpHandler(App);
        using var folder = new TempFolder();

        var result = await RunCliAsync(handler, "submit", "--endpoint", Endpoint, "--key", "test-key", "--scenario", "quadratic",
            "--stages", "A:x=0.1,0.3,0.5", "B:n=2,4,6", "--periods", "10", "--stability-tiers", "3:2,2:3", "--instance-id", "cli-boundary",
            "--wait", "--poll-interval", "0.05", "--output", folder.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Submitted sweep cli-boundary", result.Out);
        Assert.Contains("status: http://localhost:7071/api/sweeps/cli-boundary", result.Out);
        Assert.Contains("Stage A finished: combined=0.9532 mean=0.9590 pass=100% {x: 0.3}", result.Out);
        Assert.Contains("Stage B finished: combined=0.9930", result.Out);
        Assert.Equal("POST /api/sweeps", handler.Received[0]);
        Assert.Contains("GET /api/sweeps/cli-boundary/report", handler.Received);

        var final = Assert.Single(StabilityResultFile.Read(File.ReadAllText(folder["quadratic_sweep.json"])));
        Assert.Equal(ParamSet.Of(("x", 0.3), ("n", 4)), final.Params);
        Assert.Equal(0.993006, final.CombinedScore!.Value, 1e-12);
        var report = SweepReport.FromJson(File.ReadAllText(folder["quadratic_sweep_report.json"]));
        Assert.Equal(["A", "B"], report.Stages.Select(s => s.Result.Label));
        Assert.Contains("| Base | `{}` (the model defaults) |", File.ReadAllText(folder["quadratic_sweep_summary.md"]));
        Assert.True(File.Exists(folder["quadratic_sweep_stage_B.png"]));
    }

    [Fact]
    public async Task Cli_status_reads_every_field_the_status_function_writes()
    {
        await fixture.RequireStorageAsync();
        await StartAsync("cli-status");
        await App.WaitForSweepAsync("cli-status");

        var text = await RunCliAsync(new FunctionsHttpHandler(App), "status", "cli-status", "--endpoint", Endpoint);
        var json = await RunCliAsync(new FunctionsHttpHandler(App), "status", "cli-status", "--endpoint", Endpoint + "/api", "--json");

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("Sweep cli-status: Completed", text.Out);
        Assert.Equal("quadratic", JsonDocument.Parse(json.Out).RootElement.GetProperty("scenario").GetString());
        Assert.Contains("Final: {x: 0.3, n: 4}", text.Out);
        Assert.Matches(@"\| 2 +\| B +\| \{x: 0\.3, n: 4\} +\| 0\.9930 ", text.Out);

        // What the CLI read, written back out: every field the function sent came through the CLI's types.
        var direct = (await App.Create<Http.GetSweep>().RunAsync(TestHttpRequest.Get("sweeps/cli-status"), App.Client, "cli-status")).BodyJson();
        using var echoed = JsonDocument.Parse(json.Out);
        Assert.Equal(Names(direct), Names(echoed.RootElement));
        Assert.Equal(direct.GetProperty("stages").GetRawText().Replace(" ", "").Replace("\n", ""), echoed.RootElement.GetProperty("stages").GetRawText().Replace(" ", "").Replace("\n", ""));
        Assert.Equal(direct.GetProperty("progress").GetProperty("summary").GetString(), echoed.RootElement.GetProperty("progress").GetProperty("summary").GetString());
        Assert.Equal(direct.GetProperty("createdAt").GetDateTimeOffset(), echoed.RootElement.GetProperty("createdAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Cli_fetch_of_a_sweep_whose_activity_always_fails_exits_1_with_the_failure_the_function_reports()
    {
        await fixture.RequireStorageAsync();
        App.Evaluator.FailNext(int.MaxValue);
        try
        {
            await StartAsync("cli-failed", Requests.OneStage("cli-failed").ToJsonString());
            await App.WaitForSweepAsync("cli-failed");   // three attempts, 2 s and 4 s apart
        }
        finally
        {
            App.Evaluator.FailNext(0);
        }

        using var folder = new TempFolder();
        var result = await RunCliAsync(new FunctionsHttpHandler(App), "fetch", "cli-failed", "--endpoint", Endpoint, "--output", folder.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(
            @"error: sweep cli-failed ended as Failed: Microsoft\.DurableTask\.TaskFailedException: Task 'EvaluateBatch' \(#\d+\) failed with an " +
            @"unhandled exception: .*; cause: System\.IO\.IOException: Simulated transient fault in the model run\.",
            result.Error);
        Assert.Contains("Sweep 'cli-failed' ended as Failed and will not complete: wrote its 0 finished stages.", result.Error);
    }

    [Fact]
    public async Task Cli_cancel_reaches_the_cancel_function_and_the_sweep_ends_terminated()
    {
        await fixture.RequireStorageAsync();
        await StartAsync("cli-cancel", Requests.Long("cli-cancel").ToJsonString());

        var result = await RunCliAsync(new FunctionsHttpHandler(App), "cancel", "cli-cancel", "--endpoint", Endpoint);
        var state = await App.WaitForSweepAsync("cli-cancel");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Cancellation requested for sweep 'cli-cancel'", result.Out);
        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Terminated, state.RuntimeStatus);
    }

    [Fact]
    public async Task Cli_submit_with_a_fault_the_service_finds_lists_the_functions_problem_details()
    {
        await fixture.RequireStorageAsync();

        // The CLI cannot see the results container, so the missing base blob is found by the service (400 problem details).
        var file = Path.Combine(Path.GetTempPath(), $"cli-request-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{"scenario": "quadratic", "stages": ["A:x=0.1"], "base": "nowhere/quadratic_sweep.json"}""");
        try
        {
            var rejected = await RunCliAsync(new FunctionsHttpHandler(App), "submit", file, "--endpoint", Endpoint);

            Assert.Equal(2, rejected.ExitCode);
            Assert.Contains("--base: Base config 'nowhere/quadratic_sweep.json' was not found in the results container.", rejected.Error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static IEnumerable<string> Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name);

    private Task StartAsync(string id, string? body = null) =>
        App.Create<Http.StartSweep>().RunAsync(TestHttpRequest.Post("sweeps", body ?? Requests.TwoStages(id).ToJsonString()), App.Client);

    private static async Task<CliRun> RunCliAsync(HttpMessageHandler handler, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var services = new CliServices(TestScenarios.Catalog, new RecordingEvaluator(), HttpHandler: handler);
        int code = await SweepApp.RunAsync(args, services, new CliConsole(stdout, stderr, IsTerminal: false));
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    private sealed record CliRun(int ExitCode, string Out, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sweep-boundary-" + Guid.NewGuid().ToString("N"));

        public string this[string name] => System.IO.Path.Combine(Path, name);

        public void Dispose()
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
    }
}
