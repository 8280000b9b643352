using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using SweepDomain.Evaluation;
using SweepFunctions.Http;
using SweepFunctions.Tests.Support;
using SweepHosting.Evaluation.Protocol;
using SweepTestKit;

namespace SweepFunctions.Tests;

/// <summary>
/// A sweep request that names an operator-configured evaluator: the app validates it against the endpoint's
/// description and POSTs every batch there (a loopback endpoint on 127.0.0.1 serving the test-kit model).
/// </summary>
public sealed class NamedEvaluatorTests : IAsyncLifetime
{
    private const string Key = "endpoint-key-1";
    private readonly ModelEndpoint _endpoint = new();
    private SweepAppHost _app = null!;

    public async Task InitializeAsync()
    {
        var settings = Settings.For(AzuriteAppFixture.ConnectionString, "named-evaluators");
        settings["Sweep:Evaluators:remote:Url"] = _endpoint.BaseUrl.ToString();
        settings["Sweep:Evaluators:remote:Key"] = Key;
        _app = await SweepAppHost.StartAsync(new InMemoryResultStore(), settings);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _endpoint.Dispose();
    }

    [Fact]
    public async Task A_sweep_naming_an_evaluator_runs_every_batch_through_it_under_the_batch_key_and_the_report_names_it()
    {
        var body = Requests.OneStage("named-1");
        body["evaluator"] = "remote";

        var response = await StartAsync(body.ToJsonString());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await _app.WaitForSweepAsync("named-1")).RuntimeStatus);
        // Screening: 0.1, 0.3 and the incumbent 0.5 on seed 0; the tier 2:2 adds seed 1 to the two survivors and the
        // incumbent. Each evaluation is posted once.
        Assert.Equal(
            ["{x: 0.1}@0", "{x: 0.1}@1", "{x: 0.3}@0", "{x: 0.3}@1", "{x: 0.5}@0", "{x: 0.5}@1"],
            _endpoint.Evaluated.Select(i => $"{i.Params}@{i.Seed}").Order(StringComparer.Ordinal));
        Assert.Empty(_app.Evaluator.Seen);
        Assert.All(_endpoint.Posts, p => Assert.Equal($"Key {Key}", p.Authorization));
        // The screening is call 0 of the stage, the tier call 1; how many batches the tier takes depends on the measured
        // evaluation time, and each batch is posted once under its own key.
        var keys = _endpoint.Posts.Select(p => p.IdempotencyKey!).ToList();
        Assert.Equal(["named-1/0/0-0"], keys.Where(k => k.StartsWith("named-1/0/0-", StringComparison.Ordinal)));
        Assert.All(keys.Where(k => k != "named-1/0/0-0"), k => Assert.StartsWith("named-1/0/1-", k));
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Single(_endpoint.Calls, c => c == "GET /describe");

        using var report = JsonDocument.Parse(await _app.Store.ReadTextAsync("named-1/report.json") ?? "{}");
        var evaluator = report.RootElement.GetProperty("evaluator");
        Assert.Equal(("remote", "7.1"), (evaluator.GetProperty("name").GetString(), evaluator.GetProperty("version").GetString()));
        Assert.Contains("\"evaluator\": \"remote\"", await _app.Store.ReadTextAsync("named-1/request.json"));
        var status = (await _app.Create<GetSweep>().RunAsync(TestHttpRequest.Get("sweeps/named-1"), _app.Client, "named-1")).BodyJson();
        Assert.Equal(("remote", "7.1"), (status.GetProperty("evaluator").GetProperty("name").GetString(), status.GetProperty("evaluator").GetProperty("version").GetString()));
        Assert.DoesNotContain(Key, await _app.Store.ReadTextAsync("named-1/request.json"));
        Assert.DoesNotContain(Key, report.RootElement.GetRawText());
    }

    private const string FaultySweep = "named-faults";

    [Fact]
    public async Task A_named_evaluators_failures_and_metrics_reach_the_stage_outcome_and_the_page()
    {
        // The test-kit score with the model's metric gap = |x - 0.3|, and x = 0.1 refused on seed 1.
        _endpoint.Answer = item =>
        {
            double x = item.Params.TryGet("x", out var v) ? v.AsDouble : 0.5;
            return x == 0.1 && item.Seed == 1
                ? new ResultLine(item.Id, null, null, Error: "no seed 1 for x = 0.1")
                : ProtocolTranslation.ToLine(item.Id, TestScenarios.Score(ProtocolTranslation.ToRequest(item)) with { Metrics = new Dictionary<string, double> { ["gap"] = Math.Abs(x - 0.3) } });
        };
        var body = Requests.OneStage(FaultySweep);
        body["evaluator"] = "remote";

        Assert.Equal(HttpStatusCode.Accepted, (await StartAsync(body.ToJsonString())).StatusCode);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await _app.WaitForSweepAsync(FaultySweep)).RuntimeStatus);

        // 6 evaluations ran (0.1, 0.3 and the incumbent 0.5 on seeds 0 and 1); the endpoint refused x = 0.1 on seed 1.
        var report = System.Text.Json.Nodes.JsonNode.Parse(await _app.Store.ReadTextAsync($"{FaultySweep}/report.json") ?? "{}")!;
        var failed = Assert.Single(report["failures"]!.AsArray())!;
        Assert.Equal("{\"scenario\":\"quadratic\",\"params\":{\"x\":0.1},\"seed\":1,\"periods\":10,\"failure\":{\"kind\":\"refused\",\"reason\":\"the model refused it: no seed 1 for x = 0.1\"}}",
            failed.ToJsonString());
        var stage = report["stages"]![0]!;
        Assert.Equal(
            "{\"failed\":1,\"evaluations\":6,\"reasons\":[{\"kind\":\"refused\",\"reason\":\"the model refused it: no seed 1 for x = 0.1\",\"count\":1," +
            "\"exampleScenario\":\"quadratic\",\"exampleParams\":{\"x\":0.1},\"exampleSeed\":1}]}",
            stage["failures"]!.ToJsonString());
        // The winner x = 0.3: gap 0 on both seeds.
        var winner = stage["candidates"]!.AsArray().Single(c => c!["params"]!.ToJsonString() == "{\"x\":0.3}")!;
        Assert.Equal("[{\"name\":\"gap\",\"n\":2,\"mean\":0,\"sd\":0}]", winner["metrics"]!.ToJsonString());

        var page = await _app.Create<GetSweepDashboard>().RunAsync(TestHttpRequest.Get($"sweeps/{FaultySweep}/dashboard"), _app.Client, FaultySweep);
        var data = SweepHosting.Dashboard.SweepPage.DataOf(page.BodyText())!;
        Assert.Equal("{\"name\":\"remote\",\"version\":\"7.1\"}", data["evaluator"]!.ToJsonString());
        Assert.Equal(1, (int)data["report"]!["stages"]![0]!["failures"]!["failed"]!);
    }

    [Fact]
    public async Task A_batch_whose_answer_is_lost_mid_post_is_posted_again_under_the_same_key_and_counted_once()
    {
        // The endpoint runs the screening batch, then the connection drops before its whole answer arrives (the
        // endpoint restarted, say). The batch is posted again under the same key, the endpoint answers from its record,
        // and the sweep counts each evaluation once.
        _endpoint.DropFirstAnswerFor = "named-2/0/0-0";
        var body = Requests.OneStage("named-2");
        body["evaluator"] = "remote";

        Assert.Equal(HttpStatusCode.Accepted, (await StartAsync(body.ToJsonString())).StatusCode);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await _app.WaitForSweepAsync("named-2")).RuntimeStatus);

        // The screening batch is posted twice under its key; the tier's batches (as many as its measured time asks for) once each.
        var keys = _endpoint.Posts.Select(p => p.IdempotencyKey!).ToList();
        Assert.Equal(2, keys.Count(k => k == "named-2/0/0-0"));
        Assert.All(keys.Where(k => k != "named-2/0/0-0"), k => Assert.StartsWith("named-2/0/1-", k));
        Assert.Equal(keys.Count - 1, keys.Distinct().Count());
        Assert.Equal(
            ["{x: 0.1}@0", "{x: 0.1}@1", "{x: 0.3}@0", "{x: 0.3}@1", "{x: 0.5}@0", "{x: 0.5}@1"],
            _endpoint.Evaluated.Select(i => $"{i.Params}@{i.Seed}").Order(StringComparer.Ordinal));
        using var report = JsonDocument.Parse(await _app.Store.ReadTextAsync("named-2/report.json") ?? "{}");
        Assert.Equal((6, 6), (report.RootElement.GetProperty("evaluationsRequested").GetInt32(), report.RootElement.GetProperty("evaluationsExecuted").GetInt32()));
        Assert.False(report.RootElement.TryGetProperty("failures", out _));
    }

    [Fact]
    public async Task A_batch_whose_host_stopped_mid_post_runs_again_under_the_same_key_and_the_endpoint_answers_it_once()
    {
        // The host stops while the batch's POST waits for its answer (its invocation is cancelled); the Durable Task
        // engine then runs the activity again with the same input, which posts under the same key.
        _endpoint.HoldFirstAnswerFor = "named-3/0/0-0";
        var input = new SweepFunctions.Activities.EvaluateBatchInput(
            "named-3", 0, "A", EvaluationPhase.Screening, 0, 0, 10,
            SweepFunctions.Scores.ConfigSeeds.Of([new EvaluationRequest(TestScenarios.Quadratic, SweepDomain.Parameters.ParamSet.Of(("x", 0.1)), 0, 10),
                                                  new EvaluationRequest(TestScenarios.Quadratic, SweepDomain.Parameters.ParamSet.Of(("x", 0.3)), 0, 10)]),
            "remote");
        using var shutdown = new CancellationTokenSource();
        var first = _app.Create<SweepFunctions.Activities.EvaluateBatch>().RunAsync(input, shutdown.Token);
        while (_endpoint.Posts.IsEmpty)
        {
            await Task.Delay(20);
        }

        shutdown.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        var again = await _app.Create<SweepFunctions.Activities.EvaluateBatch>().RunAsync(input, CancellationToken.None);

        Assert.Equal(["named-3/0/0-0", "named-3/0/0-0"], _endpoint.Posts.Select(p => p.IdempotencyKey));
        Assert.Equal(["{x: 0.1}@0", "{x: 0.3}@0"], _endpoint.Evaluated.Select(i => $"{i.Params}@{i.Seed}"));
        Assert.Equal([0.913, 0.953], again.Scores.Total.Select(x => Math.Round(x, 6)));   // 1 - (x - 0.3)^2 - 0.04 - 0.007 (seed 0)
    }

    [Fact]
    public async Task Failed_evaluations_and_metrics_from_the_endpoint_reach_the_report_through_the_durable_path()
    {
        _endpoint.Answer = item => item.Params.ToString() == "{x: 0.1}"
            ? new ResultLine(item.Id, null, null, Error: "x below the model's range")
            : new ResultLine(item.Id, 0.9, true, new Dictionary<string, double> { ["gap"] = 0.25 }, Counts: new MetricCounts(3, 0, 0));
        var body = Requests.OneStage("named-4");
        body["evaluator"] = "remote";

        Assert.Equal(HttpStatusCode.Accepted, (await StartAsync(body.ToJsonString())).StatusCode);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await _app.WaitForSweepAsync("named-4")).RuntimeStatus);

        using var report = JsonDocument.Parse(await _app.Store.ReadTextAsync("named-4/report.json") ?? "{}");
        // x = 0.1 is refused on the screening seed, ranks last and goes no further: one failure.
        var failure = Assert.Single(report.RootElement.GetProperty("failures").EnumerateArray());
        Assert.Equal(
            (0.1, 0, "refused", "the model refused it: x below the model's range"),
            (failure.GetProperty("params").GetProperty("x").GetDouble(), failure.GetProperty("seed").GetInt32(),
             failure.GetProperty("failure").GetProperty("kind").GetString(), failure.GetProperty("failure").GetProperty("reason").GetString()));
        var scores = await new SweepFunctions.Scores.ScoreArchive(_app.Store).StageAsync("named-4", 0, 10, gather: false);
        Assert.All(scores.Where(s => s.Request.Params.ToString() == "{x: 0.3}"), s => Assert.Equal(0.25, s.Score.Metrics!["gap"]));
        Assert.Equal(2, scores.Count(s => s.Request.Params.ToString() == "{x: 0.3}"));
    }

    [Fact]
    public async Task An_unknown_evaluator_name_is_a_400_naming_the_field_with_the_closest_configured_name()
    {
        var body = Requests.OneStage("named-unknown");
        body["evaluator"] = "remot";

        var response = await StartAsync(body.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Unknown evaluator 'remot' (configured: remote). Did you mean 'remote'?"], Errors(response, "evaluator"));
        Assert.Empty(_endpoint.Calls);
    }

    [Fact]
    public async Task An_address_in_the_evaluator_field_is_refused_and_never_called()
    {
        var body = Requests.OneStage("named-url");
        body["evaluator"] = _endpoint.BaseUrl.ToString();

        var response = await StartAsync(body.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith($"'{_endpoint.BaseUrl}' is an address;", Assert.Single(Errors(response, "evaluator")));
        Assert.Empty(_endpoint.Calls);
    }

    [Fact]
    public async Task A_stage_is_validated_against_the_named_evaluators_description_before_anything_starts()
    {
        // The endpoint describes x in [0, 1] and no n: the built-in test catalog would accept n.
        var body = Requests.OneStage("named-bad-stage");
        body["evaluator"] = "remote";
        body["stages"] = new System.Text.Json.Nodes.JsonArray("A:n=2,4");

        var response = await StartAsync(body.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'n'", response.BodyText());
        Assert.Equal(["GET /describe"], _endpoint.Calls);
        Assert.Null(await _app.Store.ReadTextAsync("named-bad-stage/request.json"));
    }

    private async Task<Microsoft.Azure.Functions.Worker.Http.HttpResponseData> StartAsync(string json)
    {
        var request = new TestHttpRequest("POST", "http://localhost:7071/api/sweeps", json);
        request.Headers.Add("Content-Type", "application/json");
        return await _app.Create<StartSweep>().RunAsync(request, _app.Client);
    }

    private static List<string?> Errors(Microsoft.Azure.Functions.Worker.Http.HttpResponseData response, string field) =>
        response.BodyJson().GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()).ToList();

    /// <summary>The test-kit model behind the HTTP protocol on a free loopback port: x in [0, 1] only, version 7.1.</summary>
    private sealed class ModelEndpoint : IDisposable
    {
        private static readonly string Describe = ProtocolMessages.Line(ProtocolTranslation.Describe("remote-model", "7.1",
            [new SweepDomain.Parameters.ScenarioSchema(TestScenarios.Quadratic, [TestScenarios.Schema(TestScenarios.Quadratic).Find("x")!])]));

        private readonly LoopbackEndpoint _endpoint;

        public ModelEndpoint() => _endpoint = new LoopbackEndpoint(AnswerAsync);

        public Uri BaseUrl => _endpoint.BaseUrl;

        public ConcurrentQueue<string> Calls { get; } = new();

        public ConcurrentQueue<(string? IdempotencyKey, string? Authorization)> Posts { get; } = new();

        public ConcurrentQueue<EvaluationItem> Evaluated { get; } = new();

        /// <summary>The idempotency key whose first answer is lost: the batch runs, then the connection drops mid-answer.</summary>
        public string? DropFirstAnswerFor { get; set; }

        /// <summary>The idempotency key whose first answer never comes: the batch runs, and the request is held open.</summary>
        public string? HoldFirstAnswerFor { get; set; }

        /// <summary>Answers some items itself (a refusal, metrics); null leaves the item to the test-kit model.</summary>
        public Func<EvaluationItem, ResultLine?> Answer { get; set; } = _ => null;

        /// <summary>Answers by idempotency key: a batch posted again is answered from here, not run again.</summary>
        private readonly ConcurrentDictionary<string, string> _answers = new();

        private async Task AnswerAsync(string call, HttpListenerContext context)
        {
            Calls.Enqueue(call);
            string answer = Describe;
            if (call == "POST /evaluate")
            {
                string key = context.Request.Headers[HttpEvaluator.IdempotencyHeader] ?? "";
                Posts.Enqueue((key, context.Request.Headers["Authorization"]));
                using var reader = new StreamReader(context.Request.InputStream);
                string posted = await reader.ReadToEndAsync();
                answer = _answers.GetOrAdd(key, _ =>
                {
                    var command = ProtocolMessages.Read<EvaluateCommand>(posted)!;
                    command.Items.ToList().ForEach(Evaluated.Enqueue);
                    return ProtocolMessages.Line(new EvaluateAnswer(command.Items
                        .Select(i => Answer(i) ?? ProtocolTranslation.ToLine(i.Id, TestScenarios.Score(ProtocolTranslation.ToRequest(i))))
                        .ToList()));
                });
                if (key == HoldFirstAnswerFor)
                {
                    HoldFirstAnswerFor = null;
                    return;   // never answered; the listener's close ends it
                }

                if (key == DropFirstAnswerFor)
                {
                    DropFirstAnswerFor = null;
                    await LoopbackEndpoint.DropMidAnswerAsync(context.Response, answer);
                    return;
                }
            }

            byte[] bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }

        public void Dispose() => _endpoint.Dispose();
    }
}
