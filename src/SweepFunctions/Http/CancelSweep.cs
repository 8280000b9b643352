using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using SweepDomain.Requests;
using SweepFunctions.Storage;
using SweepHosting.Api;

namespace SweepFunctions.Http;

/// <summary>
/// <c>POST /api/sweeps/{id}/cancel</c>: stop a running sweep. It writes the sweep's cancellation marker first, so that
/// queued evaluation batches do not start and running ones stop at their next evaluation, then terminates the
/// orchestration. Stages already saved stay in storage.
/// </summary>
public sealed class CancelSweep(CancellationMarker marker)
{
    /// <returns>202 when cancellation was requested; 404 for an unknown id; 409 when the sweep has already finished.</returns>
    [Function(nameof(CancelSweep))]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = SweepRoutes.Cancel)] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken = default)
    {
        var sweep = InstanceIds.IsValid(id) ? await client.GetInstanceAsync(id, cancellationToken) : null;
        if (sweep is null)
        {
            return await ProblemResponses.NotFoundAsync(request, id);
        }

        if (sweep.IsCompleted)
        {
            return await ProblemResponses.ConflictAsync(request, "The sweep has already finished.", $"Sweep '{id}' is {sweep.RuntimeStatus}; there is nothing to cancel.");
        }

        // Once begun, a cancel completes: a client that goes away now does not leave a marker without a termination.
        await marker.RequestAsync(id, "Cancelled through the API.");
        await client.TerminateInstanceAsync(id, "Cancelled through the API.");
        return await JsonResponses.WriteAsync(request, HttpStatusCode.Accepted, new CancelAcceptedView { Id = id, CancelRequested = true, SweepStatusUri = JsonResponses.SweepStatusUri(request, id) });
    }
}
