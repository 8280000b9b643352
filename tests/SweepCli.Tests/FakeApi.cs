using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace SweepCli.Tests;

/// <summary>One request the fake API received.</summary>
public sealed record ReceivedRequest(string Method, string Path, string? Key, string Body);

/// <summary>
/// A stand-in for the deployed Function App, in memory: the CLI's HTTP requests come here instead of onto the network
/// (through <see cref="CliServices.HttpHandler"/>). Every request is recorded; the handler answers it, or throws to
/// stand for a broken connection.
/// </summary>
public sealed class FakeApi : HttpMessageHandler
{
    private readonly Func<ReceivedRequest, CancellationToken, Task<HttpResponseMessage>> _respond;

    /// <summary>Answers each request with a status and a JSON body.</summary>
    public FakeApi(Func<ReceivedRequest, (int Status, string Body)> handler)
        : this(r => Answer(handler(r)))
    {
    }

    public FakeApi(Func<ReceivedRequest, HttpResponseMessage> handler)
        : this((r, _) => Task.FromResult(handler(r)))
    {
    }

    public FakeApi(Func<ReceivedRequest, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    /// <summary>The app's address as the tests pass it to <c>--endpoint</c>; nothing listens there.</summary>
    public string Endpoint => "http://sweep-app.test";

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    /// <summary>How many requests came with this method and path.</summary>
    public int Count(string method, string path) => Received.Count(r => r.Method == method && r.Path == path);

    public static HttpResponseMessage Answer((int Status, string Body) answer) => new((HttpStatusCode)answer.Status)
    {
        Content = new StringContent(answer.Body, Encoding.UTF8, answer.Status >= 400 ? "application/problem+json" : "application/json"),
    };

    /// <summary>What a client sees when the connection cannot be made at all.</summary>
    public static HttpRequestException ConnectionRefused() =>
        new(HttpRequestError.ConnectionError, "Connection refused (sweep-app.test:80)", new System.Net.Sockets.SocketException(111));

    /// <summary>What a client sees when the connection drops after the request went out.</summary>
    public static HttpRequestException ResponseEnded() =>
        new(HttpRequestError.ResponseEnded, "The response ended prematurely.");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        string? key = request.Headers.TryGetValues("x-functions-key", out var keys) ? keys.Single() : null;
        var received = new ReceivedRequest(request.Method.Method, request.RequestUri!.AbsolutePath, key, body);
        Received.Enqueue(received);
        var response = await _respond(received, cancellationToken);
        response.RequestMessage = request;
        return response;
    }
}

/// <summary>
/// A clock whose timers fire at once: the waits between retries take no time in the tests, and each wait asked for
/// is kept in <see cref="Waits"/>.
/// </summary>
public sealed class InstantClock : TimeProvider
{
    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Waits.Enqueue(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new Fired();
    }

    private sealed class Fired : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose() { }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
