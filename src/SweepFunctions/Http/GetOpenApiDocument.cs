using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using SweepHosting.Api;

namespace SweepFunctions.Http;

/// <summary>
/// <c>GET /api/openapi.yaml</c>, anonymous: the API's OpenAPI 3.1 document, <c>docs/openapi.yaml</c> embedded in the
/// app at build time, byte for byte.
/// </summary>
public sealed class GetOpenApiDocument
{
    public const string ResourceName = "openapi.yaml";

    public const string ContentType = "application/yaml";

    private static readonly Lazy<byte[]> Document = new(() =>
    {
        using var stream = typeof(GetOpenApiDocument).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The app was built without its embedded {ResourceName}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    /// <summary>The document as embedded.</summary>
    public static byte[] Bytes => Document.Value;

    [Function(nameof(GetOpenApiDocument))]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SweepRoutes.OpenApi)] HttpRequestData request,
        CancellationToken cancellationToken = default)
    {
        var response = request.CreateResponse(HttpStatusCode.OK);
        response.Headers.Add("Content-Type", $"{ContentType}; charset=utf-8");
        await response.Body.WriteAsync(Document.Value, cancellationToken);
        return response;
    }
}
