using SweepDomain.Parameters;

namespace SweepDomain.Sweep;

/// <summary>
/// Where a running sweep stands. <see cref="EvaluationsPlanned"/> is an upper bound (the memo and the incumbent's
/// place in the ranking can only lower the real count). <see cref="Best"/> is the best candidate of the current stage
/// so far, by the sweep's ranking.
/// </summary>
public sealed record SweepProgress(
    int StageIndex,
    int StageCount,
    string StageLabel,
    string Phase,
    int PhaseEvaluations,
    int EvaluationsRequested,
    int EvaluationsExecuted,
    int EvaluationsPlanned,
    BestSoFar? Best);

/// <summary>The leading candidate of a stage at the latest step.</summary>
public sealed record BestSoFar(ParamSet Params, double Combined, double Mean, int Seeds);
