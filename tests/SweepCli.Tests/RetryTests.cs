using System.Net;
using SweepDomain.Results;
using SweepHosting.Api;

namespace SweepCli.Tests;

/// <summary>The remote commands ride out transient failures, and never risk starting a sweep twice.</summary>
public sealed class RetryTests
{
    private const string Id = "sweep-1";

    private static readonly string StatusPath = $"/api/sweeps/{Id}";

    [Fact]
    public async Task Submit_wait_survives_a_503_and_a_refused_connection_while_polling()
    {
        using var folder = new TempFolder();
        int polls = 0;
        var app = new FakeApi(r => (r.Method, r.Path) switch
        {
            ("POST", "/api/sweeps") => FakeApi.Answer((202, Sample.Accepted(Id))),
            ("GET", var p) when p == StatusPath => Interlocked.Increment(ref polls) switch
            {
                1 => FakeApi.Answer((503, "")),
                2 => throw FakeApi.ConnectionRefused(),
                _ => FakeApi.Answer((200, Sample.Status(Id, RuntimeStatuses.Completed))),
            },
            _ => FakeApi.Answer((404, "")),
        });
        var cli = new Cli { Http = app };

        var result = await cli.Run("submit", "--endpoint", app.Endpoint, "--scenario", "quadratic", "--stages", "A:x=0.1,0.3", "--wait",
            "--poll-interval", "0.01", "--output", folder.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(3, app.Count("GET", StatusPath));
        Assert.Equal(1, app.Count("POST", "/api/sweeps"));
        Assert.Contains($"warning: GET {StatusPath} answered HTTP 503 (ServiceUnavailable); retry 1 of 6 in", result.Error);
        Assert.Contains($"warning: GET {StatusPath} failed: Connection refused (sweep-app.test:80); retry 2 of 6 in", result.Error);
        Assert.Equal(2, cli.Clock.Waits.Count);
        Assert.All(cli.Clock.Waits, w => Assert.InRange(w, TimeSpan.Zero, TimeSpan.FromSeconds(30)));
        Assert.True(File.Exists(folder["quadratic_sweep.json"]));
    }

    [Fact]
    public async Task Submit_wait_that_outlasts_the_retries_stops_and_says_the_sweep_may_still_be_running()
    {
        using var folder = new TempFolder();
        var app = new FakeApi(r => r.Method == "POST" ? (202, Sample.Accepted(Id)) : (503, ""));

        var result = await new Cli { Http = app }.Run("submit", "--endpoint", app.Endpoint, "--scenario", "quadratic", "--stages", "A:x=0.1", "--wait",
            "--retries", "1", "--output", folder.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, app.Count("GET", StatusPath));
        Assert.Contains(
            $"error: GET {StatusPath} answered HTTP 503 (ServiceUnavailable): no details given (gave up after 2 attempts). " +
            $"Stopped waiting; sweep {Id} may still be running on the service: 'sweep status {Id}', 'sweep fetch {Id}'.",
            result.Error);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    public async Task Status_does_not_retry_a_4xx_that_is_not_transient(int status)
    {
        var app = new FakeApi(_ => (status, ApiJson.Serialize(new ApiProblem { Type = "about:blank", Title = "No.", Status = status, Detail = "Not this one." })));

        var result = await new Cli { Http = app }.Run("status", Id, "--endpoint", app.Endpoint);

        Assert.Equal(1, result.ExitCode);
        Assert.Single(app.Received);
        Assert.Contains($"HTTP {status}", result.Error);
        Assert.DoesNotContain("retry", result.Error);
    }

    [Fact]
    public async Task Status_honours_the_retry_after_of_a_429()
    {
        int calls = 0;
        var app = new FakeApi(_ =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                var throttled = FakeApi.Answer((429, ""));
                throttled.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
                return throttled;
            }

            return FakeApi.Answer((200, Sample.Status(Id, RuntimeStatuses.Running)));
        });
        var cli = new Cli { Http = app };

        var result = await cli.Run("status", Id, "--endpoint", app.Endpoint);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, app.Received.Count);
        Assert.Equal([TimeSpan.FromSeconds(7)], cli.Clock.Waits);
        Assert.Contains("answered HTTP 429 (TooManyRequests); retry 1 of 6 in 7 s", result.Error);
    }

    [Fact]
    public async Task Status_gives_up_after_the_retries_asked_for_and_says_how_many_attempts_it_made()
    {
        var app = new FakeApi(_ => (503, ""));

        var result = await new Cli { Http = app }.Run("status", Id, "--endpoint", app.Endpoint, "--retries", "2");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(3, app.Received.Count);
        Assert.Contains($"error: GET {StatusPath} answered HTTP 503 (ServiceUnavailable): no details given (gave up after 3 attempts)\n", result.Error);
    }

    [Fact]
    public async Task Status_retries_an_attempt_that_times_out()
    {
        int calls = 0;
        var app = new FakeApi(async (_, cancellationToken) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);   // cut short by --http-timeout
            }

            return FakeApi.Answer((200, Sample.Status(Id, RuntimeStatuses.Running)));
        });

        var result = await new Cli { Http = app }.Run("status", Id, "--endpoint", app.Endpoint, "--http-timeout", "0.2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, calls);
        Assert.Contains($"GET {StatusPath} failed: no answer within 0.2 s; retry 1 of 6", result.Error);
    }

    [Fact]
    public async Task Cancel_is_retried_after_a_502()
    {
        int calls = 0;
        var app = new FakeApi(_ => Interlocked.Increment(ref calls) == 1
            ? (502, "")
            : (202, ApiJson.Serialize(new CancelAcceptedView { Id = Id, CancelRequested = true, SweepStatusUri = "http://sweep-app.test/api/sweeps/sweep-1" })));

        var result = await new Cli { Http = app }.Run("cancel", Id, "--endpoint", app.Endpoint);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, app.Count("POST", $"/api/sweeps/{Id}/cancel"));
    }

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    public async Task Submit_without_an_instance_id_is_not_sent_again_when_its_outcome_is_unknown(int status)
    {
        var app = new FakeApi(_ => (status, ""));

        var result = await new Cli { Http = app }.Run("submit", "--endpoint", app.Endpoint, "--scenario", "quadratic", "--stages", "A:x=0.1");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(app.Received);
        Assert.Contains($"POST /api/sweeps answered HTTP {status}", result.Error);
        Assert.Contains("The sweep may or may not have started, so the request was not sent again", result.Error);
        Assert.Contains("Give --instance-id (or an instanceId in the request file) to make retries safe", result.Error);
    }

    [Fact]
    public async Task Submit_without_an_instance_id_is_not_sent_again_when_the_answer_was_lost()
    {
        var app = new FakeApi((Func<ReceivedRequest, HttpResponseMessage>)(_ => throw FakeApi.ResponseEnded()));

        var result = await new Cli { Http = app }.Run("submit", "--endpoint", app.Endpoint, "--scenario", "quadratic", "--stages", "A:x=0.1");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(app.Received);
        Assert.Contains("The sweep may or may not have started", result.Error);
    }

    [Fact]
    public async Task Submit_without_an_instance_id_is_sent_again_when_the_connection_was_never_made()
    {
        int calls = 0;
        var app = new FakeApi(_ => Interlocked.Increment(ref calls) == 1 ? throw FakeApi.ConnectionRefused() : FakeApi.Answer((202, Sample.Accepted(Id))));

        var result = await new Cli { Http = app }.Run("submit", "--endpoint", app.Endpoint, "--scenario", "quadratic", "--stages", "A:x=0.1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, app.Count("POST", "/api/sweeps"));
        Assert.Contains($"Submitted sweep {Id}", result.Out);
    }

    [Fact]
    public async Task Submit_with_an_instance_id_is_retried_and_a_409_to_the_retry_means_the_lost_attempt_started_it()
    {
        int calls = 0;
        var app = new FakeApi(_ => Interlocked.Increment(ref calls) == 1
            ? (503, "")
            : (409, ApiJson.Serialize(new ApiProblem { Type = "about:blank", Title = "The sweep is already running.", Status = 409, Detail = $"Sweep '{Id}' is Running." })));

        var result = await new Cli { Http = app }.Run("submit", "--endpoint", app.Endpoint, "--scenario", "quadratic", "--stages", "A:x=0.1", "--instance-id", Id, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, app.Count("POST", "/api/sweeps"));
        Assert.Contains($"The service says sweep {Id} is already running: an earlier attempt, whose answer was lost, started it.", result.Error);
        Assert.Equal(
            $$"""{"status":"submitted","id":"{{Id}}","sweepStatusUri":"http://sweep-app.test/api/sweeps/{{Id}}"}""",
            System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(result.Out).RootElement));
    }

    [Fact]
    public async Task Submit_with_an_instance_id_that_is_already_running_fails_at_the_first_answer()
    {
        var app = new FakeApi(_ => (409, ApiJson.Serialize(new ApiProblem { Type = "about:blank", Title = "The sweep is already running.", Status = 409, Detail = $"Sweep '{Id}' is Running; cancel it or choose another instanceId." })));

        var result = await new Cli { Http = app }.Run("submit", "--endpoint", app.Endpoint, "--scenario", "quadratic", "--stages", "A:x=0.1", "--instance-id", Id);

        Assert.Equal(1, result.ExitCode);
        Assert.Single(app.Received);
        Assert.Contains($"HTTP 409 (Conflict): Sweep '{Id}' is Running; cancel it or choose another instanceId.", result.Error);
    }

    [Fact]
    public async Task Quiet_keeps_the_retry_notices_off_standard_error()
    {
        int calls = 0;
        var app = new FakeApi(_ => Interlocked.Increment(ref calls) == 1 ? (503, "") : (200, Sample.Status(Id, RuntimeStatuses.Running)));

        var result = await new Cli { Http = app }.Run("status", Id, "--endpoint", app.Endpoint, "--quiet");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, calls);
        Assert.Equal("", result.Error);
    }

    [Theory]
    [InlineData("-1", "--retries: Must be a whole number from 0 to 100; got -1.")]
    [InlineData("many", "--retries: 'many' is not a whole number.")]
    public async Task Retries_flag_rejects_a_bad_count_before_any_request(string count, string message)
    {
        var app = new FakeApi(_ => (200, Sample.Status(Id, RuntimeStatuses.Running)));

        var result = await new Cli { Http = app }.Run("status", Id, "--endpoint", app.Endpoint, "--retries", count);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Empty(app.Received);
    }

    [Fact]
    public async Task Retries_zero_sends_each_request_once()
    {
        var app = new FakeApi(_ => (503, ""));

        var result = await new Cli { Http = app }.Run("status", Id, "--endpoint", app.Endpoint, "--retries", "0");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(app.Received);
    }

    [Fact]
    public async Task Help_of_every_remote_command_documents_the_retries()
    {
        foreach (string command in new[] { "submit", "status", "fetch", "cancel" })
        {
            var result = await Cli.RunAsync(command, "--help");

            Assert.Contains("--retries <count>", result.Out);
            Assert.Contains("1, 2, 4, 8, 16, 30 s", result.Out);
            Assert.Contains("[default: 6]", result.Out);
        }
    }
}

