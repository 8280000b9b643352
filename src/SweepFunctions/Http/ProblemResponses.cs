using System.Net;
using Microsoft.Azure.Functions.Worker.Http;
using SweepDomain;
using SweepHosting.Api;

namespace SweepFunctions.Http;

/// <summary>
/// Every error answer of the API, as RFC 9457 problem details (<see cref="ApiProblem"/>). A bad request lists all its
/// faults at once under <c>errors</c>, field to messages.
/// </summary>
public static class ProblemResponses
{
    public const string ContentType = ApiJson.ProblemContentType;

    public const string InvalidRequestTitle = "The sweep request is invalid.";

    public static Task<HttpResponseData> InvalidRequestAsync(HttpRequestData request, ValidationErrors errors) =>
        WriteAsync(request, HttpStatusCode.BadRequest, "https://tools.ietf.org/html/rfc9110#section-15.5.1", InvalidRequestTitle, null, errors.ToDictionary());

    /// <summary>400 with <paramref name="title"/> and every fault under <c>errors</c>, for requests other than a sweep's start.</summary>
    public static Task<HttpResponseData> BadRequestAsync(HttpRequestData request, string title, ValidationErrors errors) =>
        WriteAsync(request, HttpStatusCode.BadRequest, "https://tools.ietf.org/html/rfc9110#section-15.5.1", title, null, errors.ToDictionary());

    public static Task<HttpResponseData> NotFoundAsync(HttpRequestData request, string sweepId) =>
        WriteAsync(request, HttpStatusCode.NotFound, "https://tools.ietf.org/html/rfc9110#section-15.5.5", "No such sweep.", $"There is no sweep with id '{sweepId}'.");

    public static Task<HttpResponseData> ReportNotReadyAsync(HttpRequestData request, string sweepId, string runtimeStatus) =>
        WriteAsync(request, HttpStatusCode.NotFound, "https://tools.ietf.org/html/rfc9110#section-15.5.5", "The report is not written yet.",
            $"Sweep '{sweepId}' is {runtimeStatus}; its report is written when the sweep completes.");

    public static Task<HttpResponseData> PayloadTooLargeAsync(HttpRequestData request, long? bytes, int limit) =>
        WriteAsync(request, HttpStatusCode.RequestEntityTooLarge, "https://tools.ietf.org/html/rfc9110#section-15.5.14", "The request body is too large.",
            $"The body {(bytes is { } b ? $"has {b:N0} bytes" : "is longer than that")}; a sweep request may have at most {limit:N0} bytes " +
            "(the app setting Sweep__MaxRequestBytes). Large grids belong in several stages, and a base can be named as a blob.");

    public static Task<HttpResponseData> LengthRequiredAsync(HttpRequestData request, string? transferEncoding) =>
        WriteAsync(request, HttpStatusCode.LengthRequired, "https://tools.ietf.org/html/rfc9110#section-15.5.12", "The request needs a Content-Length.",
            $"No body arrived and no Content-Length was declared{(string.IsNullOrWhiteSpace(transferEncoding) ? "" : $" (Transfer-Encoding: {transferEncoding})")}: " +
            "the Functions host hands a chunked body on empty. Send the sweep request with a Content-Length header, as curl -d and most clients do.");

    public static Task<HttpResponseData> UnsupportedMediaTypeAsync(HttpRequestData request, string? contentType) =>
        WriteAsync(request, HttpStatusCode.UnsupportedMediaType, "https://tools.ietf.org/html/rfc9110#section-15.5.16", "The request body must be JSON.",
            $"Send the sweep request with Content-Type: application/json; got {(string.IsNullOrWhiteSpace(contentType) ? "no Content-Type" : $"'{contentType}'")}.");

    public static Task<HttpResponseData> NoSuchStageAsync(HttpRequestData request, string sweepId, string stage, int? stageCount) =>
        WriteAsync(request, HttpStatusCode.NotFound, "https://tools.ietf.org/html/rfc9110#section-15.5.5", "No such stage.",
            $"Sweep '{sweepId}' has no stage '{stage}': stages are numbered from 1" + (stageCount is { } n ? $" to {n}." : "."));

    public static Task<HttpResponseData> StageNotFinishedAsync(HttpRequestData request, string sweepId, int stage, string runtimeStatus, int finished) =>
        WriteAsync(request, HttpStatusCode.NotFound, "https://tools.ietf.org/html/rfc9110#section-15.5.5", "The stage has not finished.",
            $"Sweep '{sweepId}' is {runtimeStatus} and has finished {finished} stage{(finished == 1 ? "" : "s")}; stage {stage} is not among them.");

    public static Task<HttpResponseData> StageOutcomeMissingAsync(HttpRequestData request, string sweepId, int stage, string blob) =>
        WriteAsync(request, HttpStatusCode.NotFound, "https://tools.ietf.org/html/rfc9110#section-15.5.5", "The stage's figures are missing.",
            $"Stage {stage} of sweep '{sweepId}' has finished, but its outcome blob '{blob}' is not in the results container.");

    public static Task<HttpResponseData> NotScheduledAsync(HttpRequestData request, string sweepId, string reason) =>
        WriteAsync(request, HttpStatusCode.ServiceUnavailable, "https://tools.ietf.org/html/rfc9110#section-15.6.4", "The sweep could not be scheduled.",
            $"Sweep '{sweepId}' was not started, and nothing of this attempt is kept, so the same request can be sent again: {reason}");

    public static Task<HttpResponseData> ConflictAsync(HttpRequestData request, string title, string detail) =>
        WriteAsync(request, HttpStatusCode.Conflict, "https://tools.ietf.org/html/rfc9110#section-15.5.10", title, detail);

    private static Task<HttpResponseData> WriteAsync(
        HttpRequestData request, HttpStatusCode status, string type, string title, string? detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        JsonResponses.WriteAsync(
            request,
            status,
            new ApiProblem { Type = type, Title = title, Status = (int)status, Detail = detail, Instance = request.Url.AbsolutePath, Errors = errors },
            ContentType);
}
