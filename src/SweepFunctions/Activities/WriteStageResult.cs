using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SweepDomain.Results;
using SweepDomain.Sweep;
using SweepFunctions.Storage;

namespace SweepFunctions.Activities;

/// <summary>
/// Saves a finished stage the moment it ends: its winner in the stability format (<c>{id}/stages/NN-label.json</c>,
/// usable as a base) and every candidate's figures (<c>{id}/outcomes/NN-label.json</c>, read back for the report).
/// Names come from the sweep id and the stage, and writes overwrite, so a retry leaves the same bytes.
/// </summary>
public sealed class WriteStageResult(IResultStore store, ILogger<WriteStageResult> logger)
{
    [Function(nameof(WriteStageResult))]
    public async Task<WriteStageResultOutput> RunAsync([ActivityTrigger] WriteStageResultInput input)
    {
        var stage = input.Outcome;
        string stageBlob = ResultNames.StageBlob(input.SweepId, stage.Index, stage.Result.Label);
        string outcomeBlob = SweepBlobs.OutcomeBlob(input.SweepId, stage.Index, stage.Result.Label);

        await store.WriteTextAsync(stageBlob, StabilityResultFile.Write(input.Scenario, [StabilityEntry.FromStage(stage.Result)]));
        await store.WriteTextAsync(outcomeBlob, JsonSerializer.Serialize(stage, SweepReport.JsonOptions) + "\n");

        logger.LogInformation(
            "Sweep {SweepId} stage {Stage} saved: combined {Combined:F4}, improved {Improved}, {Executed} evaluations run",
            input.SweepId, stage.Result.Label, stage.Result.CombinedScore, stage.Result.Improved, stage.Result.EvaluationsExecuted);
        return new WriteStageResultOutput(stageBlob, outcomeBlob);
    }
}

// WARNING: stored in durable histories. Add members only at the end, with defaults.
public sealed record WriteStageResultInput(string SweepId, string Scenario, StageOutcome Outcome);

// WARNING: stored in durable histories. Add members only at the end, with defaults.
public sealed record WriteStageResultOutput(string StageBlob, string OutcomeBlob);
