using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using SweepDomain.Requests;
using SweepDomain.Results;
using SweepFunctions.Storage;
using SweepHosting.Api;

namespace SweepFunctions.Http;

/// <summary>
/// <c>GET /api/sweeps/{id}/report</c>: the finished sweep's full report (every candidate's seed scores, stage results,
/// cross-scenario figures), exactly as written to <c>{id}/report.json</c>. Storage allows identity access only, so
/// clients such as <c>sweep fetch</c> read it here.
/// </summary>
public sealed class GetSweepReport(IResultStore store)
{
    /// <returns>
    /// 200 with the report, also once the sweep's durable history is purged; 404 for an unknown id, or while the sweep
    /// has not written its report yet.
    /// </returns>
    [Function(nameof(GetSweepReport))]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = SweepRoutes.Report)] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken = default)
    {
        var sweep = InstanceIds.IsValid(id) ? await client.GetInstanceAsync(id, cancellationToken) : null;
        // A sweep whose history was purged keeps its report: it is served from the blob alone.
        string? report = InstanceIds.IsValid(id) ? await store.ReadTextAsync(SweepBlobs.ReportBlob(id), cancellationToken) : null;
        if (sweep is null && report is null)
        {
            return await ProblemResponses.NotFoundAsync(request, id);
        }

        if (report is null)
        {
            return await ProblemResponses.ReportNotReadyAsync(request, id, sweep!.RuntimeStatus.ToString());
        }

        var response = request.CreateResponse(HttpStatusCode.OK);
        response.Headers.Add("Content-Type", $"{ApiJson.ContentType}; charset=utf-8");
        await response.WriteStringAsync(report, cancellationToken);
        return response;
    }
}
