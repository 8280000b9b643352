using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SweepDomain.Parameters;
using SweepDomain.Results;
using SweepDomain.Sweep;
using SweepFunctions.Schedules;
using SweepFunctions.Scores;
using SweepFunctions.Storage;

namespace SweepFunctions.Activities;

/// <summary>
/// Saves a finished sweep: the last stage's winner as <c>{id}/{scenario}_sweep.json</c> (stability format, the base of a
/// next sweep), the full report as <c>{id}/report.json</c>, and for a scheduled sweep the schedule's latest pointer.
/// The stages' candidate figures are read back from the blobs <see cref="WriteStageResult"/> wrote, so they need not
/// travel through the orchestration history a second time, and the failed evaluations from the score archive.
/// Idempotent: same names, same bytes.
/// </summary>
public sealed class WriteSweepResult(IResultStore store, ILogger<WriteSweepResult> logger)
{
    [Function(nameof(WriteSweepResult))]
    public async Task<WriteSweepResultOutput> RunAsync([ActivityTrigger] WriteSweepResultInput input, CancellationToken cancellationToken)
    {
        var stages = new List<StageOutcome>();
        foreach (string blob in input.OutcomeBlobs)
        {
            string text = await store.ReadTextAsync(blob, cancellationToken) ?? throw new InvalidOperationException($"Stage blob '{blob}' of sweep {input.SweepId} is missing.");
            stages.Add(JsonSerializer.Deserialize<StageOutcome>(text, SweepReport.JsonOptions)!);
        }

        var outcome = new SweepOutcome(stages, input.Final, input.EvaluationsRequested, input.EvaluationsExecuted, await FailuresAsync(input, stages.Count, cancellationToken));
        string finalBlob = SweepBlobs.FinalBlob(input.SweepId, input.Plan.Scenario);
        string reportBlob = SweepBlobs.ReportBlob(input.SweepId);
        await store.WriteTextAsync(finalBlob, StabilityResultFile.Write(input.Plan.Scenario, [StabilityEntry.FromStage(stages[^1].Result)]), cancellationToken);
        await store.WriteTextAsync(reportBlob, SweepReport.From(input.Plan, outcome, baseSource: input.BaseSource, evaluator: input.Evaluator).ToJson(), cancellationToken);

        if (input.ScheduleName is { } schedule)
        {
            await store.WriteTextAsync(SweepBlobs.LatestBlob(schedule), new LatestPointer(input.SweepId, finalBlob).ToJson(), cancellationToken);
        }

        logger.LogInformation("Sweep {SweepId} saved to {FinalBlob} and {ReportBlob}", input.SweepId, finalBlob, reportBlob);
        return new WriteSweepResultOutput(finalBlob, reportBlob);
    }

    /// <summary>
    /// Every evaluation that failed, stage by stage, from the score archive: each stage ran in an execution of its own,
    /// so no one memo saw them all. An evaluation recalled by a later stage was run, and is listed, once.
    /// </summary>
    private async Task<IReadOnlyList<FailedEvaluation>> FailuresAsync(WriteSweepResultInput input, int stageCount, CancellationToken cancellationToken)
    {
        var archive = new ScoreArchive(store);
        var failures = new List<FailedEvaluation>();
        for (int stage = 0; stage < stageCount; stage++)
        {
            failures.AddRange(FailedEvaluation.Among(await archive.StageAsync(input.SweepId, stage, input.Plan.Periods, gather: false, cancellationToken)));
        }

        return failures;
    }
}

public sealed record WriteSweepResultInput(
    string SweepId,
    SweepPlan Plan,
    ParamSet Final,
    int EvaluationsRequested,
    int EvaluationsExecuted,
    IReadOnlyList<string> OutcomeBlobs,
    string? ScheduleName = null,
    BaseSource? BaseSource = null,
    SweepDomain.Evaluation.EvaluatorIdentity? Evaluator = null);

public sealed record WriteSweepResultOutput(string FinalBlob, string ReportBlob);
