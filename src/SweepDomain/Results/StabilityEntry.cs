using SweepDomain.Parameters;
using SweepDomain.Sweep;

namespace SweepDomain.Results;

/// <summary>One scenario's figures inside a result entry (sweep-semantics §6.4 <c>scenario_results</c>).</summary>
public sealed record ScenarioEntry(double MeanScore, double StdScore, double CombinedScore, double PassRate, int NFail, IReadOnlyList<double> SeedScores);

/// <summary>
/// One entry of the original's stability-result file (sweep-semantics §6.4). Null members are written as null.
/// <see cref="NPass"/>, <see cref="NWarn"/> and <see cref="NFail"/> are read when present (screening files) but
/// never written, as in the original.
/// </summary>
public sealed record StabilityEntry(
    ParamSet Params,
    double? CombinedScore,
    double? MeanScore,
    double? StdScore,
    double? PassRate,
    IReadOnlyList<double>? SeedScores,
    double SingleScore,
    IReadOnlyDictionary<string, ScenarioEntry>? ScenarioResults = null,
    int NPass = 0,
    int NWarn = 0,
    int NFail = 0)
{
    /// <summary>
    /// A stage result in this format: the winner's params, combined, mean, SAMPLE std, pass rate and seed scores;
    /// <c>single_score</c> is its seed-0 (screening) score; the cross-scenario figures go to <c>scenario_results</c>.
    /// The original wrote std and seed scores as null and single_score as 0 here; they are richer, same format.
    /// </summary>
    public static StabilityEntry FromStage(StageResult stage) => new(
        stage.WinnerParams,
        stage.CombinedScore,
        stage.MeanScore,
        stage.StdScore,
        stage.PassRate,
        stage.SeedScores,
        stage.SeedScores.Count > 0 ? stage.SeedScores[0] : 0.0,
        stage.CrossScenario?.Scenarios.ToDictionary(
            s => s.Scenario,
            s => new ScenarioEntry(s.Mean, s.Std, s.Combined, s.PassRate, s.FailingSeeds, s.SeedScores)));
}
