using SweepDomain.Parameters;

namespace SweepDomain.Sweep;

/// <summary>
/// Where a running sweep stands. <see cref="EvaluationsPlanned"/> is the worst case (the memo, the incumbent's place
/// in the ranking and racing can only lower the real count). <see cref="StagesFinished"/> counts the stages whose
/// results are saved. <see cref="Best"/> is the current stage's leader after the latest batch, by the sweep's ranking.
/// <see cref="Step"/> is set while a tier runs, and <see cref="TierCount"/> is the plan's number of tiers;
/// <see cref="Round"/> is set while an adaptive round of a ranged stage runs.
/// </summary>
public sealed record SweepProgress(
    int StageIndex,
    int StageCount,
    string StageLabel,
    StagePhase Phase,
    int PhaseEvaluations,
    int EvaluationsRequested,
    int EvaluationsExecuted,
    long EvaluationsPlanned,
    BestSoFar? Best,
    int StagesFinished,
    TierStep? Step = null,
    int TierCount = 0,
    AdaptiveRound? Round = null)
{
    /// <summary>
    /// The phase as people read it, the one text every layer shows: <c>screening</c>, <c>adaptive round 2 of 4</c>,
    /// <c>tier 2 of 3</c> (with its racing block), <c>cross-scenario check</c>, <c>done</c>, <c>saved</c>.
    /// </summary>
    public string PhaseText => Phase switch
    {
        StagePhase.Screening => "screening",
        StagePhase.Adaptive => Round?.Text ?? "adaptive rounds",
        StagePhase.Tier => Step?.Describe(TierCount) ?? "tiers",
        StagePhase.CrossCheck => "cross-scenario check",
        StagePhase.Done => "done",
        StagePhase.Saved => "saved",
        _ => throw new ArgumentOutOfRangeException(nameof(Phase), Phase, "Unknown stage phase."),
    };
}

/// <summary>
/// The phases of a stage, in order. <see cref="Adaptive"/> runs only in a stage whose design has adaptive rounds, once
/// per round, after the screening of its first points. <see cref="Done"/> is the end of the stage's computation; <see cref="Saved"/>
/// follows when a host has stored the stage's results (the durable orchestrator's status).
/// </summary>
public enum StagePhase
{
    Screening,
    Adaptive,
    Tier,
    CrossCheck,
    Done,
    Saved,
}

/// <summary>Round <paramref name="Number"/> (from 1) of the <paramref name="Count"/> adaptive rounds a stage's design plans.</summary>
public sealed record AdaptiveRound(int Number, int Count)
{
    public string Text => $"adaptive round {Number} of {Count}";
}

/// <summary>The leading candidate of a stage at the latest step.</summary>
public sealed record BestSoFar(ParamSet Params, double Combined, double Mean, int Seeds);
