using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SweepDomain.Evaluation;
using SweepDomain.Parameters;
using SweepDomain.Results;
using SweepDomain.Sweep;
using SweepFunctions.Scores;
using SweepFunctions.Storage;

namespace SweepFunctions.Activities;

/// <summary>
/// Saves a finished stage: its winner in the stability format (<c>{id}/stages/NN-label.json</c>, usable as a base),
/// every candidate's figures (<c>{id}/outcomes/NN-label.json</c>, read back for the report), and its scores gathered
/// into <c>{id}/scores/NN.json</c>. The stage outcome is computed here, not passed in: the stage is run again through
/// the same <see cref="StageRunner"/> with the scores its batches wrote, so seed scores do not travel through the
/// orchestration history a second time. The sweep is deterministic, so this gives the orchestrator's outcome exactly;
/// the winner is returned for the orchestrator to check. Names come from the sweep id and the stage, and writes
/// overwrite, so a retry leaves the same bytes.
/// </summary>
public sealed class WriteStageResult(IResultStore store, ILogger<WriteStageResult> logger)
{
    [Function(nameof(WriteStageResult))]
    public async Task<WriteStageResultOutput> RunAsync([ActivityTrigger] WriteStageResultInput input, CancellationToken cancellationToken)
    {
        var (stage, plan) = (input.Stage, input.Stage.Plan);
        var archive = new ScoreArchive(store);
        var recalled = await RecallScores.RelevantAsync(archive, stage, cancellationToken);
        var scored = await archive.StageAsync(stage.SweepId, stage.Stage, plan.Periods, gather: true, cancellationToken);

        var memo = new EvaluationMemo(new RecordedEvaluator(scored, plan), plan.Schemas, input.RequestedBefore, input.ExecutedBefore);
        foreach (var known in recalled)
        {
            memo.Remember(known.Request, known.Score);
        }

        var outcome = await new StageRunner(memo).RunAsync(plan, stage.Stage, stage.Incumbent);
        string label = outcome.Result.Label;
        string stageBlob = SweepBlobs.StageBlob(stage.SweepId, stage.Stage, label);
        string outcomeBlob = SweepBlobs.OutcomeBlob(stage.SweepId, stage.Stage, label);
        await store.WriteTextAsync(stageBlob, StabilityResultFile.Write(plan.Scenario, [StabilityEntry.FromStage(outcome.Result)]), cancellationToken);
        await store.WriteTextAsync(outcomeBlob, JsonSerializer.Serialize(outcome, SweepReport.JsonOptions) + "\n", cancellationToken);

        logger.LogInformation(
            "Sweep {SweepId} stage {Stage} saved: combined {Combined:F4}, improved {Improved}, {Executed} evaluations run",
            stage.SweepId, label, outcome.Result.CombinedScore, outcome.Result.Improved, outcome.Result.EvaluationsExecuted);
        return new WriteStageResultOutput(stageBlob, outcomeBlob, outcome.Result.WinnerParams, outcome.Result.CombinedScore);
    }

    /// <summary>Answers the stage's requests from the scores its batches recorded; a missing score is an error.</summary>
    private sealed class RecordedEvaluator(IReadOnlyList<ScoredRequest> scored, SweepPlan plan) : IEvaluator
    {
        private readonly Dictionary<(string, ParamSet, int, int), EvaluationScore> _scores = scored
            .GroupBy(s => Key(s.Request, plan))
            .ToDictionary(g => g.Key, g => g.First().Score);

        public Task<IReadOnlyList<EvaluationScore>> EvaluateAsync(IReadOnlyList<EvaluationRequest> requests, EvaluationPhase phase, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<EvaluationScore>>(requests
                .Select(r => _scores.TryGetValue(Key(r, plan), out var score)
                    ? score
                    : throw new InvalidOperationException($"No recorded score for {r.Scenario} {r.Params} seed {r.Seed}: the stage's score blobs are incomplete."))
                .ToList());

        private static (string, ParamSet, int, int) Key(EvaluationRequest r, SweepPlan plan) =>
            (r.Scenario, plan.Schemas.TryGetValue(r.Scenario, out var schema) ? schema.Normalise(r.Params) : r.Params, r.Seed, r.Periods);
    }
}

/// <param name="RequestedBefore">The sweep's evaluation counts before the stage, so the stage counts as it did when it ran.</param>
public sealed record WriteStageResultInput(StageRun Stage, int RequestedBefore, int ExecutedBefore);

/// <summary>The blobs written, and the winner and its combined score as the stage was recomputed, for the orchestrator to check.</summary>
public sealed record WriteStageResultOutput(string StageBlob, string OutcomeBlob, ParamSet Winner, double Combined);
