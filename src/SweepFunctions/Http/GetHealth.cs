using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using SweepFunctions.Health;
using SweepHosting.Api;

namespace SweepFunctions.Http;

/// <summary>
/// <c>GET /api/health</c>, anonymous: whether the results storage and the task hub answer, with the app's, the sweep
/// engine's and .NET's versions. For probes and people; it says nothing a caller without a key should not know.
/// </summary>
public sealed class GetHealth(HealthProbe probe)
{
    /// <returns>200 when both checks pass; 503 with the same body naming what is down.</returns>
    [Function(nameof(GetHealth))]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SweepRoutes.Health)] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken = default)
    {
        var health = await probe.CheckAsync(client, cancellationToken);
        var response = await JsonResponses.WriteAsync(request, health.Status == HealthView.Healthy ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable, health);
        response.Headers.Add("Cache-Control", "no-store");
        return response;
    }
}
