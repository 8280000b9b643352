using System.Net;
using Microsoft.Azure.Functions.Worker.Http;
using SweepHosting.Api;

namespace SweepFunctions.Http;

/// <summary>Writes the API's bodies: the contract types of <see cref="SweepHosting.Api"/>, with <see cref="ApiJson.Options"/>.</summary>
public static class JsonResponses
{
    public static async Task<HttpResponseData> WriteAsync<T>(HttpRequestData request, HttpStatusCode status, T body, string contentType = ApiJson.ContentType)
    {
        var response = request.CreateResponse(status);
        response.Headers.Add("Content-Type", $"{contentType}; charset=utf-8");
        await response.WriteStringAsync(ApiJson.Serialize(body));
        return response;
    }

    /// <summary>
    /// The absolute URI of <paramref name="routePath"/> (a path of <see cref="SweepRoutes"/>), next to the request's own
    /// route: <c>https://host/api/</c> plus the path. The request's query (which may hold its key) is not carried over.
    /// </summary>
    public static string ApiUri(HttpRequestData request, string routePath)
    {
        string path = request.Url.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
        int sweeps = path.IndexOf("/" + SweepRoutes.Sweeps + "/", StringComparison.OrdinalIgnoreCase);
        return (sweeps >= 0 ? path[..(sweeps + 1)] : path) + routePath;
    }

    /// <summary>The URI of a sweep's status endpoint (<c>…/api/sweeps/{id}</c>).</summary>
    public static string SweepStatusUri(HttpRequestData request, string sweepId) => ApiUri(request, SweepRoutes.SweepPath(sweepId));
}
