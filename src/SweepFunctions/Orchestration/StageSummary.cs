using SweepDomain.Parameters;
using SweepDomain.Sweep;
using SweepFunctions.Activities;

namespace SweepFunctions.Orchestration;

/// <summary>A scenario's figures in a stage winner's cross-scenario check, without the seed scores.</summary>
public sealed record CrossSummary(string Scenario, double Mean, double Std, double Combined, double PassRate, int FailingSeeds);

/// <summary>
/// A finished stage as the orchestration keeps it between stages: the winner and its figures, the evidence in words,
/// the counts and the blobs, but no seed scores (those are in the stage's blobs), so the sweep's input stays small.
/// </summary>
public sealed record StageSummary(
    int Stage,
    string Label,
    ParamSet Winner,
    double Combined,
    double Mean,
    double Std,
    double PassRate,
    int NSeeds,
    int NCandidates,
    bool Improved,
    double IncumbentCombined,
    string? Verdict,
    CarryForwardDecision? Decision,
    RaceSummary? Racing,
    IReadOnlyList<CrossSummary>? Cross,
    int EvaluationsRequested,
    int EvaluationsExecuted,
    string StageBlob,
    string OutcomeBlob)
{
    public static StageSummary From(StageOutcome outcome, WriteStageResultOutput written)
    {
        var r = outcome.Result;
        return new StageSummary(
            outcome.Index + 1, r.Label, r.WinnerParams, r.CombinedScore, r.MeanScore, r.StdScore, r.PassRate, r.NSeeds, r.NCandidates,
            r.Improved, r.IncumbentCombined, r.Verdict, r.Decision, r.Racing,
            r.CrossScenario?.Scenarios.Select(s => new CrossSummary(s.Scenario, s.Mean, s.Std, s.Combined, s.PassRate, s.FailingSeeds)).ToList(),
            r.EvaluationsRequested, r.EvaluationsExecuted, written.StageBlob, written.OutcomeBlob);
    }
}
