using System.Globalization;
using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using SweepFunctions.Storage;
using SweepHosting.Api;

namespace SweepFunctions.Http;

/// <summary>
/// <c>GET /api/sweeps/{id}/stages/{stage}</c>: a finished stage's outcome, every candidate's figures (seed scores, the
/// mean with its 95 % interval at each tier, the paired comparisons, racing drops) and the stage result, exactly as
/// written to <c>{id}/outcomes/NN-label.json</c>. The stage is 1-based. Storage allows identity access only, so the
/// sweep's page reads a stage here the moment it finishes.
/// </summary>
public sealed class GetSweepStage(IResultStore store, ILogger<GetSweepStage> logger)
{
    /// <returns>
    /// 200 with the outcome; 404 problem details for an unknown sweep, a stage number the sweep does not have, a stage
    /// that has not finished yet, or (should it ever happen) a finished stage whose outcome blob is gone.
    /// </returns>
    [Function(nameof(GetSweepStage))]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = SweepRoutes.Stage)] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string id,
        string stage,
        CancellationToken cancellationToken = default)
    {
        var sweep = await GetSweep.ReadAsync(client, store, logger, id, cancellationToken);
        if (sweep is null)
        {
            return await ProblemResponses.NotFoundAsync(request, id);
        }

        int? stageCount = sweep.Progress?.StageCount;
        if (!int.TryParse(stage, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number < 1 || number > (stageCount ?? int.MaxValue))
        {
            return await ProblemResponses.NoSuchStageAsync(request, id, stage, stageCount);
        }

        var finished = sweep.Stages.FirstOrDefault(s => s.Stage == number);
        if (finished is null)
        {
            return await ProblemResponses.StageNotFinishedAsync(request, id, number, sweep.RuntimeStatus, sweep.Stages.Count);
        }

        string blob = finished.OutcomeBlob ?? SweepBlobs.OutcomeBlob(id, number - 1, finished.Label);
        if (await store.ReadTextAsync(blob, cancellationToken) is not { } outcome)
        {
            return await ProblemResponses.StageOutcomeMissingAsync(request, id, number, blob);
        }

        var response = request.CreateResponse(HttpStatusCode.OK);
        response.Headers.Add("Content-Type", $"{ApiJson.ContentType}; charset=utf-8");
        await response.WriteStringAsync(outcome, cancellationToken);
        return response;
    }
}
