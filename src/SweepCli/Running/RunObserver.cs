using SweepCli.Progress;
using SweepDomain.Sweep;
using SweepLibrary.Output;

namespace SweepCli.Running;

/// <summary>
/// Hears the sweep engine: turns its phases into progress steps, and saves each stage's files the moment the stage
/// ends, so an interrupted sweep keeps every finished stage on disk, then hands it to <paramref name="saved"/> (its
/// checkpoint for <c>--resume</c>) with its wall-clock time, read from <paramref name="clock"/>.
/// </summary>
internal sealed class RunObserver(SweepPlan plan, SweepResultWriter writer, ProgressView view, bool verbose, Action<string> warn, TimeProvider clock, Action<StageOutcome, double> saved) : ISweepObserver
{
    private readonly Dictionary<string, double> _timings = [];
    private readonly List<StageOutcome> _finished = [];
    private readonly List<string> _files = [];
    private long _stageStarted;

    public IReadOnlyDictionary<string, double> Timings => _timings;

    public IReadOnlyList<StageOutcome> Finished => _finished;

    /// <summary>Every stage file written so far (JSON and charts), full paths.</summary>
    public IReadOnlyList<string> Files => _files;

    public Task OnProgressAsync(SweepProgress p)
    {
        var stage = plan.Stages[p.StageIndex];
        switch (p.Phase)
        {
            case StagePhase.Screening:
                _stageStarted = clock.GetTimestamp();
                long combos = stage.CombinationCount;
                string extra = p.PhaseEvaluations > combos ? " + the incumbent" : "";
                view.Line($"Stage '{stage.Label}' ({p.StageIndex + 1}/{p.StageCount}): [{string.Join(", ", stage.ParameterNames)}] ({combos} combos{extra})");
                view.Begin(new ProgressStep(ProgressKind.Screening, $"{stage.Label} · screening"), p.PhaseEvaluations);
                break;
            case StagePhase.Adaptive:
                view.Line($"  {char.ToUpperInvariant(p.PhaseText[0])}{p.PhaseText[1..]}: {p.PhaseEvaluations} candidates around the best so far");
                view.Begin(new ProgressStep(ProgressKind.Screening, $"{stage.Label} · {p.PhaseText}"), p.PhaseEvaluations);
                break;
            case StagePhase.CrossCheck:
                view.Line($"  Cross-scenario check: {string.Join(", ", plan.Schemas.Keys)} x {plan.CrossSeeds} seeds");
                view.Begin(new ProgressStep(ProgressKind.CrossCheck, $"{stage.Label} · cross-check"), p.PhaseEvaluations);
                break;
            case StagePhase.Done:
                view.Complete();
                break;
            case StagePhase.Tier when p.Step is { } step:
                BeginTier(p, step);
                break;
        }

        return Task.CompletedTask;
    }

    private void BeginTier(SweepProgress p, TierStep step)
    {
        var stage = plan.Stages[p.StageIndex];
        var tier = plan.Tiers[step.Tier - 1];
        if (step.Block <= 1)
        {
            view.Line($"  Tier {step.Tier}: top {tier.Configs} configs x {tier.Seeds} total seeds ({p.PhaseEvaluations} evaluations{(step.Block == 1 ? " in the first block" : "")})");
        }
        else
        {
            view.Line($"    block {step.Block}: {step.Running} racing, seeds to {step.SeedsTo} ({p.PhaseEvaluations} evaluations)");
        }

        string block = step.Block > 0 ? $", block {step.Block}" : "";
        view.Begin(new ProgressStep(ProgressKind.Tier, $"{stage.Label} · tier {step.Tier}/{plan.Tiers.Count} ({tier.Configs} x {tier.Seeds} seeds{block})", step.Tier), p.PhaseEvaluations);
    }

    public Task OnStageCompletedAsync(StageOutcome outcome)
    {
        var elapsed = clock.GetElapsedTime(_stageStarted);
        view.Complete();
        var files = Keep(outcome, elapsed.TotalSeconds);
        saved(outcome, elapsed.TotalSeconds);

        foreach (string line in ResultText.StageEnd(outcome, elapsed))
        {
            view.Line(line);
        }

        if (verbose)
        {
            view.Line("  All candidates (grid order):");
            foreach (string line in ResultText.AllCandidates(outcome))
            {
                view.Line(line);
            }
        }

        foreach (string file in files)
        {
            view.Line($"  Saved {Path.GetFileName(file)}");
        }

        return Task.CompletedTask;
    }

    /// <summary>A stage an earlier run finished (<c>--resume</c>): its files are written again, the same bytes, and it is not run.</summary>
    public void Resumed(StageOutcome outcome, double seconds)
    {
        var files = Keep(outcome, seconds);
        view.Line($"Stage '{outcome.Result.Label}' ({outcome.Index + 1}/{plan.Stages.Count}) finished in an earlier run; not run again. " +
                  $"Winner {outcome.Result.WinnerParams}, combined {outcome.Result.CombinedScore:F4}");
        foreach (string file in files)
        {
            view.Line($"  Saved {Path.GetFileName(file)}");
        }
    }

    private IReadOnlyList<string> Keep(StageOutcome outcome, double seconds)
    {
        _timings[ResultText.StageTiming(outcome.Result.Label)] = seconds;
        var files = writer.WriteStage(outcome, warn);
        _finished.Add(outcome);
        _files.AddRange(files);
        return files;
    }
}
