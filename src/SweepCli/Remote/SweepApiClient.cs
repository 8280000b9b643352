using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SweepDomain;
using SweepHosting.Api;

namespace SweepCli.Remote;

/// <summary>A failure talking to the Function App; the message is the one line the user sees.</summary>
internal sealed class RemoteException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The deployed Function App's sweep API (<see cref="SweepRoutes"/>), read into the contract types the app writes
/// (<see cref="SweepHosting.Api"/>). The function key travels in the <c>x-functions-key</c> header, so it never
/// appears in a URL or a log line. A 400 with problem details becomes an input error (exit code 2) listing every fault
/// the service found; anything else unexpected is a <see cref="RemoteException"/>.
/// </summary>
internal sealed class SweepApiClient(HttpClient http, Uri apiBase, string? key)
{
    public const string KeyHeader = "x-functions-key";

    /// <summary><c>https://host/api/</c>.</summary>
    public Uri ApiBase => apiBase;

    public Task<AcceptedView> StartAsync(string body, CancellationToken cancellationToken) =>
        SendAsync<AcceptedView>(HttpMethod.Post, SweepRoutes.Sweeps, body, [HttpStatusCode.Accepted, HttpStatusCode.OK], cancellationToken);

    public Task<SweepStatusView> GetAsync(string id, CancellationToken cancellationToken) =>
        SendAsync<SweepStatusView>(HttpMethod.Get, SweepRoutes.SweepPath(id), null, [HttpStatusCode.OK], cancellationToken);

    public Task<CancelAcceptedView> CancelAsync(string id, CancellationToken cancellationToken) =>
        SendAsync<CancelAcceptedView>(HttpMethod.Post, SweepRoutes.CancelPath(id), null, [HttpStatusCode.Accepted, HttpStatusCode.OK], cancellationToken);

    /// <summary>The sweep's full report (every candidate's seed scores), or null when the service does not offer it.</summary>
    public async Task<string?> GetReportAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(HttpMethod.Get, SweepRoutes.ReportPath(id), null, cancellationToken);
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync(cancellationToken) : null;
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, string? body, HttpStatusCode[] expected, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, body, cancellationToken);
        string text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!expected.Contains(response.StatusCode))
        {
            throw Problem(response.StatusCode, text, method, path);
        }

        try
        {
            return ApiJson.Deserialize<T>(text);
        }
        catch (JsonException e)
        {
            throw new RemoteException($"{What(method, path)} answered HTTP {(int)response.StatusCode} with a body that does not fit the API: {e.Message}", e);
        }
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, string? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(apiBase, path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(ApiJson.ContentType));
        if (!string.IsNullOrEmpty(key))
        {
            request.Headers.Add(KeyHeader, key);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, ApiJson.ContentType);
        }

        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new RemoteException($"Cannot reach {apiBase.GetLeftPart(UriPartial.Authority)}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RemoteException($"{apiBase.GetLeftPart(UriPartial.Authority)} did not answer within {http.Timeout.TotalSeconds:0} s.", e);
        }
    }

    private string What(HttpMethod method, string path) => $"{method} {new Uri(apiBase, path).AbsolutePath}";

    private Exception Problem(HttpStatusCode status, string text, HttpMethod method, string path)
    {
        var problem = TryProblem(text);
        if (status == HttpStatusCode.BadRequest && problem?.Errors is { Count: > 0 } errors)
        {
            var list = new ValidationErrors();
            foreach (var (field, messages) in errors)
            {
                foreach (string message in messages)
                {
                    list.Add(field, message);
                }
            }

            return new InvalidSweepInputException(list);
        }

        string reason = status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => "the function key was refused; pass --key or set SWEEP_FUNCTION_KEY",
            _ => problem?.Detail ?? problem?.Title ?? (text.Length > 200 ? text[..200] + "..." : text),
        };
        return new RemoteException($"{What(method, path)} answered HTTP {(int)status} ({status}): {reason}");
    }

    private static ApiProblem? TryProblem(string text)
    {
        try
        {
            return text.Length == 0 ? null : ApiJson.Deserialize<ApiProblem>(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
