using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using SweepFunctions.Http;
using SweepHosting.Api;

namespace SweepFunctions.Tests.Support;

/// <summary>
/// The Functions host's HTTP front, in memory: a request of an <see cref="HttpClient"/> goes to the app's real HTTP
/// function on the route and method its <c>[HttpTrigger]</c> attribute declares (under <c>/api/</c>), and the function's
/// response comes back as the client's response. Any other path answers 404 with an empty body, as the host does. The
/// CLI plugged into this handler talks to the real functions, so the two sides of the wire are tested together.
/// </summary>
public sealed class FunctionsHttpHandler(SweepAppHost app) : HttpMessageHandler
{
    private static readonly Type[] HttpFunctions =
    [
        typeof(StartSweep), typeof(GetSweep), typeof(GetSweepReport), typeof(CancelSweep),
        typeof(GetSweepStage), typeof(GetSweepDashboard), typeof(GetDashboard),
    ];

    private static readonly IReadOnlyList<Route> Routes = HttpFunctions.Select(RouteOf).ToList();

    /// <summary>Every request received, as <c>METHOD /path</c>.</summary>
    public List<string> Received { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string method = request.Method.Method.ToLowerInvariant();
        string path = request.RequestUri!.AbsolutePath;
        lock (Received)
        {
            Received.Add($"{request.Method.Method} {path}");
        }

        string prefix = "/" + SweepRoutes.Prefix + "/";
        var match = path.StartsWith(prefix, StringComparison.Ordinal)
            ? Routes.Select(r => (Route: r, Values: r.Match(method, path[prefix.Length..]))).FirstOrDefault(m => m.Values is not null)
            : default;
        if (match.Route is null)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new ByteArrayContent([]), RequestMessage = request };
        }

        string body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var functionRequest = new TestHttpRequest(request.Method.Method, request.RequestUri.AbsoluteUri, body);
        foreach (var header in request.Headers)
        {
            functionRequest.Headers.Add(header.Key, header.Value);
        }

        var response = await match.Route.InvokeAsync(app, functionRequest, match.Values!);
        return ToMessage(response, request);
    }

    private static HttpResponseMessage ToMessage(HttpResponseData response, HttpRequestMessage request)
    {
        var message = new HttpResponseMessage(response.StatusCode) { RequestMessage = request, Content = new StringContent(response.BodyText(), Encoding.UTF8) };
        foreach (var header in response.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                message.Content.Headers.Remove(header.Key);
                message.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return message;
    }

    /// <summary>The function's route and methods, read from its <c>[HttpTrigger]</c> parameter as the host reads them.</summary>
    private static Route RouteOf(Type function)
    {
        var run = function.GetMethods().Single(m => m.GetCustomAttribute<FunctionAttribute>() is not null);
        var trigger = run.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>().Single();
        return new Route(function, run, trigger.Route!.Split('/'), trigger.Methods ?? []);
    }

    private sealed record Route(Type Function, MethodInfo Run, string[] Segments, string[] Methods)
    {
        /// <summary>The route's values (<c>{id}</c>, <c>{stage}</c>) of a matching path, or null when it does not match.</summary>
        public Dictionary<string, string>? Match(string method, string relativePath)
        {
            string[] parts = relativePath.TrimEnd('/').Split('/');
            if (!Methods.Contains(method, StringComparer.OrdinalIgnoreCase) || parts.Length != Segments.Length)
            {
                return null;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < parts.Length; i++)
            {
                if (Segments[i].StartsWith('{') && Segments[i].EndsWith('}'))
                {
                    values[Segments[i][1..^1]] = Uri.UnescapeDataString(parts[i]);
                }
                else if (!string.Equals(Segments[i], parts[i], StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }
            }

            return values;
        }

        /// <summary>Calls the function as the worker binds it: the request, the durable client, and each route value by name.</summary>
        public async Task<HttpResponseData> InvokeAsync(SweepAppHost app, HttpRequestData request, IReadOnlyDictionary<string, string> values)
        {
            object function = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance(app.Services, Function);
            object?[] arguments = Run.GetParameters().Select(p =>
                p.ParameterType == typeof(HttpRequestData) ? request
                : p.ParameterType == typeof(Microsoft.DurableTask.Client.DurableTaskClient) ? app.Client
                : (object?)values[p.Name!]).ToArray();
            return await (Task<HttpResponseData>)Run.Invoke(function, arguments)!;
        }
    }
}
