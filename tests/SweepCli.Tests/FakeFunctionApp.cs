using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SweepCli.Tests;

/// <summary>One request the fake app received.</summary>
public sealed record ReceivedRequest(string Method, string Path, string? Key, string Body);

/// <summary>
/// A stand-in for the deployed Function App: an <see cref="HttpListener"/> on a free port of 127.0.0.1 (never any
/// other address) that answers with <see cref="Handler"/> and records every request. Stops when disposed.
/// </summary>
public sealed class FakeFunctionApp : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public FakeFunctionApp(Func<ReceivedRequest, (int Status, string Body)> handler)
    {
        Handler = handler;
        int port = FreePort();
        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Endpoint { get; }

    public Func<ReceivedRequest, (int Status, string Body)> Handler { get; set; }

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var request = new ReceivedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers["x-functions-key"], await reader.ReadToEndAsync());
            Received.Enqueue(request);
            var (status, body) = Handler(request);
            byte[] bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = status == 400 ? "application/problem+json" : "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
