using System.Net;
using Microsoft.Azure.Functions.Worker.Http;
using SweepHosting.Api;
using SweepHosting.Dashboard;

namespace SweepFunctions.Http;

/// <summary>
/// Writes the pages (<see cref="SweepPage"/>) with headers that keep them to themselves: their Content-Security-Policy
/// (inline style and script by hash, reads from this origin only), no caching (the address holds the key, the content
/// changes), no sniffing, no referrer (the address holds the key), no framing.
/// </summary>
public static class HtmlResponses
{
    public static async Task<HttpResponseData> WriteAsync(HttpRequestData request, HttpStatusCode status, string html)
    {
        var response = request.CreateResponse(status);
        response.Headers.Add("Content-Type", SweepPage.ContentType);
        response.Headers.Add("Content-Security-Policy", SweepPage.ContentSecurityPolicy + "; frame-ancestors 'none'");
        response.Headers.Add("Cache-Control", "no-store");
        response.Headers.Add("X-Content-Type-Options", "nosniff");
        response.Headers.Add("Referrer-Policy", "no-referrer");
        await response.WriteStringAsync(html);
        return response;
    }

    /// <summary>
    /// The path of a route of this app, as the pages link to it: the request's own route prefix (<c>/api/</c>) plus
    /// <paramref name="routePath"/> (a path of <see cref="SweepHosting.Api.SweepRoutes"/>, already escaped). Paths, not
    /// URLs: a page reads and links within the origin it was served from.
    /// </summary>
    public static string PathOf(HttpRequestData request, string routePath)
    {
        string path = request.Url.AbsolutePath.TrimEnd('/');
        int at = path.IndexOf("/" + SweepRoutes.Sweeps + "/", StringComparison.OrdinalIgnoreCase);
        if (at < 0 && path.EndsWith("/" + SweepRoutes.Dashboard, StringComparison.OrdinalIgnoreCase))
        {
            at = path.Length - SweepRoutes.Dashboard.Length - 1;
        }

        return (at >= 0 ? path[..(at + 1)] : "/" + SweepRoutes.Prefix + "/") + routePath;
    }
}
