using System.Globalization;
using System.Net;
using System.Web;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using SweepDomain.Results;
using SweepFunctions.Storage;
using SweepHosting.Api;
using SweepHosting.Dashboard;

namespace SweepFunctions.Http;

/// <summary>
/// <c>GET /api/sweeps/{id}/dashboard</c>: the sweep's page (HTML), the same page <c>sweep run</c> and <c>sweep fetch</c>
/// write beside their results. It holds the status, the finished stages' outcomes (or the report, once complete) and
/// the accepted request, and while the sweep runs it refreshes itself from <c>GET /api/sweeps/{id}</c> every
/// <see cref="DefaultRefreshSeconds"/> seconds (<c>?refresh=</c> 1 to 60), reading each stage from
/// <c>GET /api/sweeps/{id}/stages/{stage}</c> as it finishes, with the key it was opened with (<c>?code=</c>).
/// </summary>
public sealed class GetSweepDashboard(IResultStore store, ILogger<GetSweepDashboard> logger, TimeProvider clock)
{
    public const int DefaultRefreshSeconds = 3;

    /// <returns>200 with the page; 404 with a page saying there is no such sweep.</returns>
    [Function(nameof(GetSweepDashboard))]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = SweepRoutes.SweepDashboard)] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken = default)
    {
        string listUrl = HtmlResponses.PathOf(request, SweepRoutes.Dashboard);
        var status = await GetSweep.ReadAsync(client, store, logger, id, cancellationToken);
        if (status is null)
        {
            return await HtmlResponses.WriteAsync(request, HttpStatusCode.NotFound,
                SweepPage.RenderMessage(new MessagePageData("No such sweep", $"There is no sweep with id '{id}'.", listUrl)));
        }

        string? report = status.IsCompleted ? await store.ReadTextAsync(SweepBlobs.ReportBlob(id), cancellationToken) : null;
        var outcomes = report is not null
            ? []
            : (await Task.WhenAll(status.Stages.Select(s => store.ReadTextAsync(s.OutcomeBlob ?? SweepBlobs.OutcomeBlob(id, s.Stage - 1, s.Label), cancellationToken)))).OfType<string>().ToList();
        var data = new SweepPageData
        {
            Source = SweepPageSources.Live,
            GeneratedAt = clock.GetUtcNow(),
            Status = status,
            ReportJson = report,
            OutcomeJsons = outcomes,
            RequestJson = report is null ? await store.ReadTextAsync(SweepBlobs.RequestBlob(id), cancellationToken) : null,
            Live = new LiveRoutes(
                HtmlResponses.PathOf(request, SweepRoutes.SweepPath(id)),
                HtmlResponses.PathOf(request, SweepRoutes.SweepPath(id) + SweepRoutes.Stage[SweepRoutes.Sweep.Length..]),
                HtmlResponses.PathOf(request, SweepRoutes.ReportPath(id)),
                listUrl,
                RefreshSeconds(request)),
        };
        return await HtmlResponses.WriteAsync(request, HttpStatusCode.OK, SweepPage.Render(data));
    }

    private static int RefreshSeconds(HttpRequestData request) =>
        int.TryParse(HttpUtility.ParseQueryString(request.Url.Query)["refresh"], NumberStyles.None, CultureInfo.InvariantCulture, out int seconds)
            ? Math.Clamp(seconds, 1, 60)
            : DefaultRefreshSeconds;
}
