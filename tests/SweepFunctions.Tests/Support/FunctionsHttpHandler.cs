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
/// CLI plugged into this handler talks to the real functions, so the two sides of the wire are tested together. Every
/// HTTP function of the app is found by its attributes, as the host's function index finds it.
/// </summary>
public sealed class FunctionsHttpHandler(SweepAppHost app) : HttpMessageHandler
{
    /// <summary>Every class of the app with a <c>[Function]</c> method that has an <c>[HttpTrigger]</c> parameter.</summary>
    public static readonly IReadOnlyList<Type> HttpFunctions = typeof(StartSweep).Assembly.GetTypes()
        .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null && m.GetParameters().Any(p => p.GetCustomAttribute<HttpTriggerAttribute>() is not null)))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    /// <summary>Literal segments before parameters, as the host's router prefers them.</summary>
    private static readonly IReadOnlyList<Route> Routes = HttpFunctions.Select(RouteOf).OrderBy(r => r.Segments.Count(s => s.StartsWith('{'))).ToList();

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
        // As the host passes them on: the request's headers and its content's (Content-Type, Content-Length).
        foreach (var header in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            functionRequest.Headers.Add(header.Key, header.Value);
        }

        var response = await match.Route.InvokeAsync(app, functionRequest, match.Values!, cancellationToken);
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
        /// <summary>The route's values of a matching path (empty when the route has none), or null when it does not match.</summary>
        public Dictionary<string, string>? Match(string method, string relativePath)
        {
            string[] parts = relativePath.TrimEnd('/').Split('/');
            if (!Methods.Contains(method, StringComparer.OrdinalIgnoreCase) || parts.Length != Segments.Length)
            {
                return null;
            }

            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < parts.Length; i++)
            {
                if (Segments[i].StartsWith('{'))
                {
                    string[] parameter = Segments[i].Trim('{', '}').Split(':');
                    string value = Uri.UnescapeDataString(parts[i]);
                    if (parameter.Length > 1 && parameter[1] == "int" && !int.TryParse(value, out _))
                    {
                        return null;
                    }

                    values[parameter[0]] = value;
                }
                else if (!string.Equals(Segments[i], parts[i], StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }
            }

            return values;
        }

        /// <summary>Calls the function with its parameters bound by type and, for route values, by name.</summary>
        public async Task<HttpResponseData> InvokeAsync(SweepAppHost app, HttpRequestData request, Dictionary<string, string> routeValues, CancellationToken cancellationToken)
        {
            object function = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance(app.Services, Function);
            object?[] arguments = Run.GetParameters().Select(p => p.ParameterType switch
            {
                _ when p.ParameterType.IsAssignableTo(typeof(HttpRequestData)) => request,
                _ when p.ParameterType == typeof(Microsoft.DurableTask.Client.DurableTaskClient) => app.Client,
                _ when p.ParameterType == typeof(FunctionContext) => request.FunctionContext,
                _ when p.ParameterType == typeof(CancellationToken) => cancellationToken,
                _ when routeValues.TryGetValue(p.Name!, out var value) => Convert.ChangeType(value, Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType, System.Globalization.CultureInfo.InvariantCulture),
                _ => throw new InvalidOperationException($"{Function.Name}.{Run.Name} has a parameter '{p.Name}' the test front cannot bind."),
            }).ToArray();
            return await (Task<HttpResponseData>)Run.Invoke(function, arguments)!;
        }
    }
}
