using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SweepDomain.Evaluation;

namespace SweepHosting.Evaluation.Protocol;

/// <summary>
/// The user's model behind an HTTP endpoint (docs/evaluator-protocol.md, "The HTTP protocol"): <c>GET {base}/describe</c>
/// once, then each batch <c>POST {base}/evaluate</c> with an <c>Idempotency-Key</c> header naming the batch, so a batch
/// posted again (after a host restart) is the same batch to the endpoint. A <c>202 Accepted</c> is followed: its
/// <c>Location</c> is polled after <c>Retry-After</c> until the answer is ready. 429 and 5xx are retried with
/// exponential backoff (at most <see cref="MaxAttempts"/> tries), and so is a connection that fails or drops before the
/// answer (posted again under the same key); any other 4xx fails the batch's evaluations, quoting
/// the answer's body. <paramref name="authorize"/> gives the <c>Authorization</c> header (a bearer token or a key), or
/// null; it is never logged or recorded.
/// </summary>
public sealed class HttpEvaluator(HttpClient http, Uri baseUrl, DescribeAnswer description, Func<CancellationToken, Task<AuthenticationHeaderValue?>>? authorize = null, TimeProvider? time = null)
{
    public const int MaxAttempts = 5;
    public const string IdempotencyHeader = "Idempotency-Key";
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(30);

    /// <summary>Stands for "no HTTP answer at all" (a refused, reset or timed-out connection) among the statuses.</summary>
    private const HttpStatusCode Unreachable = 0;

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public EvaluatorIdentity Identity { get; } = new(description.Name, description.Version);

    public DescribedCatalog Catalog { get; } = new(ProtocolTranslation.ToSchemas(description));

    /// <summary>Reads the endpoint's description; an endpoint that does not answer it is an error naming the status and body.</summary>
    public static async Task<DescribeAnswer> DescribeAsync(HttpClient http, Uri baseUrl, Func<CancellationToken, Task<AuthenticationHeaderValue?>>? authorize, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, "describe"));
        request.Headers.Authorization = authorize is null ? null : await authorize(cancellationToken);
        using var response = await http.SendAsync(request, cancellationToken);
        string body = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode && ProtocolMessages.Read<DescribeAnswer>(body) is { Name: not null, Scenarios: not null } answer
            ? answer
            : throw new EvaluatorStartException($"The evaluator endpoint answered GET describe with {(int)response.StatusCode}: {EvaluatorWorker.Clip(body)}");
    }

    /// <summary>
    /// Scores one batch; <paramref name="idempotencyKey"/> names it for good (for example sweep/stage/batch), so posting
    /// it again never counts an answer twice. Items the endpoint answers badly are failed evaluations, as for a process.
    /// </summary>
    public async Task<IReadOnlyList<EvaluationScore>> EvaluateAsync(IReadOnlyList<EvaluationRequest> requests, string idempotencyKey, CancellationToken cancellationToken)
    {
        var ids = Enumerable.Range(0, requests.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        string body = ProtocolMessages.Line(new EvaluateCommand(requests.Select((r, i) => ProtocolTranslation.ToItem(ids[i], r)).ToList()));
        var (status, text) = await PostAsync(body, idempotencyKey, cancellationToken);
        if (status == Unreachable)
        {
            return Fail(requests.Count, EvaluationFailure.Crash, $"the endpoint gave no answer in {MaxAttempts} tries; the last: {EvaluatorWorker.Clip(text)}");
        }

        if (status != HttpStatusCode.OK)
        {
            return Fail(requests.Count, EvaluationFailure.Refused, $"the endpoint answered {(int)status}: {EvaluatorWorker.Clip(text)}");
        }

        EvaluateAnswer? answer;
        try
        {
            answer = ProtocolMessages.Read<EvaluateAnswer>(text);
        }
        catch (System.Text.Json.JsonException)
        {
            answer = null;
        }

        if (answer?.Results is not { } results || results.Count != requests.Count)
        {
            return Fail(requests.Count, EvaluationFailure.Garbage, $"the answer is not {requests.Count} results: {EvaluatorWorker.Clip(text)}");
        }

        return results.Select((line, i) => ProtocolTranslation.Read(line, ids[i], () => null)).ToList();
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string body, string idempotencyKey, CancellationToken cancellationToken)
    {
        var backoff = FirstBackoff;
        for (int attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "evaluate")) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add(IdempotencyHeader, idempotencyKey);
            request.Headers.Authorization = authorize is null ? null : await authorize(cancellationToken);
            HttpStatusCode status;
            string text;
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                (status, text) = response.StatusCode == HttpStatusCode.Accepted
                    ? await PollAsync(response, cancellationToken)
                    : (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
            }
            catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // The connection failed or dropped before the answer came (the endpoint restarted, say): the batch may
                // have run, so it is posted again under the same key, which lets the endpoint answer from its record.
                (status, text) = (Unreachable, $"no answer: {e.Message}");
            }

            bool transient = status == Unreachable || status == HttpStatusCode.TooManyRequests || (int)status >= 500;
            if (!transient || attempt == MaxAttempts)
            {
                return (status, text);
            }

            await Task.Delay(backoff, _time, cancellationToken);
            backoff *= 2;
        }
    }

    /// <summary>Follows a 202: polls its Location after each Retry-After until something other than 202 comes back.</summary>
    private async Task<(HttpStatusCode, string)> PollAsync(HttpResponseMessage accepted, CancellationToken cancellationToken)
    {
        var location = accepted.Headers.Location is { } l ? new Uri(baseUrl, l) : throw new InvalidOperationException("The evaluator endpoint answered 202 without a Location.");
        var wait = RetryAfter(accepted);
        while (true)
        {
            await Task.Delay(wait, _time, cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Get, location);
            request.Headers.Authorization = authorize is null ? null : await authorize(cancellationToken);
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
            }

            wait = RetryAfter(response);
        }
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : TimeSpan.FromSeconds(1));
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > LongestPoll ? LongestPoll : wait;
    }

    private static IReadOnlyList<EvaluationScore> Fail(int count, string kind, string reason) =>
        Enumerable.Repeat(EvaluationScore.Failed(new EvaluationFailure(kind, reason)), count).ToList();
}
