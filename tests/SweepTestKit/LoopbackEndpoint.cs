using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SweepTestKit;

/// <summary>
/// An HTTP endpoint on a free loopback port at <c>/model/</c>, for the tests of the HTTP evaluator: each request goes to
/// the handler, on a task of its own, with its call written <c>"METHOD /path"</c> (the path below <c>/model</c>).
/// HttpListener cannot bind port 0, so a free port is found first and then bound; a port another process took in
/// between is tried again with another one.
/// </summary>
public sealed class LoopbackEndpoint : IDisposable
{
    private const int BindAttempts = 5;
    private readonly HttpListener _listener;

    public LoopbackEndpoint(Func<string, HttpListenerContext, Task> handle)
    {
        for (int attempt = 1; ; attempt++)
        {
            var listener = new HttpListener();
            var url = new Uri($"http://127.0.0.1:{FreePort()}/model/");
            listener.Prefixes.Add(url.ToString());
            try
            {
                listener.Start();
                (_listener, BaseUrl) = (listener, url);
                break;
            }
            catch (HttpListenerException) when (attempt < BindAttempts)
            {
                listener.Close();
            }
        }

        _ = Task.Run(() => ServeAsync(handle));
    }

    public Uri BaseUrl { get; }

    /// <summary>
    /// Promises <paramref name="answer"/> whole, sends its first bytes, then drops the connection: an endpoint that
    /// restarted while it answered.
    /// </summary>
    public static async Task DropMidAnswerAsync(HttpListenerResponse response, string answer)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(answer);
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes.AsMemory(0, Math.Min(5, bytes.Length - 1)));
        await response.OutputStream.FlushAsync();
        response.Abort();
    }

    private async Task ServeAsync(Func<string, HttpListenerContext, Task> handle)
    {
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
            _ = Task.Run(() => handle(call, context));
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose() => _listener.Close();
}
