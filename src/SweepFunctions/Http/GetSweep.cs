using System.Net;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using SweepDomain.Parameters;
using SweepDomain.Requests;
using SweepDomain.Results;
using SweepFunctions.Orchestration;
using SweepFunctions.Storage;

namespace SweepFunctions.Http;

/// <summary><c>GET /api/sweeps/{id}</c>: where a sweep stands, the stages it has finished, and its winner once done.</summary>
public sealed class GetSweep(IResultStore store)
{
    [Function(nameof(GetSweep))]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "sweeps/{id}")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string id)
    {
        var sweep = InstanceIds.IsValid(id) ? await client.GetInstanceAsync(id, getInputsAndOutputs: true) : null;
        if (sweep is null)
        {
            return await ProblemResponses.NotFoundAsync(request, id);
        }

        var output = sweep.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? sweep.ReadOutputAs<SweepOutput>() : null;
        var view = new SweepView(
            id,
            sweep.RuntimeStatus.ToString(),
            sweep.CreatedAt,
            sweep.LastUpdatedAt,
            sweep.SerializedCustomStatus is null ? null : sweep.ReadCustomStatusAs<SweepStatus>(),
            output is null ? await ReadStagesAsync(id) : StagesOf(output),
            output is null ? null : await FinalOfAsync(output),
            await store.ListAsync(id + "/"),
            sweep.FailureDetails is { } f ? new FailureView(f.ErrorType, f.ErrorMessage) : null);
        return await JsonResponses.WriteAsync(request, HttpStatusCode.OK, view);
    }

    private async Task<IReadOnlyList<StageView>> ReadStagesAsync(string id)
    {
        var stages = new List<StageView>();
        foreach (string blob in await store.ListAsync(ResultNames.StagesPrefix(id)))
        {
            if (await store.ReadTextAsync(blob) is { } text && StabilityResultFile.Read(text) is [var entry, ..])
            {
                stages.Add(new StageView(stages.Count + 1, SweepBlobs.StageLabelOf(blob), entry.Params, entry.CombinedScore, entry.MeanScore,
                    entry.StdScore, entry.PassRate, entry.SeedScores?.Count, null, blob));
            }
        }

        return stages;
    }

    private static IReadOnlyList<StageView> StagesOf(SweepOutput output) => output.Stages
        .Select(s => new StageView(s.Stage, s.Label, s.Winner, s.Combined, s.Mean, s.Std, s.PassRate, s.NSeeds, s.Improved, s.StageBlob))
        .ToList();

    /// <summary>The winner in the stability format, as written to the final blob.</summary>
    private async Task<JsonElement?> FinalOfAsync(SweepOutput output) =>
        await store.ReadTextAsync(output.FinalBlob) is { } text ? JsonDocument.Parse(text).RootElement.Clone() : null;
}

/// <summary>The status endpoint's answer. <see cref="Final"/> is the winner in the stability format, once complete.</summary>
public sealed record SweepView(
    string Id,
    string RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    SweepStatus? Progress,
    IReadOnlyList<StageView> Stages,
    JsonElement? Final,
    IReadOnlyList<string> Blobs,
    FailureView? Failure);

/// <summary>A finished stage's winner; <see cref="Improved"/> is known once the sweep is complete.</summary>
public sealed record StageView(
    int Stage,
    string Label,
    ParamSet Params,
    double? CombinedScore,
    double? MeanScore,
    double? StdScore,
    double? PassRate,
    int? NSeeds,
    bool? Improved,
    string Blob);

public sealed record FailureView(string ErrorType, string ErrorMessage);
