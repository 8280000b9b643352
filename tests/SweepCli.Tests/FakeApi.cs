using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace SweepCli.Tests;

/// <summary>One request the fake API received.</summary>
public sealed record ReceivedRequest(string Method, string Path, string? Key, string Body);

/// <summary>
/// A stand-in for the deployed Function App, in memory: the CLI's HTTP requests come here instead of onto the network
/// (through <see cref="CliServices.HttpHandler"/>). Every request is recorded; <see cref="Handler"/> answers it with a
/// status and a body, or throws to stand for a broken connection.
/// </summary>
public sealed class FakeApi(Func<ReceivedRequest, (int Status, string Body)> handler) : HttpMessageHandler
{
    /// <summary>The app's address as the tests pass it to <c>--endpoint</c>; nothing listens there.</summary>
    public string Endpoint => "http://sweep-app.test";

    public Func<ReceivedRequest, (int Status, string Body)> Handler { get; set; } = handler;

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        string? key = request.Headers.TryGetValues("x-functions-key", out var keys) ? keys.Single() : null;
        var received = new ReceivedRequest(request.Method.Method, request.RequestUri!.AbsolutePath, key, body);
        Received.Enqueue(received);
        var (status, text) = Handler(received);
        return new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = new StringContent(text, Encoding.UTF8, status >= 400 ? "application/problem+json" : "application/json"),
            RequestMessage = request,
        };
    }
}
