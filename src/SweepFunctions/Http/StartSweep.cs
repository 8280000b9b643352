using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using SweepDomain;
using SweepDomain.Requests;
using SweepFunctions.Launch;
using SweepHosting.Api;

namespace SweepFunctions.Http;

/// <summary><c>POST /api/sweeps</c>: validate a sweep request and start it, or say everything that is wrong with it.</summary>
public sealed class StartSweep(SweepLauncher launcher)
{
    /// <returns>
    /// 202 with <see cref="AcceptedView"/> (the id and this API's own routes for the sweep, none carrying a key) and a
    /// Location header pointing to the status route; 400 problem details naming every fault (nothing is written or
    /// started); 409 when the given <c>instanceId</c> is still running.
    /// </returns>
    [Function(nameof(StartSweep))]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = SweepRoutes.Sweeps)] HttpRequestData request,
        [DurableClient] DurableTaskClient client)
    {
        var errors = new ValidationErrors();
        string body = await new StreamReader(request.Body).ReadToEndAsync();
        var sweepRequest = SweepRequestJson.Parse(body, errors);
        var plan = sweepRequest is null ? null : await launcher.PrepareAsync(sweepRequest, errors);
        if (plan is null)
        {
            return await ProblemResponses.InvalidRequestAsync(request, errors);
        }

        string sweepId = sweepRequest!.InstanceId ?? Guid.NewGuid().ToString("N");
        if (sweepRequest.InstanceId is not null && await client.GetInstanceAsync(sweepId) is { } existing && IsActive(existing.RuntimeStatus))
        {
            return await ProblemResponses.ConflictAsync(
                request, "The sweep is already running.", $"Sweep '{sweepId}' is {existing.RuntimeStatus}; cancel it or choose another instanceId.");
        }

        await launcher.StartAsync(client, sweepId, plan, sweepRequest);
        return await AcceptedAsync(request, sweepId);
    }

    private static bool IsActive(OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended;

    /// <summary>
    /// The sweep's id and our own routes for it. The durable management URLs are left out on purpose: they carry the
    /// Durable extension's system key, which the caller does not hold and must not be handed.
    /// </summary>
    private static async Task<HttpResponseData> AcceptedAsync(HttpRequestData request, string sweepId)
    {
        var accepted = new AcceptedView
        {
            Id = sweepId,
            SweepStatusUri = JsonResponses.SweepStatusUri(request, sweepId),
            ReportUri = JsonResponses.ApiUri(request, SweepRoutes.ReportPath(sweepId)),
            CancelPostUri = JsonResponses.ApiUri(request, SweepRoutes.CancelPath(sweepId)),
        };
        var response = await JsonResponses.WriteAsync(request, HttpStatusCode.Accepted, accepted);
        response.Headers.Add("Location", accepted.SweepStatusUri);
        return response;
    }
}
