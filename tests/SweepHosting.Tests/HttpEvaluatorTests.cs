using System.Collections.Concurrent;
using System.Net;
using System.Text;
using SweepDomain.Evaluation;
using SweepDomain.Parameters;
using SweepHosting.Evaluation.Protocol;
using SweepTestKit;

namespace SweepHosting.Tests;

/// <summary>The HTTP evaluator against a scripted endpoint on 127.0.0.1: retries, 202 polling, refusals, idempotency keys.</summary>
public sealed class HttpEvaluatorTests
{
    private const string Describe = """{"type":"describe","protocol":1,"name":"remote-model","version":"3.2","scenarios":[{"name":"quadratic","parameters":[{"name":"x","type":"float","default":5.0,"min":0.0,"max":10.0}]}]}""";
    private const string Results = """{"results":[{"id":"0","score":0.9,"passed":true,"metrics":{"d":1.0}},{"id":"1","score":0.4,"passed":false}]}""";

    private static readonly IReadOnlyList<EvaluationRequest> Batch =
        [new("quadratic", ParamSet.Of(("x", 3.0)), 0, 10), new("quadratic", ParamSet.Of(("x", 3.0)), 1, 10)];

    [Fact]
    public async Task A_busy_endpoint_is_retried_and_a_long_batch_is_polled_until_its_answer_is_ready()
    {
        // POST: 503, then 202 with Location; the Location: 202 once more, then the results.
        using var endpoint = new ScriptedEndpoint(
            ("POST /evaluate", 503, "busy", null),
            ("POST /evaluate", 202, "", "/jobs/7"),
            ("GET /jobs/7", 202, "", "/jobs/7"),
            ("GET /jobs/7", 200, Results, null));
        var evaluator = await Connect(endpoint);

        var scores = await evaluator.EvaluateAsync(Batch, "sweep-1/stage-0/batch-3", CancellationToken.None);

        Assert.Equal([0.9, 0.4], scores.Select(s => s.TotalScore));
        Assert.Equal([true, false], scores.Select(s => s.Passed));
        Assert.Equal(1.0, scores[0].Metrics!["d"]);
        Assert.Equal(["GET /describe", "POST /evaluate", "POST /evaluate", "GET /jobs/7", "GET /jobs/7"], endpoint.Calls.Select(c => c.Call));
        Assert.All(endpoint.Calls.Where(c => c.Call.StartsWith("POST")), c => Assert.Equal("sweep-1/stage-0/batch-3", c.Key));
        Assert.All(endpoint.Calls, c => Assert.Equal("Bearer token-1", c.Authorization));
        Assert.Equal(new EvaluatorIdentity("remote-model", "3.2"), evaluator.Identity);
    }

    [Fact]
    public async Task A_client_error_fails_every_evaluation_of_the_batch_quoting_the_body()
    {
        using var endpoint = new ScriptedEndpoint(("POST /evaluate", 422, """{"error":"x is not a knob of this model"}""", null));
        var evaluator = await Connect(endpoint);

        var scores = await evaluator.EvaluateAsync(Batch, "k", CancellationToken.None);

        Assert.All(scores, s => Assert.Equal(("refused", 0.0, false), (s.Failure!.Kind, s.TotalScore, s.Passed)));
        Assert.Equal("the endpoint answered 422: {\"error\":\"x is not a knob of this model\"}", scores[0].Failure!.Reason);
        Assert.Single(endpoint.Calls, c => c.Call == "POST /evaluate");   // a 4xx is not retried
    }

    [Fact]
    public async Task An_endpoint_that_stays_down_fails_the_batch_after_five_tries()
    {
        using var endpoint = new ScriptedEndpoint(Enumerable.Repeat(("POST /evaluate", 500, "down", (string?)null), 5).ToArray());
        var evaluator = await Connect(endpoint);

        var scores = await evaluator.EvaluateAsync(Batch, "k", CancellationToken.None);

        Assert.All(scores, s => Assert.Equal("the endpoint answered 500: down", s.Failure!.Reason));
        Assert.Equal(5, endpoint.Calls.Count(c => c.Call == "POST /evaluate"));
    }

