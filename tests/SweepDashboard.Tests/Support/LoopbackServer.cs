using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Web;
using SweepFunctions.Tests.Support;

namespace SweepDashboard.Tests.Support;

/// <summary>
/// The Functions app on a real socket, for the browser: an <see cref="HttpListener"/> on 127.0.0.1 and a free port that
/// hands each request to the app's real HTTP functions through <see cref="FunctionsHttpHandler"/>. Like the Functions
/// host for <c>AuthorizationLevel.Function</c>, it answers 401 with an empty body to a request without the function key
/// (<c>?code=</c> or the <c>x-functions-key</c> header). Every request is recorded with whether it carried the key.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpMessageInvoker _app;
    private readonly string _key;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackServer(SweepAppHost app, string key)
    {
        _key = key;
        _app = new HttpMessageInvoker(new FunctionsHttpHandler(app), disposeHandler: true);
        int port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary><c>http://127.0.0.1:port</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>Every request, in order: method, path and query, and whether it carried the key.</summary>
    public ConcurrentQueue<(string Method, string PathAndQuery, bool HadKey)> Received { get; } = new();

    /// <summary>How many requests came for exactly this path (query aside) with this method.</summary>
    public int Count(string method, string path) => Received.Count(r => r.Method == method && r.PathAndQuery.Split('?')[0] == path);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            string pathAndQuery = request.Url!.PathAndQuery;
            bool hadKey = HttpUtility.ParseQueryString(request.Url.Query)["code"] == _key || request.Headers["x-functions-key"] == _key;
            Received.Enqueue((request.HttpMethod, pathAndQuery, hadKey));
            if (!hadKey)
            {
                response.StatusCode = 401;
                return;
            }

            using var message = new HttpRequestMessage(new HttpMethod(request.HttpMethod), BaseUrl + pathAndQuery);
            if (request.HasEntityBody)
            {
                using var body = new MemoryStream();
                await request.InputStream.CopyToAsync(body);
                message.Content = new ByteArrayContent(body.ToArray());
            }

            foreach (string? name in request.Headers.AllKeys)
            {
                if (name is null)
                {
                    continue;
                }

                // Content-Type and Content-Length belong to the body, and the functions read them (StartSweep checks both).
                if (!name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
                {
                    message.Headers.TryAddWithoutValidation(name, request.Headers.GetValues(name) ?? []);
                }
                else if (message.Content is not null)
                {
                    message.Content.Headers.TryAddWithoutValidation(name, request.Headers.GetValues(name) ?? []);
                }
            }

            using var answer = await _app.SendAsync(message, _stop.Token);
            response.StatusCode = (int)answer.StatusCode;
            foreach (var header in answer.Headers.Concat(answer.Content.Headers))
            {
                if (header.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    response.ContentType = string.Join(",", header.Value);
                }
                else if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    response.Headers[header.Key] = string.Join(",", header.Value);
                }
            }

            byte[] bytes = await answer.Content.ReadAsByteArrayAsync();
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // the browser went away, or the server is stopping
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // already closed
            }
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

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            // stopped
        }

        _app.Dispose();
        _stop.Dispose();
    }
}
