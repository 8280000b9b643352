using System.Globalization;
using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using SweepDomain;
using SweepHosting.Api;

namespace SweepFunctions.Http;

/// <summary>
/// <c>GET /api/sweeps</c>: recent sweeps with their status, scenario, times and winner (<see cref="SweepListView"/>),
/// one Durable instance query underneath. Query parameters: <c>status</c> (names of <see cref="RuntimeStatuses"/>,
/// any case, comma-separated or repeated), <c>createdFrom</c> and <c>createdTo</c> (ISO 8601), <c>pageSize</c>
/// (1 to 200, default 50) and <c>continuationToken</c> (from the previous page, as it was given).
/// </summary>
public sealed class ListSweeps(ILogger<ListSweeps> logger)
{
    public const string QueryStatus = "status";
    public const string QueryPageSize = "pageSize";
    public const string QueryContinuationToken = "continuationToken";
    public const string QueryCreatedFrom = "createdFrom";
    public const string QueryCreatedTo = "createdTo";

    public const string InvalidQueryTitle = "The sweep list query is invalid.";

    /// <returns>200 with a page of sweeps; 400 problem details naming every bad parameter and its value.</returns>
    [Function(nameof(ListSweeps))]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = SweepRoutes.Sweeps)] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var query = Parse(request.Query, errors);
        if (query is null)
        {
            return await ProblemResponses.BadRequestAsync(request, InvalidQueryTitle, errors);
        }

        var page = await SweepListing.ListAsync(client, query, logger, cancellationToken);
        if (page is null)
        {
            errors.Add(QueryContinuationToken, $"'{Shorten(query.ContinuationToken!)}' is not a continuation token of this list. Pass the continuationToken of the previous page exactly as it came, or leave it out to start from the first page.");
            return await ProblemResponses.BadRequestAsync(request, InvalidQueryTitle, errors);
        }

        return await JsonResponses.WriteAsync(request, HttpStatusCode.OK, page);
    }

    /// <summary>The query, or null with every fault in <paramref name="errors"/>.</summary>
    public static SweepListQuery? Parse(System.Collections.Specialized.NameValueCollection parameters, ValidationErrors errors)
    {
        var statuses = new List<OrchestrationRuntimeStatus>();
        foreach (string item in (parameters.GetValues(QueryStatus) ?? []).SelectMany(v => v.Split(',')).Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            string? name = RuntimeStatuses.All.FirstOrDefault(s => string.Equals(s, item, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                errors.Add(QueryStatus, $"Unknown status '{Shorten(item)}'. Use one or more of {string.Join(", ", RuntimeStatuses.All)}, separated by commas (any case).");
            }
            else if (!statuses.Contains(Enum.Parse<OrchestrationRuntimeStatus>(name)))
            {
                statuses.Add(Enum.Parse<OrchestrationRuntimeStatus>(name));
            }
        }

        int pageSize = SweepListing.DefaultPageSize;
        if (Single(parameters, QueryPageSize, errors) is { } size
            && !(int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) && pageSize is >= 1 and <= SweepListing.MaxPageSize))
        {
            errors.Add(QueryPageSize, $"pageSize must be a whole number from 1 to {SweepListing.MaxPageSize}; got '{Shorten(size)}'.");
        }

        var from = Time(parameters, QueryCreatedFrom, errors);
        var to = Time(parameters, QueryCreatedTo, errors);
        if (from is not null && to is not null && from > to)
        {
            errors.Add(QueryCreatedTo, $"createdTo ({to:O}) is before createdFrom ({from:O}).");
        }

        string? token = Single(parameters, QueryContinuationToken, errors);
        return errors.Count > 0
            ? null
            : new SweepListQuery(statuses.Count > 0 ? statuses : null, pageSize, string.IsNullOrEmpty(token) ? null : token, from, to);
    }

    private static string? Single(System.Collections.Specialized.NameValueCollection parameters, string name, ValidationErrors errors)
    {
        string[]? values = parameters.GetValues(name);
        if (values is { Length: > 1 })
        {
            errors.Add(name, $"{name} is given {values.Length} times; give it once.");
            return null;
        }

        return values?[0];
    }

    private static DateTimeOffset? Time(System.Collections.Specialized.NameValueCollection parameters, string name, ValidationErrors errors)
    {
        if (Single(parameters, name, errors) is not { Length: > 0 } text)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        errors.Add(name, $"{name} must be a date and time in ISO 8601, for example 2026-11-01T00:00:00Z; got '{Shorten(text)}'.");
        return null;
    }

    /// <summary>What the caller sent, cut to a length a message can quote.</summary>
    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
