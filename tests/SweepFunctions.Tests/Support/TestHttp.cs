using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace SweepFunctions.Tests.Support;

/// <summary>An HTTP request as the worker hands it to a function, for calling the HTTP functions directly.</summary>
public sealed class TestHttpRequest(string method, string url, string? body = null) : HttpRequestData(new TestFunctionContext())
{
    public override Stream Body { get; } = new MemoryStream(Encoding.UTF8.GetBytes(body ?? ""));

    public override HttpHeadersCollection Headers { get; } = [];

    public override IReadOnlyCollection<IHttpCookie> Cookies { get; } = [];

    public override Uri Url { get; } = new(url);

    public override IEnumerable<ClaimsIdentity> Identities { get; } = [];

    public override string Method { get; } = method;

    public override HttpResponseData CreateResponse() => new TestHttpResponse(FunctionContext);

    /// <summary>A POST with a JSON body, as a client sends it (Content-Type application/json, Content-Length set).</summary>
    public static TestHttpRequest Post(string path, string body, string? contentType = "application/json")
    {
        var request = new TestHttpRequest("POST", "http://localhost:7071/api/" + path, body);
        if (contentType is not null)
        {
            request.Headers.Add("Content-Type", contentType);
        }

        request.Headers.Add("Content-Length", System.Text.Encoding.UTF8.GetByteCount(body).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return request;
    }

    public static TestHttpRequest Get(string path) => new("GET", "http://localhost:7071/api/" + path);
}

public sealed class TestHttpResponse(FunctionContext context) : HttpResponseData(context)
{
    public override HttpStatusCode StatusCode { get; set; }

    public override HttpHeadersCollection Headers { get; set; } = [];

    public override Stream Body { get; set; } = new MemoryStream();

    public override HttpCookies Cookies { get; } = new NoCookies();

    private sealed class NoCookies : HttpCookies
    {
        public override void Append(string name, string value) { }

        public override void Append(IHttpCookie cookie) { }

        public override IHttpCookie CreateNew() => throw new NotSupportedException();
    }
}

/// <summary>Just enough of a function invocation for request and response objects.</summary>
public sealed class TestFunctionContext : FunctionContext
{
    public override string InvocationId => "test-invocation";

    public override string FunctionId => "test-function";

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext => throw new NotSupportedException();

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; } = EmptyServices.Instance;

    public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => throw new NotSupportedException();

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}

/// <summary>Reads what a function answered.</summary>
public static class ResponseReading
{
    public static string BodyText(this HttpResponseData response)
    {
        response.Body.Position = 0;
        return new StreamReader(response.Body).ReadToEnd();
    }

    public static System.Text.Json.JsonElement BodyJson(this HttpResponseData response) =>
        System.Text.Json.JsonDocument.Parse(response.BodyText()).RootElement.Clone();

    public static string Header(this HttpResponseData response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
}
