using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Azure.Functions.Worker.Http;

namespace SweepFunctions.Http;

/// <summary>JSON bodies of the API: camelCase, nulls left out, enums as names, parameter values with their int/float kind.</summary>
public static class JsonResponses
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<HttpResponseData> WriteAsync(HttpRequestData request, HttpStatusCode status, object body, string contentType = "application/json")
    {
        var response = request.CreateResponse(status);
        response.Headers.Add("Content-Type", $"{contentType}; charset=utf-8");
        await response.WriteStringAsync(JsonSerializer.Serialize(body, body.GetType(), Options));
        return response;
    }

    /// <summary>The URI of a sweep's status endpoint, next to the request's own route (<c>…/api/sweeps/{id}</c>).</summary>
    public static string SweepStatusUri(HttpRequestData request, string sweepId)
    {
        string path = request.Url.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
        int sweeps = path.IndexOf("/sweeps/", StringComparison.OrdinalIgnoreCase);
        return $"{(sweeps >= 0 ? path[..sweeps] : path.TrimEnd('/'))}/sweeps/{Uri.EscapeDataString(sweepId)}";
    }
}
