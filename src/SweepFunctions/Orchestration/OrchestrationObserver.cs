using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using SweepDomain.Sweep;
using SweepFunctions.Activities;
using SweepHosting.Api;

namespace SweepFunctions.Orchestration;

/// <summary>
/// Hears the sweep inside the orchestrator: progress becomes the orchestration's custom status, and each finished
/// stage is saved at once by the <c>WriteStageResult</c> activity, and each phase is logged with the sweep id, stage
/// label and phase (tier) through the replay-safe logger. Deterministic, like everything in an orchestrator.
/// </summary>
public sealed class OrchestrationObserver(TaskOrchestrationContext context, string sweepId, string scenario) : ISweepObserver
{
    private readonly ILogger _logger = context.CreateReplaySafeLogger(nameof(SweepOrchestrator));
    private readonly List<string> _stageBlobs = [];
    private readonly List<string> _outcomeBlobs = [];

    /// <summary>The label of the stage running now, for activity logs.</summary>
    public string CurrentStage { get; private set; } = "";

    public IReadOnlyList<string> StageBlobs => _stageBlobs;

    public IReadOnlyList<string> OutcomeBlobs => _outcomeBlobs;

    public Task OnProgressAsync(SweepProgress progress)
    {
        CurrentStage = progress.StageLabel;
        context.SetCustomStatus(SweepProgressView.From(progress, _stageBlobs.Count));
        _logger.LogInformation(
            "Sweep {SweepId} stage {Stage} {Phase}: {PhaseEvaluations} evaluations asked; {Executed} of {Requested} run so far",
            sweepId, progress.StageLabel, progress.Phase, progress.PhaseEvaluations, progress.EvaluationsExecuted, progress.EvaluationsRequested);
        return Task.CompletedTask;
    }

    public async Task OnStageCompletedAsync(StageOutcome outcome)
    {
        var written = await context.CallActivityAsync<WriteStageResultOutput>(
            nameof(WriteStageResult), new WriteStageResultInput(sweepId, scenario, outcome), SweepOrchestrator.ActivityRetry);
        _stageBlobs.Add(written.StageBlob);
        _outcomeBlobs.Add(written.OutcomeBlob);
    }
}
