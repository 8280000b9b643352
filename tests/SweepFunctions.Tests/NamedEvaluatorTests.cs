using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
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
        Assert.Equal(["named-1/0/0-0", "named-1/0/1-0"], _endpoint.Posts.Select(p => p.IdempotencyKey).Order(StringComparer.Ordinal));
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
        private readonly HttpListener _listener = new();

        public ModelEndpoint()
        {
            using var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)socket.LocalEndpoint).Port}/model/");
            socket.Stop();
            _listener.Prefixes.Add(BaseUrl.ToString());
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public Uri BaseUrl { get; }

        public ConcurrentQueue<string> Calls { get; } = new();

        public ConcurrentQueue<(string? IdempotencyKey, string? Authorization)> Posts { get; } = new();

        public ConcurrentQueue<EvaluationItem> Evaluated { get; } = new();

        private async Task ServeAsync()
        {
            var schema = new SweepDomain.Parameters.ScenarioSchema(TestScenarios.Quadratic, [TestScenarios.Schema(TestScenarios.Quadratic).Find("x")!]);
            string describe = ProtocolMessages.Line(ProtocolTranslation.Describe("remote-model", "7.1", [schema]));
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception) when (!_listener.IsListening)
                {
                    return;
                }

                string call = $"{context.Request.HttpMethod} {context.Request.Url!.AbsolutePath.Replace("/model", "")}";
                Calls.Enqueue(call);
                string answer = describe;
                if (call == "POST /evaluate")
                {
                    Posts.Enqueue((context.Request.Headers[HttpEvaluator.IdempotencyHeader], context.Request.Headers["Authorization"]));
                    using var reader = new StreamReader(context.Request.InputStream);
                    var command = ProtocolMessages.Read<EvaluateCommand>(await reader.ReadToEndAsync())!;
                    command.Items.ToList().ForEach(Evaluated.Enqueue);
                    bool faulty = context.Request.Headers[HttpEvaluator.IdempotencyHeader]?.StartsWith(FaultySweep + "/", StringComparison.Ordinal) == true;
                    answer = ProtocolMessages.Line(new EvaluateAnswer(command.Items.Select(i => Answer(i, faulty)).ToList()));
                }

                byte[] bytes = Encoding.UTF8.GetBytes(answer);
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }

        /// <summary>
        /// The test-kit score with the model's metric <c>gap</c> = |x − 0.3|; in the sweep <see cref="FaultySweep"/>,
        /// x = 0.1 on seed 1 is refused.
        /// </summary>
        private static ResultLine Answer(EvaluationItem item, bool faulty)
        {
            double x = item.Params.TryGet("x", out var v) ? v.AsDouble : 0.5;
            return faulty && x == 0.1 && item.Seed == 1
                ? new ResultLine(item.Id, null, null, Error: "no seed 1 for x = 0.1")
                : ProtocolTranslation.ToLine(item.Id, TestScenarios.Score(ProtocolTranslation.ToRequest(item)) with { Metrics = new Dictionary<string, double> { ["gap"] = Math.Abs(x - 0.3) } });
        }

        public void Dispose() => _listener.Close();
    }
}
