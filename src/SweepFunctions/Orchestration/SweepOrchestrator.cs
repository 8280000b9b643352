using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using SweepDomain.Parameters;
using SweepDomain.Results;
using SweepDomain.Sweep;
using SweepFunctions.Activities;

namespace SweepFunctions.Orchestration;

/// <summary>
/// One structured sweep as a durable orchestration. The sweep itself is <see cref="SweepEngine"/>; this function only
/// plugs activities into its two ports and saves the result. It is replayed from history, so it reads no clock, makes no
/// GUIDs and does no I/O: everything outside happens in activities.
/// </summary>
public static class SweepOrchestrator
{
    /// <summary>Every activity call retries: 3 attempts, 2 s then 4 s apart. Activities are idempotent.</summary>
    public static readonly TaskOptions ActivityRetry =
        TaskOptions.FromRetryPolicy(new RetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2));

    [Function(nameof(SweepOrchestrator))]
    public static async Task<SweepOutput> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context, SweepInput input)
    {
        ILogger logger = context.CreateReplaySafeLogger(nameof(SweepOrchestrator));
        logger.LogInformation("Sweep {SweepId} starts: {Stages} stages of {Scenario}", input.SweepId, input.Plan.Stages.Count, input.Plan.Scenario);

        var observer = new OrchestrationObserver(context, input.SweepId, input.Plan.Scenario);
        var evaluator = new DurableEvaluator(context, input.SweepId, input.BatchSize, observer);
        SweepOutcome outcome = await new SweepEngine(evaluator, observer).RunAsync(input.Plan);

        var saved = await context.CallActivityAsync<WriteSweepResultOutput>(
            nameof(WriteSweepResult),
            new WriteSweepResultInput(input.SweepId, input.Plan, outcome.Final, outcome.EvaluationsRequested, outcome.EvaluationsExecuted, observer.OutcomeBlobs, input.ScheduleName, input.BaseSource),
            ActivityRetry);

        logger.LogInformation("Sweep {SweepId} finished: {Executed} of {Requested} evaluations run", input.SweepId, outcome.EvaluationsExecuted, outcome.EvaluationsRequested);
        return new SweepOutput(
            input.SweepId,
            input.Plan.Scenario,
            outcome.Stages.Select(s => s.Result).ToList(),
            outcome.Final,
            outcome.EvaluationsRequested,
            outcome.EvaluationsExecuted,
            saved.FinalBlob,
            [ResultNames.RequestBlob(input.SweepId), .. observer.StageBlobs, saved.FinalBlob, saved.ReportBlob]);
    }
}

/// <summary>
/// What a sweep orchestration is started with; <paramref name="ScheduleName"/> is set for scheduled sweeps,
/// <paramref name="BaseSource"/> says where the plan's base came from (for the report).
/// </summary>
// WARNING: stored in durable histories. Add members only at the end, with defaults.
public sealed record SweepInput(string SweepId, SweepPlan Plan, int BatchSize, string? ScheduleName = null, BaseSource? BaseSource = null);

/// <summary>A finished sweep: the stage results, the carried-forward config, evaluation counts and the blobs written.</summary>
// WARNING: stored in durable histories. Add members only at the end, with defaults.
public sealed record SweepOutput(
    string SweepId,
    string Scenario,
    IReadOnlyList<StageResult> Stages,
    ParamSet Final,
    int EvaluationsRequested,
    int EvaluationsExecuted,
    string FinalBlob,
    IReadOnlyList<string> Blobs);
