using System.Net;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using SweepDomain.Requests;
using SweepDomain.Results;
using SweepFunctions.Orchestration;
using SweepFunctions.Storage;
using SweepHosting.Api;

namespace SweepFunctions.Http;

/// <summary><c>GET /api/sweeps/{id}</c>: where a sweep stands, the stages it has finished, and its winner once done.</summary>
public sealed class GetSweep(IResultStore store, ILogger<GetSweep> logger)
{
    [Function(nameof(GetSweep))]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = SweepRoutes.Sweep)] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken = default)
    {
        var view = await ReadAsync(client, store, logger, id, cancellationToken);
        return view is null
            ? await ProblemResponses.NotFoundAsync(request, id)
            : await JsonResponses.WriteAsync(request, HttpStatusCode.OK, view);
    }

    /// <summary>
    /// The status of sweep <paramref name="id"/> as this route answers it (and the sweep's page shows it), or null when
    /// there is no such sweep.
    /// </summary>
    public static async Task<SweepStatusView?> ReadAsync(DurableTaskClient client, IResultStore store, ILogger logger, string id, CancellationToken cancellationToken = default)
    {
        // Inputs and outputs are asked for: the output holds a completed sweep's stages, and the failure details come with them.
        var sweep = InstanceIds.IsValid(id) ? await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken) : null;
        if (sweep is null)
        {
            return InstanceIds.IsValid(id) ? await PurgedSweepStatus.ReadAsync(store, id, cancellationToken) : null;
        }

        // A completed sweep's stages are in its output; a running one's finished stages travel in its input.
        var output = sweep.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? Read(() => sweep.ReadOutputAs<SweepOutput>(), id, "output", logger) : null;
        var input = sweep.SerializedInput is null ? null : Read(() => sweep.ReadInputAs<SweepInput>(), id, "input", logger);
        return new SweepStatusView
        {
            Id = id,
            RuntimeStatus = sweep.RuntimeStatus.ToString(),
            Scenario = output?.Scenario ?? input?.Plan.Scenario,
            Evaluator = input?.Evaluator,
            CreatedAt = SweepInput.StartOf(input, sweep.CreatedAt),
            LastUpdatedAt = sweep.LastUpdatedAt,
            Progress = sweep.SerializedCustomStatus is null ? null : Read(() => sweep.ReadCustomStatusAs<SweepProgressView>(), id, "progress", logger),
            Stages = output?.Stages ?? input?.SoFar?.Finished ?? [],
            Final = output is null ? null : await FinalOfAsync(store, output, cancellationToken),
            Blobs = await ResultFilesAsync(store, id, cancellationToken),
            Failure = FailureOf(sweep.FailureDetails),
            Warnings = input is not null && SweepWarnings.Of(input.Plan) is { Count: > 0 } warnings ? warnings : null,
        };
    }

    /// <summary>
    /// A part of the durable state, or null with a warning when it cannot be read (written by another version, say):
    /// the status still answers with everything else.
    /// </summary>
    private static T? Read<T>(Func<T?> read, string id, string part, ILogger logger) where T : class
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            logger.LogWarning("Sweep {SweepId}: its {Part} cannot be read and is left out of the status: {Reason}", id, part, e.Message);
            return null;
        }
    }

    /// <summary>The durable failure details, with the chain of inner failures (a failed activity's own exception).</summary>
    public static FailureView? FailureOf(TaskFailureDetails? details) => details is null
        ? null
        : new FailureView { Type = details.ErrorType, Message = details.ErrorMessage, Cause = FailureOf(details.InnerFailure) };

    /// <summary>
    /// The sweep's result files (<see cref="SweepBlobs.ResultFolders"/>, without the cancel marker): a few names per
    /// stage, whatever the stage's size, since the score batches' folders are never listed.
    /// </summary>
    private static async Task<IReadOnlyList<string>> ResultFilesAsync(IResultStore store, string id, CancellationToken cancellationToken)
    {
        var folders = await Task.WhenAll(SweepBlobs.ResultFolders(id).Select(folder => store.ListFolderAsync(folder, cancellationToken)));
        return folders.SelectMany(names => names).Where(name => name != SweepBlobs.CancelBlob(id)).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The winner in the stability format, as written to the final blob.</summary>
    private static async Task<JsonElement?> FinalOfAsync(IResultStore store, SweepOutput output, CancellationToken cancellationToken)
    {
        if (await store.ReadTextAsync(output.FinalBlob, cancellationToken) is not { } text)
        {
            return null;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
