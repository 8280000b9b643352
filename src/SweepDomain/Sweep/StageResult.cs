using SweepDomain.Evidence;
using SweepDomain.Parameters;

namespace SweepDomain.Sweep;

/// <summary>
/// The outcome of one stage (sweep-semantics §5, plus what the original left out). Scores are the winner's over
/// its <see cref="NSeeds"/> seeds, std is the sample std. <see cref="Improved"/> is true only when the winner is not
/// the incumbent and ranked above it on the same seeds. <see cref="NCandidates"/> is the grid's own count;
/// <see cref="IncumbentAdded"/> says the incumbent was evaluated as one extra candidate. The evidence is added beside
/// the original's figures: <see cref="WinnerVsIncumbent"/> on their common seeds, <see cref="Verdict"/> saying it in
/// one sentence, <see cref="Decision"/> naming the carry-forward rule that chose the winner, and
/// <see cref="Racing"/> when the tiers were raced.
/// </summary>
public sealed record StageResult(
    string Label,
    ParamSet WinnerParams,
    double CombinedScore,
    double MeanScore,
    double StdScore,
    double PassRate,
    int NSeeds,
    IReadOnlyList<double> SeedScores,
    int NCandidates,
    bool IncumbentAdded,
    double IncumbentCombined,
    bool Improved,
    CrossScenarioResult? CrossScenario,
    int EvaluationsRequested,
    int EvaluationsExecuted,
    CarryForwardDecision? Decision = null,
    PairedComparison? WinnerVsIncumbent = null,
    string? Verdict = null,
    RaceSummary? Racing = null);

/// <summary>
/// What racing did in a stage: the block size and level, how many candidates it dropped, and the evaluations the
/// stage's screening and tiers requested against the most the plain tiers could request for the same candidates
/// (exact unless the plain tiers would have kept the incumbent inside their top, which saves them a few).
/// </summary>
public sealed record RaceSummary(int BlockSize, double Alpha, int Dropped, int Requested, long PlainTiersAtMost)
{
    public long Saved => Math.Max(0, PlainTiersAtMost - Requested);
}