    [Fact]
    public async Task A_connection_dropped_before_the_answer_is_posted_again_under_the_same_key()
    {
        // The endpoint restarts mid-batch: the first POST's connection is dropped without an answer.
        using var endpoint = new ScriptedEndpoint(("POST /evaluate", Drop, "", null), ("POST /evaluate", 200, Results, null));
        var evaluator = await Connect(endpoint);

        var scores = await evaluator.EvaluateAsync(Batch, "sweep-1/0/0-3", CancellationToken.None);

        Assert.Equal([0.9, 0.4], scores.Select(s => s.TotalScore));
        Assert.All(scores, s => Assert.Null(s.Failure));
        Assert.Equal(["sweep-1/0/0-3", "sweep-1/0/0-3"], endpoint.Calls.Where(c => c.Call == "POST /evaluate").Select(c => c.Key));
    }

    [Fact]
    public async Task An_endpoint_that_drops_every_connection_fails_the_batch_as_a_crash_after_five_tries()
    {
        using var endpoint = new ScriptedEndpoint(Enumerable.Repeat(("POST /evaluate", Drop, "", (string?)null), 5).ToArray());
        var evaluator = await Connect(endpoint);

        var scores = await evaluator.EvaluateAsync(Batch, "k", CancellationToken.None);

        Assert.All(scores, s => Assert.Equal(("crash", 0.0, false), (s.Failure!.Kind, s.TotalScore, s.Passed)));
        Assert.StartsWith("the endpoint gave no answer in 5 tries; the last: no answer: ", scores[0].Failure!.Reason);
        Assert.Equal(5, endpoint.Calls.Count(c => c.Call == "POST /evaluate"));
    }

    /// <summary>A scripted status that drops the connection before the answer is whole.</summary>
    private const int Drop = -1;

    private static async Task<HttpEvaluator> Connect(ScriptedEndpoint endpoint, TimeProvider? time = null)
    {
        var http = new HttpClient();
        Task<System.Net.Http.Headers.AuthenticationHeaderValue?> Token(CancellationToken _) => Task.FromResult<System.Net.Http.Headers.AuthenticationHeaderValue?>(new("Bearer", "token-1"));
        var description = await HttpEvaluator.DescribeAsync(http, endpoint.BaseUrl, Token, CancellationToken.None);
        return new HttpEvaluator(http, endpoint.BaseUrl, description, Token, time ?? new FastClock());
    }

    /// <summary>Waits take no time, so the backoff does not slow the tests.</summary>
    private sealed class FastClock : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            System.CreateTimer(callback, state, TimeSpan.Zero, period);
    }

    /// <summary>An HTTP endpoint on a free loopback port answering describe, then each scripted answer in turn.</summary>
    private sealed class ScriptedEndpoint : IDisposable
    {
        private readonly ConcurrentQueue<(string Call, int Status, string Body, string? Location)> _script;
        private readonly LoopbackEndpoint _endpoint;

        public ScriptedEndpoint(params (string Call, int Status, string Body, string? Location)[] script)
        {
            _script = new(script);
            _endpoint = new LoopbackEndpoint(AnswerAsync);
        }

        public Uri BaseUrl => _endpoint.BaseUrl;

        public ConcurrentQueue<(string Call, string? Key, string? Authorization)> Calls { get; } = new();

        private async Task AnswerAsync(string call, HttpListenerContext context)
        {
            Calls.Enqueue((call, context.Request.Headers[HttpEvaluator.IdempotencyHeader], context.Request.Headers["Authorization"]));
            var (status, body, location) = call == "GET /describe" ? (200, Describe, null)
                : _script.TryDequeue(out var next) && next.Call == call ? (next.Status, next.Body, next.Location) : (418, $"unscripted {call}", (string?)null);
            if (status == Drop)
            {
                await LoopbackEndpoint.DropMidAnswerAsync(context.Response, Results);
                return;
            }

            context.Response.StatusCode = status;
            if (location is not null)
            {
                context.Response.Headers["Location"] = "/model" + location;
                context.Response.Headers["Retry-After"] = "1";
            }

            byte[] bytes = Encoding.UTF8.GetBytes(body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }

        public void Dispose() => _endpoint.Dispose();
    }
}
