using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
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
/// appears in a URL or a log line. Transient failures are retried as <see cref="RemoteRetry"/> says, each retry told to
/// <paramref name="notice"/>. A 400 with problem details becomes an input error (exit code 2) listing every fault the
/// service found; anything else unexpected is a <see cref="RemoteException"/>.
/// </summary>
internal sealed class SweepApiClient(HttpClient http, Uri apiBase, string? key, RemoteRetry retry, Action<string> notice) : IDisposable
{
    public const string KeyHeader = "x-functions-key";

    /// <summary>Disposes the client's <see cref="HttpClient"/>, which it owns.</summary>
    public void Dispose() => http.Dispose();

    /// <summary><c>https://host/api/</c>.</summary>
    public Uri ApiBase => apiBase;

    /// <summary>
    /// Starts a sweep. With <paramref name="instanceId"/> the POST is retried like a read: the service answers 409 to a
    /// duplicate of a running sweep, so a retry cannot start it twice, and a 409 to a retry means an earlier attempt
    /// (whose answer was lost) started it. Without one, it is sent again only when it certainly did not arrive.
    /// </summary>
    public async Task<AcceptedView> StartAsync(string body, string? instanceId, CancellationToken cancellationToken)
    {
        var mode = instanceId is null ? RetryMode.OnlyIfNotProcessed : RetryMode.Always;
        using var answer = await SendRawAsync(HttpMethod.Post, SweepRoutes.Sweeps, body, mode, cancellationToken);
        if (instanceId is not null && answer.Attempts > 1 && answer.Response.StatusCode == HttpStatusCode.Conflict)
        {
            notice($"The service says sweep {instanceId} is already running: an earlier attempt, whose answer was lost, started it. Following that sweep.");
            return new AcceptedView
            {
                Id = instanceId,
                SweepStatusUri = Absolute(SweepRoutes.SweepPath(instanceId)),
                ReportUri = Absolute(SweepRoutes.ReportPath(instanceId)),
                CancelPostUri = Absolute(SweepRoutes.CancelPath(instanceId)),
            };
        }

        return await ReadAsync<AcceptedView>(answer, HttpMethod.Post, SweepRoutes.Sweeps, [HttpStatusCode.Accepted, HttpStatusCode.OK], cancellationToken);
    }

    public async Task<SweepStatusView> GetAsync(string id, CancellationToken cancellationToken)
    {
        using var answer = await SendRawAsync(HttpMethod.Get, SweepRoutes.SweepPath(id), null, RetryMode.Always, cancellationToken);
        return await ReadAsync<SweepStatusView>(answer, HttpMethod.Get, SweepRoutes.SweepPath(id), [HttpStatusCode.OK], cancellationToken);
    }

    public async Task<CancelAcceptedView> CancelAsync(string id, CancellationToken cancellationToken)
    {
        using var answer = await SendRawAsync(HttpMethod.Post, SweepRoutes.CancelPath(id), null, RetryMode.Always, cancellationToken);
        return await ReadAsync<CancelAcceptedView>(answer, HttpMethod.Post, SweepRoutes.CancelPath(id), [HttpStatusCode.Accepted, HttpStatusCode.OK], cancellationToken);
    }

    /// <summary>
    /// The sweep's full report (every candidate's seed scores), or null when the service has none to give: its report
    /// is not written, or the service does not offer the route. Other failures throw, as for every request.
    /// </summary>
    public async Task<string?> GetReportAsync(string id, CancellationToken cancellationToken)
    {
        using var answer = await SendRawAsync(HttpMethod.Get, SweepRoutes.ReportPath(id), null, RetryMode.Always, cancellationToken);
        return answer.Response.StatusCode == HttpStatusCode.NotFound
            ? null
            : await ReadAsync<string>(answer, HttpMethod.Get, SweepRoutes.ReportPath(id), [HttpStatusCode.OK], cancellationToken);
    }

    /// <summary>
    /// A finished stage's outcome (every candidate's figures, <paramref name="stage"/> 1-based), or null when the
    /// service has none to give: the stage has not finished, or the service does not offer the route.
    /// </summary>
    public async Task<string?> GetStageAsync(string id, int stage, CancellationToken cancellationToken)
    {
        string path = SweepRoutes.StagePath(id, stage);
        using var answer = await SendRawAsync(HttpMethod.Get, path, null, RetryMode.Always, cancellationToken);
        return answer.Response.StatusCode == HttpStatusCode.NotFound
            ? null
            : await ReadAsync<string>(answer, HttpMethod.Get, path, [HttpStatusCode.OK], cancellationToken);
    }

