using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
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
    /// 202 with a Location header, the durable management URLs and <c>sweepStatusUri</c>; 400 problem details naming
    /// every fault (nothing is written or started); 409 when the given <c>instanceId</c> is still running.
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

        await launcher.StartAsync(client, sweepId, plan);
        return await AcceptedAsync(request, client, sweepId);
    }

    private static bool IsActive(OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended;

    private static async Task<HttpResponseData> AcceptedAsync(HttpRequestData request, DurableTaskClient client, string sweepId)
    {
        // The durable management URLs in their documented camelCase shape (id, statusQueryGetUri, terminatePostUri, ...).
        var payload = JsonSerializer.SerializeToNode(client.CreateHttpManagementPayload(sweepId, request), ApiJson.Options)!.AsObject();
        payload["sweepStatusUri"] = JsonResponses.SweepStatusUri(request, sweepId);
        var response = await JsonResponses.WriteAsync(request, HttpStatusCode.Accepted, payload);
        response.Headers.Add("Location", (string)payload["statusQueryGetUri"]!);
        return response;
    }
}
