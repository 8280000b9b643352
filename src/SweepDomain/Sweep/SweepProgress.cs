using SweepDomain.Parameters;

namespace SweepDomain.Sweep;

/// <summary>
/// Where a running sweep stands. <see cref="EvaluationsPlanned"/> is the worst case (the memo, the incumbent's place
/// in the ranking and racing can only lower the real count). <see cref="StagesFinished"/> counts the stages whose
/// results are saved. <see cref="Best"/> is the current stage's leader after the latest batch, by the sweep's ranking.
/// <see cref="Step"/> is set while a tier runs.
/// </summary>
public sealed record SweepProgress(
    int StageIndex,
    int StageCount,
    string StageLabel,
    string Phase,
    int PhaseEvaluations,
    int EvaluationsRequested,
    int EvaluationsExecuted,
    long EvaluationsPlanned,
    BestSoFar? Best,
    int StagesFinished,
    TierStep? Step = null);

/// <summary>The leading candidate of a stage at the latest step.</summary>
public sealed record BestSoFar(ParamSet Params, double Combined, double Mean, int Seeds);
