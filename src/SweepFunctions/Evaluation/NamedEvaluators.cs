using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;
using SweepDomain.Evaluation;
using SweepDomain.Parameters;
using SweepFunctions.Configuration;
using SweepHosting.Evaluation.Protocol;

namespace SweepFunctions.Evaluation;

/// <summary>
/// The evaluator endpoints the operator configured (<see cref="SweepAppOptions.Evaluators"/>), by name. Each endpoint's
/// <c>describe</c> is read once and kept (a failed read is not kept, so the next request tries again); its
/// <see cref="HttpEvaluator"/> validates stages against it and scores the batches. The <c>Authorization</c> header is an
/// Entra token for the configured audience (Azure.Identity, the app's managed identity) or the configured key; it is
/// made here, never taken from a request, and never logged.
/// </summary>
public sealed class NamedEvaluators(IOptions<SweepAppOptions> options, HttpClient? http = null) : IDisposable
{
    private readonly HttpClient _http = http ?? new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
    private readonly ConcurrentDictionary<string, Lazy<Task<HttpEvaluator>>> _described = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => options.Value.Evaluators.Keys;

    public bool IsConfigured(string name) => options.Value.Evaluators.ContainsKey(name);

    /// <summary>The configured name closest to <paramref name="name"/>, or null when none is close.</summary>
    public string? Suggest(string name) =>
        Names.Select(n => (Name: n, Distance: EditDistance.Between(name.ToLowerInvariant(), n.ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Max(2, name.Length / 3))
            .OrderBy(c => c.Distance).Select(c => c.Name).FirstOrDefault();

    /// <summary>The named endpoint, described; throws <see cref="EvaluatorStartException"/> when it does not answer <c>describe</c>.</summary>
    public async Task<HttpEvaluator> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        var lazy = _described.GetOrAdd(name, n => new Lazy<Task<HttpEvaluator>>(() => DescribeAsync(n)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (lazy.Value.IsFaulted || lazy.Value.IsCanceled)
        {
            _described.TryRemove(new KeyValuePair<string, Lazy<Task<HttpEvaluator>>>(name, lazy));
            throw;
        }
    }

    /// <summary>Which model a sweep through <paramref name="name"/> runs: the configured name and the version the endpoint describes.</summary>
    public static EvaluatorIdentity IdentityOf(string name, HttpEvaluator evaluator) => new(name, evaluator.Identity.Version);

    private async Task<HttpEvaluator> DescribeAsync(string name)
    {
        var endpoint = options.Value.Evaluators.TryGetValue(name, out var e) ? e : throw new KeyNotFoundException($"No evaluator '{name}' is configured.");
        var baseUrl = new Uri(endpoint.Url!.EndsWith('/') ? endpoint.Url : endpoint.Url + "/");
        var authorize = Authorization(endpoint);
        var description = await HttpEvaluator.DescribeAsync(_http, baseUrl, authorize, CancellationToken.None);
        return new HttpEvaluator(_http, baseUrl, description, authorize);
    }

    private static Func<CancellationToken, Task<AuthenticationHeaderValue?>> Authorization(EvaluatorEndpointOptions endpoint)
    {
        if (!string.IsNullOrWhiteSpace(endpoint.Key))
        {
            var header = new AuthenticationHeaderValue("Key", endpoint.Key);
            return _ => Task.FromResult<AuthenticationHeaderValue?>(header);
        }

        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = endpoint.ClientId });
        var context = new TokenRequestContext([endpoint.Audience!.TrimEnd('/') + "/.default"]);
        return async cancellationToken => new AuthenticationHeaderValue("Bearer", (await credential.GetTokenAsync(context, cancellationToken)).Token);
    }

    public void Dispose() => _http.Dispose();
}
