using System.Net;
using System.Runtime.CompilerServices;
using Polly;
using Polly.Retry;

namespace SweepCli.Remote;

/// <summary>Which failed requests may be sent again.</summary>
internal enum RetryMode
{
    /// <summary>Reads and cancellation: sending them twice does no harm.</summary>
    Always,

    /// <summary>
    /// A POST that starts a sweep without an instance id: sent again only when the service certainly did not process it
    /// (no connection was made, or it answered 408 or 429). Otherwise a second POST could start a second sweep.
    /// </summary>
    OnlyIfNotProcessed,
}

/// <summary>
/// How the remote commands ride out transient failures (HTTP 408, 429, 5xx, connection failures, timeouts): up to
/// <see cref="Retries"/> more attempts, waiting about 1, 2, 4, 8, 16, 30 s (exponential with jitter, at most
/// <see cref="MaxDelay"/>), or what the service asks for in <c>Retry-After</c> (at most <see cref="MaxRetryAfter"/>).
/// Each attempt has its own timeout. With the defaults one request makes at most 7 attempts whose waits add up to
/// about a minute, so a multi-hour <c>--wait</c> survives a restart of the app but not an outage.
/// </summary>
internal sealed record RemoteRetry(int Retries, TimeSpan AttemptTimeout, TimeProvider Time)
{
    public const int DefaultRetries = 6;
    public const int MaxRetries = 100;

    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(120);

    /// <summary>
    /// A pipeline that retries under <paramref name="mode"/>. <paramref name="notice"/> hears each retry (what failed,
    /// which retry, how long the wait); <paramref name="refused"/> is set when a transient failure was not retried
    /// because the request might have been processed.
    /// </summary>
    public ResiliencePipeline<HttpResponseMessage> Pipeline(RetryMode mode, string what, Action<string> notice, StrongBox<bool> refused)
    {
        if (Retries == 0)
        {
            return ResiliencePipeline<HttpResponseMessage>.Empty;
        }

        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = Time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = FirstDelay,
                MaxDelay = MaxDelay,
                ShouldHandle = args =>
                {
                    if (!IsTransient(args.Outcome))
                    {
                        return ValueTask.FromResult(false);
                    }

                    bool safe = mode == RetryMode.Always || WasNotProcessed(args.Outcome);
                    refused.Value = !safe;
                    return ValueTask.FromResult(safe);
                },
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    notice($"{what} {Describe(args.Outcome)}; retry {args.AttemptNumber + 1} of {Retries} in {args.RetryDelay.TotalSeconds:0.#} s");
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .Build();
    }

    /// <summary>HTTP 408, 429 and 5xx, a failed connection and an attempt that timed out are worth another try.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => IsTransient(response.StatusCode),
        { Exception: HttpRequestException or AttemptTimeoutException } => true,
        _ => false,
    };

    public static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>
    /// True when the request certainly did nothing: the connection was never made (name, connect or TLS failure), or
    /// the service said it did not take the request (408, 429). A 5xx, a dropped response or a timeout leave it unknown.
    /// </summary>
    public static bool WasNotProcessed(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests,
        { Exception: HttpRequestException e } => e.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
            or HttpRequestError.SecureConnectionError,
        _ => false,
    };

    /// <summary>The service's <c>Retry-After</c>, at most <see cref="MaxRetryAfter"/>; null lets the backoff decide.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        TimeSpan? asked = header?.Delta ?? (header?.Date is { } date ? date - Time.GetUtcNow() : null);
        return asked is { } wait ? TimeSpan.FromTicks(Math.Clamp(wait.Ticks, 0, MaxRetryAfter.Ticks)) : null;
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) => outcome.Result is { } response
        ? $"answered HTTP {(int)response.StatusCode} ({response.StatusCode})"
        : $"failed: {outcome.Exception?.Message}";
}

/// <summary>One attempt got no answer within <see cref="RemoteRetry.AttemptTimeout"/>.</summary>
internal sealed class AttemptTimeoutException(TimeSpan timeout, Exception inner)
    : Exception($"no answer within {timeout.TotalSeconds:0.#} s", inner);
