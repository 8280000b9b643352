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
/// The stages' candidate figures are read back from the blobs <see cref="WriteStageResult"/> wrote, and the failed
/// evaluations from the stages' gathered scores (<see cref="ScoreArchive"/>), so they need not travel through the
/// orchestration history a second time. Idempotent: same names, same bytes.
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

        var scored = await new ScoreArchive(store).EarlierAsync(input.SweepId, stages.Count, cancellationToken);
        var failures = scored.Where(s => s.Score.Failure is not null)
            .Select(s => new FailedEvaluation(s.Request.Scenario, s.Request.Params, s.Request.Seed, s.Request.Periods, s.Score.Failure!))
            .ToList();
        var outcome = new SweepOutcome(stages, input.Final, input.EvaluationsRequested, input.EvaluationsExecuted, failures);
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
