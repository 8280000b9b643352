using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SweepFunctions.Tests.Support;

namespace SweepDashboard.Tests.Support;

/// <summary>
/// The Functions app on a real socket, for the browser: Kestrel on 127.0.0.1, on a port the system gives it when it
/// binds (port 0, so no other process can take it in between), handing each request to the app's real HTTP functions
/// through <see cref="FunctionsHttpHandler"/>. Like the Functions host for <c>AuthorizationLevel.Function</c>, it answers
/// 401 with an empty body to a request without the function key (<c>?code=</c> or the <c>x-functions-key</c> header).
/// Every request is recorded with whether it carried the key.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _web;
    private readonly HttpMessageInvoker _app;
    private readonly string _key;

    private LoopbackServer(WebApplication web, HttpMessageInvoker app, string key)
    {
        _web = web;
        _app = app;
        _key = key;
    }

    /// <summary>Starts the server for <paramref name="app"/>, refusing requests without <paramref name="key"/>.</summary>
    public static async Task<LoopbackServer> StartAsync(SweepAppHost app, string key)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var web = builder.Build();
        var server = new LoopbackServer(web, new HttpMessageInvoker(new FunctionsHttpHandler(app), disposeHandler: true), key);
        web.Run(server.AnswerAsync);
        await web.StartAsync();
        server.BaseUrl = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return server;
    }

    /// <summary><c>http://127.0.0.1:port</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Every request, in order: method, path and query, and whether it carried the key.</summary>
    public ConcurrentQueue<(string Method, string PathAndQuery, bool HadKey)> Received { get; } = new();

    /// <summary>How many requests came for exactly this path (query aside) with this method.</summary>
    public int Count(string method, string path) => Received.Count(r => r.Method == method && r.PathAndQuery.Split('?')[0] == path);

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            string pathAndQuery = request.Path + request.QueryString;
            bool hadKey = request.Query["code"] == _key || request.Headers["x-functions-key"] == _key;
            Received.Enqueue((request.Method, pathAndQuery, hadKey));
            if (!hadKey)
            {
                response.StatusCode = 401;
                return;
            }

            using var message = new HttpRequestMessage(new HttpMethod(request.Method), BaseUrl + pathAndQuery);
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, context.RequestAborted);
            if (body.Length > 0)
            {
                message.Content = new ByteArrayContent(body.ToArray());
            }

            foreach (var (name, values) in request.Headers)
            {
                // Content-Type and Content-Length belong to the body, and the functions read them (StartSweep checks both).
                if (!name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
                {
                    message.Headers.TryAddWithoutValidation(name, values.ToArray());
                }
                else if (message.Content is not null)
                {
                    message.Content.Headers.TryAddWithoutValidation(name, values.ToArray());
                }
            }

            using var answer = await _app.SendAsync(message, context.RequestAborted);
            response.StatusCode = (int)answer.StatusCode;
            foreach (var header in answer.Headers.Concat(answer.Content.Headers))
            {
                if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    response.Headers[header.Key] = string.Join(",", header.Value);
                }
            }

            byte[] bytes = await answer.Content.ReadAsByteArrayAsync(context.RequestAborted);
            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // the browser went away
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _web.StopAsync(stop.Token);
        await _web.DisposeAsync();
        _app.Dispose();
    }
}
