using System.CommandLine;
using SweepDomain;
using SweepHosting.Api;

namespace SweepCli.Remote;

/// <summary>Where the Function App is and how to authenticate: flags, falling back to environment variables.</summary>
internal sealed class RemoteOptions
{
    public const string EndpointVariable = "SWEEP_ENDPOINT";
    public const string KeyVariable = "SWEEP_FUNCTION_KEY";

    public Option<string?> Endpoint { get; } = new("--endpoint")
    {
        Description = $"The Function App's base URL, e.g. https://<app>.azurewebsites.net [default: ${EndpointVariable}]",
        HelpName = "url",
    };

    public Option<string?> Key { get; } = new("--key")
    {
        Description = $"Function key, sent in the x-functions-key header [default: ${KeyVariable}; none for a local host]",
        HelpName = "key",
    };

    public Option<string> Timeout { get; } = new("--http-timeout")
    {
        Description = "Seconds to wait for each HTTP answer (each attempt)",
        DefaultValueFactory = _ => "100",
        HelpName = "seconds",
    };

    public Option<string> Retries { get; } = new("--retries")
    {
        Description = "Attempts after a transient failure (HTTP 408, 429, 5xx, no connection, a timeout), waiting about 1, 2, 4, 8, 16, 30 s " +
                      "with jitter, or the service's Retry-After up to 120 s; 0 turns retrying off. Starting a sweep is retried only with an " +
                      "instance id, unless the request certainly did not arrive",
        DefaultValueFactory = _ => RemoteRetry.DefaultRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        HelpName = "count",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Endpoint);
        command.Options.Add(Key);
        command.Options.Add(Timeout);
        command.Options.Add(Retries);
    }

    /// <summary>
    /// A client for the API, or null with errors (a missing or malformed endpoint, a bad timeout or retry count).
    /// Retries are told to standard error, except under --quiet.
    /// </summary>
    public SweepApiClient? CreateClient(ParseResult parse, CliServices services, CliOutput cli, ValidationErrors errors)
    {
        string? endpoint = parse.GetValue(Endpoint) ?? services.GetEnvironment(EndpointVariable);
        string? key = parse.GetValue(Key) ?? services.GetEnvironment(KeyVariable);
        double? seconds = CommandLine.ArgValues.Double(parse.GetValue(Timeout), "--http-timeout", errors);
        if (seconds is <= 0)
        {
            errors.Add("--http-timeout", $"Must be more than 0; got {seconds}.");
        }

        int? retries = CommandLine.ArgValues.Int(parse.GetValue(Retries), "--retries", errors);
        if (retries is < 0 or > RemoteRetry.MaxRetries)
        {
            errors.Add("--retries", $"Must be a whole number from 0 to {RemoteRetry.MaxRetries}; got {retries}.");
        }

        var uri = ApiBaseUri(endpoint, errors);
        if (uri is null || !errors.IsEmpty)
        {
            return null;
        }

        // Each attempt has its own timeout (RemoteRetry.AttemptTimeout); the client's would cut the retries short.
        var http = services.CreateHttpClient();
        http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        var retry = new RemoteRetry(retries ?? RemoteRetry.DefaultRetries, TimeSpan.FromSeconds(seconds ?? 100), services.Clock);
        return new SweepApiClient(http, uri, key, retry, cli.Quiet ? _ => { } : cli.Warn);
    }

    /// <summary>
    /// The API's base, <c>https://host/api/</c>: <c>https://host</c>, <c>https://host/api</c> and
    /// <c>https://host/api/sweeps</c> all mean the same app.
    /// </summary>
    public static Uri? ApiBaseUri(string? endpoint, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            errors.Add("--endpoint", $"No endpoint: pass --endpoint https://<app>.azurewebsites.net or set {EndpointVariable}.");
            return null;
        }

        if (!Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0)
        {
            errors.Add("--endpoint", $"'{endpoint}' is not an http(s) URL without a query; write the app's base URL, e.g. https://<app>.azurewebsites.net.");
            return null;
        }

        string api = "/" + SweepRoutes.Prefix;
        string path = uri.AbsolutePath.TrimEnd('/');
        path = path.EndsWith(api + "/" + SweepRoutes.Sweeps, StringComparison.OrdinalIgnoreCase) ? path[..^(SweepRoutes.Sweeps.Length + 1)]
            : path.EndsWith(api, StringComparison.OrdinalIgnoreCase) ? path
            : path + api;
        return new UriBuilder(uri) { Path = path + "/" }.Uri;
    }
}
