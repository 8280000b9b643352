using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using SweepDomain.Requests;
using SweepHosting.Api;

namespace SweepFunctions.Http;

/// <summary><c>POST /api/sweeps/{id}/cancel</c>: terminate a running sweep. Stages already saved stay in storage.</summary>
public sealed class CancelSweep
{
    /// <returns>202 when termination was requested; 404 for an unknown id; 409 when the sweep has already finished.</returns>
    [Function(nameof(CancelSweep))]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = SweepRoutes.Cancel)] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string id)
    {
        var sweep = InstanceIds.IsValid(id) ? await client.GetInstanceAsync(id) : null;
        if (sweep is null)
        {
            return await ProblemResponses.NotFoundAsync(request, id);
        }

        if (sweep.IsCompleted)
        {
            return await ProblemResponses.ConflictAsync(request, "The sweep has already finished.", $"Sweep '{id}' is {sweep.RuntimeStatus}; there is nothing to cancel.");
        }

        await client.TerminateInstanceAsync(id, "Cancelled through the API.");
        return await JsonResponses.WriteAsync(request, HttpStatusCode.Accepted, new CancelAcceptedView { Id = id, CancelRequested = true, SweepStatusUri = JsonResponses.SweepStatusUri(request, id) });
    }
}