    private string Absolute(string routePath) => new Uri(apiBase, routePath).AbsoluteUri;

    private async Task<T> ReadAsync<T>(Answer answer, HttpMethod method, string path, HttpStatusCode[] expected, CancellationToken cancellationToken)
    {
        var response = answer.Response;
        string text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!expected.Contains(response.StatusCode))
        {
            throw Problem(response.StatusCode, text, method, path, answer);
        }

        if (typeof(T) == typeof(string))
        {
            return (T)(object)text;
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

    /// <summary>Sends the request, retrying transient failures as <paramref name="mode"/> allows.</summary>
    private async Task<Answer> SendRawAsync(HttpMethod method, string path, string? body, RetryMode mode, CancellationToken cancellationToken)
    {
        int attempts = 0;
        var refused = new StrongBox<bool>();
        var pipeline = retry.Pipeline(mode, What(method, path), notice, refused);
        try
        {
            var response = await pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    return await SendOnceAsync(method, path, body, token);
                },
                cancellationToken);
            return new Answer(response, attempts, refused.Value);
        }
        catch (HttpRequestException e)
        {
            throw new RemoteException(WithRetries($"{What(method, path)}: cannot reach {apiBase.GetLeftPart(UriPartial.Authority)}: {e.Message}", attempts, refused.Value), e);
        }
        catch (AttemptTimeoutException e)
        {
            throw new RemoteException(WithRetries($"{What(method, path)}: {apiBase.GetLeftPart(UriPartial.Authority)} gave {e.Message}", attempts, refused.Value), e);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, string path, string? body, CancellationToken cancellationToken)
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

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(retry.AttemptTimeout);
        try
        {
            return await http.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AttemptTimeoutException(retry.AttemptTimeout, e);
        }
    }

    /// <summary>
    /// <paramref name="message"/>, and how it came to be the last word: after how many attempts, or that it was not
    /// retried on purpose because the request might have been processed.
    /// </summary>
    private static string WithRetries(string message, int attempts, bool refused)
    {
        if (attempts <= 1 && !refused)
        {
            return message;
        }

        string note = attempts > 1 ? $" (gave up after {attempts} attempts)" : "";
        string why = refused
            ? ". The sweep may or may not have started, so the request was not sent again: without an instance id a second POST could "
              + "start a second sweep. Give --instance-id (or an instanceId in the request file) to make retries safe."
            : "";
        return message.TrimEnd('.') + note + why;
    }

    private string What(HttpMethod method, string path) => $"{method} {new Uri(apiBase, path).AbsolutePath}";

    private Exception Problem(HttpStatusCode status, string text, HttpMethod method, string path, Answer answer)
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

        if (status == HttpStatusCode.NotFound && problem is null)
        {
            // The API answers every 404 with problem details; an empty or foreign 404 comes from something else.
            return new RemoteException(
                $"{method} {new Uri(apiBase, path).AbsoluteUri} answered HTTP 404 (NotFound) without the sweep API's problem details, so the endpoint " +
                $"is probably wrong: --endpoint takes the Function App's base URL, e.g. https://<app>.azurewebsites.net (the API is under /{SweepRoutes.Prefix}/{SweepRoutes.Sweeps}).");
        }

        string reason = status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => "the function key was refused; pass --key or set SWEEP_FUNCTION_KEY",
            _ => problem?.Detail ?? problem?.Title ?? (text.Trim().Length == 0 ? "no details given" : text.Length > 200 ? text[..200] + "..." : text),
        };
        return new RemoteException(WithRetries($"{What(method, path)} answered HTTP {(int)status} ({status}): {reason}", answer.Attempts, answer.Refused));
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

    /// <summary>The final response, how many attempts it took, and whether a transient failure was kept from a retry.</summary>
    private sealed record Answer(HttpResponseMessage Response, int Attempts, bool Refused) : IDisposable
    {
        public void Dispose() => Response.Dispose();
    }
}
