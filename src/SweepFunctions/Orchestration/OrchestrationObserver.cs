using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using SweepDomain.Sweep;
using SweepFunctions.Activities;
using SweepHosting.Api;

namespace SweepFunctions.Orchestration;

/// <summary>
/// Hears a stage inside the orchestrator: progress becomes the orchestration's custom status, which also advances as
/// each evaluation batch returns, and each phase is logged with the sweep id, stage label and phase through the
/// replay-safe logger. Deterministic, like everything in an orchestrator.
/// </summary>
public sealed class OrchestrationObserver(TaskOrchestrationContext context, string sweepId) : ISweepObserver
{
    private readonly ILogger _logger = context.CreateReplaySafeLogger(nameof(SweepOrchestrator));
    private SweepProgress? _last;
    private int _evaluatedInPhase;

    /// <summary>The label of the stage running now, for activity logs.</summary>
    public string CurrentStage { get; private set; } = "";

    public Task OnProgressAsync(SweepProgress progress)
    {
        CurrentStage = progress.StageLabel;
        (_last, _evaluatedInPhase) = (progress, 0);
        context.SetCustomStatus(StatusOf(progress, 0));
        _logger.LogInformation(
            "Sweep {SweepId} stage {Stage} {Phase}: {PhaseEvaluations} evaluations asked; {Executed} of {Requested} run so far",
            sweepId, progress.StageLabel, progress.PhaseText, progress.PhaseEvaluations, progress.EvaluationsExecuted, progress.EvaluationsRequested);
        return Task.CompletedTask;
    }

    /// <summary>A batch of <paramref name="evaluations"/> came back: the executed count moves on within the phase.</summary>
    public void OnBatchEvaluated(int evaluations)
    {
        _evaluatedInPhase += evaluations;
        if (_last is { } p)
        {
            context.SetCustomStatus(StatusOf(p, _evaluatedInPhase));
        }
    }

    /// <summary>The stage's results are saved: <paramref name="stagesFinished"/> stages are done.</summary>
    public void OnStageSaved(int stagesFinished, int requested, int executed)
    {
        if (_last is { } p)
        {
            _last = p with { Phase = StagePhase.Saved, PhaseEvaluations = 0, EvaluationsRequested = requested, EvaluationsExecuted = executed, StagesFinished = stagesFinished };
            context.SetCustomStatus(StatusOf(_last, 0));
        }
    }

    /// <summary>
    /// The status while a phase runs: the engine counts a phase's requests when the phase ends, but its batches come
    /// back one by one, so the phase's requests count as asked from its start and its batches as run as they return.
    /// Executed therefore never runs ahead of requested, and requested minus executed (reused from earlier) never drops.
    /// </summary>
    public static SweepProgressView StatusOf(SweepProgress progress, int evaluatedInPhase) => SweepProgressView.From(progress with
    {
        EvaluationsRequested = progress.EvaluationsRequested + progress.PhaseEvaluations,
        EvaluationsExecuted = progress.EvaluationsExecuted + evaluatedInPhase,
    });

    /// <summary>Not called: the orchestrator runs one stage per execution and saves it itself.</summary>
    public Task OnStageCompletedAsync(StageOutcome outcome) => Task.CompletedTask;
}
