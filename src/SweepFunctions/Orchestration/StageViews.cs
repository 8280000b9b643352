using SweepDomain.Sweep;
using SweepFunctions.Activities;
using SweepHosting.Api;

namespace SweepFunctions.Orchestration;

/// <summary>
/// A finished stage as the orchestration keeps it between stages and the status endpoint shows it: the winner and its
/// figures, the evidence in words, the counts and the blobs, but no seed scores (those are in the stage's blobs), so
/// the sweep's input stays small.
/// </summary>
public static class StageViews
{
    public static StageView From(StageOutcome outcome, WriteStageResultOutput written)
    {
        var r = outcome.Result;
        return new StageView
        {
            Stage = outcome.Index + 1,
            Label = r.Label,
            Params = r.WinnerParams,
            CombinedScore = r.CombinedScore,
            MeanScore = r.MeanScore,
            StdScore = r.StdScore,
            PassRate = r.PassRate,
            NSeeds = r.NSeeds,
            Improved = r.Improved,
            IncumbentCombined = r.IncumbentCombined,
            Verdict = r.Verdict,
            WinnerVsIncumbent = r.WinnerVsIncumbent,
            Decision = r.Decision,
            Racing = r.Racing,
            Stop = r.Stop,
            CrossScenario = r.CrossScenario?.Scenarios.Select(s => new CrossScenarioView(s.Scenario, s.Mean, s.Std, s.Combined, s.PassRate, s.FailingSeeds)).ToList(),
            NCandidates = r.NCandidates,
            EvaluationsRequested = r.EvaluationsRequested,
            EvaluationsExecuted = r.EvaluationsExecuted,
            Blob = written.StageBlob,
            OutcomeBlob = written.OutcomeBlob,
        };
    }
}
