using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SweepDomain;

namespace SweepCli.Remote;

/// <summary>A failure talking to the Function App; the message is the one line the user sees.</summary>
internal sealed class RemoteException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The deployed Function App's sweep API: <c>POST /api/sweeps</c>, <c>GET /api/sweeps/{id}</c>,
/// <c>POST /api/sweeps/{id}/cancel</c> and <c>GET /api/sweeps/{id}/report</c>. The function key travels in the
/// <c>x-functions-key</c> header, so it never appears in a URL or a log line. A 400 with problem details becomes an
/// input error (exit code 2) listing every fault the service found; anything else unexpected is a
/// <see cref="RemoteException"/>.
/// </summary>
internal sealed class SweepApiClient(HttpClient http, Uri sweepsUri, string? key)
{
    public const string KeyHeader = "x-functions-key";

    public Uri SweepsUri => sweepsUri;

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public async Task<JsonElement> StartAsync(string body, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Post, "", body, [HttpStatusCode.Accepted, HttpStatusCode.OK], cancellationToken))!.Value;

    public async Task<RemoteSweep> GetAsync(string id, CancellationToken cancellationToken)
    {
        var json = await SendAsync(HttpMethod.Get, Escape(id), null, [HttpStatusCode.OK], cancellationToken);
        var sweep = json!.Value.Deserialize<RemoteSweep>(JsonOptions) ?? throw new RemoteException($"The service answered an empty status for sweep '{id}'.");
        return sweep with { Raw = json.Value };
    }

    public async Task<JsonElement> CancelAsync(string id, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Post, $"{Escape(id)}/cancel", null, [HttpStatusCode.Accepted, HttpStatusCode.OK], cancellationToken))!.Value;

    /// <summary>The sweep's full report (every candidate's seed scores), or null when the service does not offer it.</summary>
    public async Task<string?> GetReportAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(HttpMethod.Get, $"{Escape(id)}/report", null, cancellationToken);
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync(cancellationToken) : null;
    }

    private async Task<JsonElement?> SendAsync(HttpMethod method, string path, string? body, HttpStatusCode[] expected, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, body, cancellationToken);
        string text = await response.Content.ReadAsStringAsync(cancellationToken);
        var json = TryParse(text);
        if (expected.Contains(response.StatusCode) && json is not null)
        {
            return json;
        }

        throw Problem(response.StatusCode, json, text, method, path);
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, string? body, CancellationToken cancellationToken)
    {
        var uri = new Uri(sweepsUri.AbsoluteUri.TrimEnd('/') + (path.Length > 0 ? "/" + path : ""));
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrEmpty(key))
        {
            request.Headers.Add(KeyHeader, key);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new RemoteException($"Cannot reach {sweepsUri.GetLeftPart(UriPartial.Authority)}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RemoteException($"{sweepsUri.GetLeftPart(UriPartial.Authority)} did not answer within {http.Timeout.TotalSeconds:0} s.", e);
        }
    }

    private static Exception Problem(HttpStatusCode status, JsonElement? json, string text, HttpMethod method, string path)
    {
        string what = $"{method} /api/sweeps{(path.Length > 0 ? "/" + path : "")}";
        string? title = Field(json, "title"), detail = Field(json, "detail");
        if (status == HttpStatusCode.BadRequest && json?.TryGetProperty("errors", out var errors) == true && errors.ValueKind == JsonValueKind.Object)
        {
            var list = new ValidationErrors();
            foreach (var field in errors.EnumerateObject())
            {
                foreach (var message in field.Value.EnumerateArray())
                {
                    list.Add(field.Name, message.GetString() ?? "");
                }
            }

            return new InvalidSweepInputException(list);
        }

        string reason = status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => "the function key was refused; pass --key or set SWEEP_FUNCTION_KEY",
            _ => detail ?? title ?? (text.Length > 200 ? text[..200] + "..." : text),
        };
        return new RemoteException($"{what} answered HTTP {(int)status} ({status}): {reason}");
    }

    private static string? Field(JsonElement? json, string name) =>
        json is { ValueKind: JsonValueKind.Object } j && j.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static JsonElement? TryParse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Escape(string id) => Uri.EscapeDataString(id);
}
