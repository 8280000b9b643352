using SweepDomain.Parameters;

namespace SweepDomain.Sweep;

/// <summary>
/// The outcome of one stage (sweep-semantics §5, plus what the original left out). Scores are the winner's over
/// its <see cref="NSeeds"/> seeds, std is the sample std. <see cref="Improved"/> is true only when the winner is not
/// the incumbent and ranked above it on the same seeds. <see cref="NCandidates"/> is the grid's own count;
/// <see cref="IncumbentAdded"/> says the incumbent was evaluated as one extra candidate.
/// </summary>
// WARNING: stored in durable histories and written to result blobs. Add members only at the end, with defaults.
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
    int EvaluationsExecuted);
