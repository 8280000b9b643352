using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using SweepDomain.Evaluation;
using SweepDomain.Parameters;
using SweepDomain.Results;
using SweepDomain.Sweep;
using SweepFunctions.Activities;
using SweepFunctions.Storage;
using SweepHosting.Api;

namespace SweepFunctions.Orchestration;

/// <summary>
/// One structured sweep as a durable orchestration, one stage per execution: recall what earlier stages scored for
/// this stage's candidates, run the stage (<see cref="StageRunner"/>, the same code the CLI runs) with activities as its
/// evaluator, save it, and continue as new with the winner as the next stage's base, so no history grows with the
/// whole sweep. After the last stage it saves the sweep's result. It is replayed from history, so it reads no clock,
/// makes no GUIDs and does no I/O: everything outside happens in activities.
/// </summary>
public static class SweepOrchestrator
{
    /// <summary>Every activity call retries: 3 attempts, 2 s then 4 s apart. Activities are idempotent.</summary>
    public static readonly TaskOptions ActivityRetry =
        TaskOptions.FromRetryPolicy(new RetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2));

    [Function(nameof(SweepOrchestrator))]
    public static async Task<SweepOutput?> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context, SweepInput input)
    {
        if (input.EngineVersion != SweepEngineVersion.Current)
        {
            throw new InvalidOperationException(
                $"Sweep {input.SweepId} was started by sweep engine {input.EngineVersion ?? "(unversioned)"}, and this host runs engine " +
                $"{SweepEngineVersion.Current}; its history cannot be replayed by this code. Let such sweeps finish on the old " +
                "version before deploying a new one (docs/deploy.md).");
        }

        ILogger logger = context.CreateReplaySafeLogger(nameof(SweepOrchestrator));
        var plan = input.Plan;
        var soFar = input.SoFar ?? new SweepSoFar(0, plan.Base, [], 0, 0);
        var stage = new StageRun(input.SweepId, plan, soFar.Stage, soFar.Incumbent);
        logger.LogInformation("Sweep {SweepId} stage {Stage} of {Stages} starts ({Scenario})", input.SweepId, stage.Stage + 1, plan.Stages.Count, plan.Scenario);

        var observer = new OrchestrationObserver(context, input.SweepId);
        var evaluator = new DurableEvaluator(context, input.SweepId, stage.Stage, input.BatchSize, soFar.Timing ?? BatchTiming.None, observer) { Named = input.Evaluator };
        var memo = new EvaluationMemo(evaluator, plan.Schemas,
            soFar.EvaluationsRequested, soFar.EvaluationsExecuted);
        if (stage.Stage > 0)
        {
            var known = await context.CallActivityAsync<Scores.ScoreSheet>(nameof(RecallScores), stage, ActivityRetry);
            foreach (var scored in known.Expand())
            {
                memo.Remember(scored.Request, scored.Score);
            }
        }

        var outcome = await new StageRunner(memo, observer).RunAsync(plan, stage.Stage, stage.Incumbent);
        var written = await context.CallActivityAsync<WriteStageResultOutput>(
            nameof(WriteStageResult), new WriteStageResultInput(stage, soFar.EvaluationsRequested, soFar.EvaluationsExecuted), ActivityRetry);
        if (!written.Winner.Equals(outcome.Result.WinnerParams))
        {
            throw new InvalidOperationException(
                $"Stage {outcome.Result.Label} recomputed from its score blobs chose {written.Winner}, but the sweep chose {outcome.Result.WinnerParams}.");
        }

        IReadOnlyList<StageView> finished = [.. soFar.Finished, StageViews.From(outcome, written)];
        observer.OnStageSaved(finished.Count, memo.Requested, memo.Executed);
        if (finished.Count < plan.Stages.Count)
        {
            context.ContinueAsNew(input with { SoFar = new SweepSoFar(finished.Count, outcome.Result.WinnerParams, finished, memo.Requested, memo.Executed, evaluator.Timing) });
            return null;
        }

        var saved = await context.CallActivityAsync<WriteSweepResultOutput>(
            nameof(WriteSweepResult),
            new WriteSweepResultInput(input.SweepId, plan, outcome.Result.WinnerParams, memo.Requested, memo.Executed, finished.Select(s => s.OutcomeBlob!).ToList(),
                input.ScheduleName, input.BaseSource, input.Evaluator),
            ActivityRetry);

        logger.LogInformation("Sweep {SweepId} finished: {Executed} of {Requested} evaluations run", input.SweepId, memo.Executed, memo.Requested);
        return new SweepOutput(
            input.SweepId,
            plan.Scenario,
            finished,
            outcome.Result.WinnerParams,
            memo.Requested,
            memo.Executed,
            saved.FinalBlob,
            [SweepBlobs.RequestBlob(input.SweepId), .. finished.Select(s => s.Blob), saved.FinalBlob, saved.ReportBlob]);
    }
}

/// <summary>
/// What a sweep orchestration is started with, and continued with between stages. <see cref="EngineVersion"/> is the
/// <see cref="SweepEngineVersion"/> of the host that started it; <see cref="ScheduleName"/> is set for scheduled
/// sweeps; <see cref="BaseSource"/> says where the plan's base came from (for the report); <see cref="SoFar"/> is
/// null at the start and carries the finished stages after. <see cref="StartedAt"/> is when the request was accepted:
/// it travels unchanged through every stage's continue-as-new, which resets the instance's own creation time, so the
/// sweep's start, age and order are read here (<see cref="StartOf"/>). Null in sweeps started before it was added.
/// <see cref="Evaluator"/> is the operator-configured evaluator the request named (its name and described version);
/// null runs the built-in model. <see cref="BatchSize"/> is the evaluations per activity call until the batches' measured
/// time sizes them (<see cref="BatchSizing"/>).
/// </summary>
public sealed record SweepInput(
    string SweepId, SweepPlan Plan, int BatchSize, string? EngineVersion, string? ScheduleName = null, BaseSource? BaseSource = null, SweepSoFar? SoFar = null,
    DateTimeOffset? StartedAt = null, EvaluatorIdentity? Evaluator = null)
{
    /// <summary>When the sweep started: <see cref="StartedAt"/>, or for an older sweep the creation time of its current stage's execution.</summary>
    public static DateTimeOffset StartOf(SweepInput? input, DateTimeOffset executionCreatedAt) => input?.StartedAt ?? executionCreatedAt;
}

/// <summary>
/// Where a sweep stands between two stages: the next stage, its base, the finished stages, the counts, and the
/// measured time of the evaluation batches so far (<see cref="BatchSizing"/> sizes the next stage's batches by it).
/// </summary>
public sealed record SweepSoFar(int Stage, ParamSet Incumbent, IReadOnlyList<StageView> Finished, int EvaluationsRequested, int EvaluationsExecuted, BatchTiming? Timing = null);

/// <summary>A finished sweep: the stages as the status endpoint shows them, the carried-forward config, evaluation counts and the blobs written.</summary>
public sealed record SweepOutput(
    string SweepId,
    string Scenario,
    IReadOnlyList<StageView> Stages,
    ParamSet Final,
    int EvaluationsRequested,
    int EvaluationsExecuted,
    string FinalBlob,
    IReadOnlyList<string> Blobs);
