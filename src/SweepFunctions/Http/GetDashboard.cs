using System.Globalization;
using System.Net;
using System.Web;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using SweepHosting.Api;
using SweepHosting.Dashboard;

namespace SweepFunctions.Http;

/// <summary>
/// <c>GET /api/dashboard</c>: the page of recent sweeps (HTML), newest first, each linking to its own page with the key
/// the list was opened with. <c>?status=</c> keeps the sweeps of the named runtime statuses (comma-separated),
/// <c>?pageSize=</c> (1 to 200, default 50) and <c>?continuationToken=</c> page through them, as <see cref="SweepListing"/>
/// reads them.
/// </summary>
public sealed class GetDashboard(TimeProvider clock, ILogger<GetDashboard> logger)
{
    /// <returns>200 with the page; 400 with a page naming a status filter that is not a runtime status.</returns>
    [Function(nameof(GetDashboard))]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = SweepRoutes.Dashboard)] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken = default)
    {
        var query = HttpUtility.ParseQueryString(request.Url.Query);
        string listUrl = HtmlResponses.PathOf(request, SweepRoutes.Dashboard);
        var names = (query["status"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Where(n => !RuntimeStatuses.All.Contains(n, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            return await HtmlResponses.WriteAsync(request, HttpStatusCode.BadRequest, SweepPage.RenderMessage(new MessagePageData(
                "Unknown status",
                $"'{string.Join("', '", unknown)}' {(unknown.Count == 1 ? "is not a" : "are not")} runtime status{(unknown.Count == 1 ? "" : "es")}; the list takes {string.Join(", ", RuntimeStatuses.All)}.",
                listUrl)));
        }

        var statuses = names.Select(n => Enum.Parse<OrchestrationRuntimeStatus>(n, ignoreCase: true)).Distinct().ToList();
        int pageSize = int.TryParse(query["pageSize"], NumberStyles.None, CultureInfo.InvariantCulture, out int size) ? size : SweepListing.DefaultPageSize;
        var list = await SweepListing.ListAsync(client, new SweepListQuery(statuses.Count > 0 ? statuses : null, pageSize, query["continuationToken"] is { Length: > 0 } token ? token : null), logger, cancellationToken);
        if (list is null)
        {
            return await HtmlResponses.WriteAsync(request, HttpStatusCode.BadRequest, SweepPage.RenderMessage(new MessagePageData(
                "Unknown continuation token", "The continuation token is not one this list gave out; start again from the first page.", listUrl)));
        }

        var data = new SweepListPageData
        {
            GeneratedAt = clock.GetUtcNow(),
            List = list,
            Statuses = statuses.Select(s => s.ToString()).ToList(),
            ListUrl = listUrl,
            SweepUrl = HtmlResponses.PathOf(request, SweepRoutes.SweepDashboard),
            PageSize = Math.Clamp(pageSize, 1, SweepListing.MaxPageSize),
        };
        return await HtmlResponses.WriteAsync(request, HttpStatusCode.OK, SweepPage.RenderList(data));
    }
}
