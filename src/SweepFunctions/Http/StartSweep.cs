using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using SweepDomain;
using SweepDomain.Requests;
using SweepDomain.Results;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using SweepFunctions.Configuration;
using SweepFunctions.Launch;
using SweepFunctions.Storage;
using SweepHosting.Api;

namespace SweepFunctions.Http;

/// <summary><c>POST /api/sweeps</c>: validate a sweep request and start it, or say everything that is wrong with it.</summary>
public sealed class StartSweep(SweepLauncher launcher, IResultStore store, IOptions<SweepAppOptions> options)
{
    /// <returns>
    /// 202 with <see cref="AcceptedView"/> (the id and this API's own routes for the sweep, none carrying a key) and a
    /// Location header pointing to the status route; 415 when the body is not declared JSON; 413 when it is longer than
    /// <see cref="SweepAppOptions.MaxRequestBytes"/> (read up to the limit when no Content-Length is declared); 411 when
    /// no Content-Length is declared and no body arrived (a chunked body, which the Functions host hands on empty); 400 problem details naming every fault, limits included; 409 when
    /// the given <c>instanceId</c> names a sweep that exists or has results, or another request claims it at the same moment;
    /// 503 when the orchestration could not be scheduled (nothing is kept, so a retry can start it). Nothing is written or
    /// started unless 202.
    /// </returns>
    [Function(nameof(StartSweep))]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = SweepRoutes.Sweeps)] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken = default)
    {
        string? contentType = request.Headers.TryGetValues("Content-Type", out var types) ? string.Join(",", types) : null;
        if (!IsJson(contentType))
        {
            return await ProblemResponses.UnsupportedMediaTypeAsync(request, contentType);
        }

        int limit = options.Value.MaxRequestBytes;
        long? declared = request.Headers.TryGetValues("Content-Length", out var lengths) && long.TryParse(lengths.FirstOrDefault(), out long n) ? n : null;
        string? body = declared > limit ? null : await ReadAtMostAsync(request.Body, limit, cancellationToken);
        if (body is null)
        {
            return await ProblemResponses.PayloadTooLargeAsync(request, declared, limit);
        }

        if (declared is null && body.Length == 0)
        {
            // A chunked body (no Content-Length) reaches an isolated worker empty: it is not an empty request.
            return await ProblemResponses.LengthRequiredAsync(request, TransferEncoding(request));
        }

        var errors = new ValidationErrors();
        var sweepRequest = SweepRequestJson.Parse(body, errors);
        var baseWarnings = new List<string>();
        var plan = sweepRequest is null ? null : await launcher.PrepareAsync(sweepRequest, errors, cancellationToken, baseWarnings);
        if (plan is null)
        {
            return await ProblemResponses.InvalidRequestAsync(request, errors);
        }

        string sweepId = sweepRequest!.InstanceId ?? Guid.NewGuid().ToString("N");
        if (sweepRequest.InstanceId is not null)
        {
            if (await client.GetInstanceAsync(sweepId, cancellationToken) is { } existing)
            {
                return await ProblemResponses.ConflictAsync(request, existing.IsCompleted ? "The sweep id is taken." : "The sweep is already running.",
                    $"Sweep '{sweepId}' is {existing.RuntimeStatus}; {(existing.IsCompleted ? "its results live under that id, so choose another instanceId" : "cancel it or choose another instanceId")}.");
            }

            if ((await store.ListAsync(SweepBlobs.SweepPrefix(sweepId), cancellationToken)).FirstOrDefault(b => b != SweepBlobs.RequestBlob(sweepId)) is { } first)
            {
                return await ProblemResponses.ConflictAsync(request, "The sweep id is taken.",
                    $"Results of an earlier sweep '{sweepId}' are stored under '{sweepId}/' (for example {first}); choose another instanceId.");
            }
        }

        // Once the start begins it completes: a client that goes away now does not leave a half-made claim on the id.
        try
        {
            if (await launcher.StartAsync(client, sweepId, plan, sweepRequest) == StartResult.Taken)
            {
                return await ProblemResponses.ConflictAsync(request, "The sweep id is taken.",
                    $"Another request started sweep '{sweepId}' at the same moment, or its folder '{sweepId}/' holds an earlier sweep's request; choose another instanceId.");
            }
        }
        catch (SweepNotScheduledException e)
        {
            return await ProblemResponses.NotScheduledAsync(request, sweepId, e.InnerException!.Message);
        }

        return await AcceptedAsync(request, sweepId, [.. SweepWarnings.Of(plan), .. baseWarnings]);
    }

    private static string? TransferEncoding(HttpRequestData request) =>
        request.Headers.TryGetValues("Transfer-Encoding", out var values) ? string.Join(",", values) : null;

    /// <summary><c>application/json</c> or any <c>application/*+json</c>, with or without parameters such as a charset.</summary>
    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) && media.MediaType is { } type &&
        (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
         (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The body as UTF-8 text, or null as soon as it runs past <paramref name="limit"/> bytes (a missing or false Content-Length).</summary>
    private static async Task<string?> ReadAtMostAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// The sweep's id and our own routes for it. The durable management URLs are left out on purpose: they carry the
    /// Durable extension's system key, which the caller does not hold and must not be handed.
    /// </summary>
    private static async Task<HttpResponseData> AcceptedAsync(HttpRequestData request, string sweepId, IReadOnlyList<string> warnings)
    {
        var accepted = new AcceptedView
        {
            Id = sweepId,
            SweepStatusUri = JsonResponses.SweepStatusUri(request, sweepId),
            ReportUri = JsonResponses.ApiUri(request, SweepRoutes.ReportPath(sweepId)),
            CancelPostUri = JsonResponses.ApiUri(request, SweepRoutes.CancelPath(sweepId)),
            Warnings = warnings.Count > 0 ? warnings : null,
        };
        var response = await JsonResponses.WriteAsync(request, HttpStatusCode.Accepted, accepted);
        response.Headers.Add("Location", accepted.SweepStatusUri);
        return response;
    }
}
