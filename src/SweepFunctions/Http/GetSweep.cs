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
        string id)
    {
        // Inputs and outputs are asked for: the output holds a completed sweep's stages, and the failure details come with them.
        var sweep = InstanceIds.IsValid(id) ? await client.GetInstanceAsync(id, getInputsAndOutputs: true) : null;
        if (sweep is null)
        {
            return await ProblemResponses.NotFoundAsync(request, id);
        }

        var output = sweep.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? sweep.ReadOutputAs<SweepOutput>() : null;
        var view = new SweepStatusView
        {
            Id = id,
            RuntimeStatus = sweep.RuntimeStatus.ToString(),
            Scenario = output?.Scenario ?? (sweep.SerializedInput is null ? null : sweep.ReadInputAs<SweepInput>()?.Plan.Scenario),
            CreatedAt = sweep.CreatedAt,
            LastUpdatedAt = sweep.LastUpdatedAt,
            Progress = sweep.SerializedCustomStatus is null ? null : sweep.ReadCustomStatusAs<SweepProgressView>(),
            Stages = output is null ? await ReadStagesAsync(id) : StagesOf(output),
            Final = output is null ? null : await FinalOfAsync(output),
            Blobs = await store.ListAsync(id + "/"),
            Failure = FailureOf(sweep.FailureDetails),
        };
        return await JsonResponses.WriteAsync(request, HttpStatusCode.OK, view);
    }

    /// <summary>The durable failure details, with the chain of inner failures (a failed activity's own exception).</summary>
    public static FailureView? FailureOf(TaskFailureDetails? details) => details is null
        ? null
        : new FailureView { Type = details.ErrorType, Message = details.ErrorMessage, Cause = FailureOf(details.InnerFailure) };

    /// <summary>
    /// The finished stages of a sweep that has not completed, from its stage blobs. A blob under <c>stages/</c> that is
    /// not a stage's stability file (put there by hand, say) is skipped with a warning: it must not cost the status.
    /// </summary>
    private async Task<IReadOnlyList<StageView>> ReadStagesAsync(string id)
    {
        var stages = new List<StageView>();
        foreach (string blob in await store.ListAsync(ResultNames.StagesPrefix(id)))
        {
            if (await store.ReadTextAsync(blob) is not { } text)
            {
                continue;   // deleted since it was listed
            }

            IReadOnlyList<StabilityEntry> entries;
            try
            {
                entries = blob.EndsWith(".json", StringComparison.Ordinal)
                    ? StabilityResultFile.Read(text)
                    : throw new FormatException("Its name does not end in .json.");
            }
            catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or KeyNotFoundException or ArgumentException)
            {
                logger.LogWarning("Sweep {SweepId}: skipped {Blob}, which is not a stage's stability file: {Reason}", id, blob, e.Message);
                continue;
            }

            if (entries is [var entry, ..])
            {
                stages.Add(new StageView
                {
                    Stage = stages.Count + 1, Label = SweepBlobs.StageLabelOf(blob), Params = entry.Params, CombinedScore = entry.CombinedScore,
                    MeanScore = entry.MeanScore, StdScore = entry.StdScore, PassRate = entry.PassRate, NSeeds = entry.SeedScores?.Count, Blob = blob,
                });
            }
        }

        return stages;
    }

    private static IReadOnlyList<StageView> StagesOf(SweepOutput output) => output.Stages
        .Select(s => new StageView
        {
            Stage = s.Stage, Label = s.Label, Params = s.Winner, CombinedScore = s.Combined, MeanScore = s.Mean, StdScore = s.Std,
            PassRate = s.PassRate, NSeeds = s.NSeeds, Improved = s.Improved, Blob = s.StageBlob,
        })
        .ToList();

    /// <summary>The winner in the stability format, as written to the final blob.</summary>
    private async Task<JsonElement?> FinalOfAsync(SweepOutput output) =>
        await store.ReadTextAsync(output.FinalBlob) is { } text ? JsonDocument.Parse(text).RootElement.Clone() : null;
}