/// <summary>Answers of the service, serialised from the contract types as the service does.</summary>
internal static class Sample
{
    public static string Accepted(string id) => ApiJson.Serialize(new AcceptedView
    {
        Id = id,
        SweepStatusUri = $"http://sweep-app.test/api/sweeps/{id}",
        ReportUri = $"http://sweep-app.test/api/sweeps/{id}/report",
        CancelPostUri = $"http://sweep-app.test/api/sweeps/{id}/cancel",
    });

    /// <summary>A sweep of one stage A on quadratic, winner x = 0.3, in the given state.</summary>
    public static string Status(string id, string runtimeStatus, FailureView? failure = null) => ApiJson.Serialize(new SweepStatusView
    {
        Id = id,
        RuntimeStatus = runtimeStatus,
        CreatedAt = DateTimeOffset.UnixEpoch,
        LastUpdatedAt = DateTimeOffset.UnixEpoch.AddMinutes(1),
        Stages = runtimeStatus == RuntimeStatuses.Completed
            ? [new StageView { Stage = 1, Label = "A", Params = SweepDomain.Parameters.ParamSet.Of(("x", 0.3)), CombinedScore = 0.95, MeanScore = 0.96, Blob = $"{id}/stages/01-A.json" }]
            : [],
        Final = runtimeStatus == RuntimeStatuses.Completed
            ? System.Text.Json.JsonDocument.Parse(StabilityResultFile.Write("quadratic", [new StabilityEntry(SweepDomain.Parameters.ParamSet.Of(("x", 0.3)), 0.95, 0.96, 0.01, 1.0, null, 0.0)])).RootElement
            : null,
        Blobs = [],
        Failure = failure,
    });
}
