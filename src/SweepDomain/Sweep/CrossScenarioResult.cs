namespace SweepDomain.Sweep;

/// <summary>
/// A stage winner's figures on one scenario of the cross-scenario check (sweep-semantics §4.1): mean, sample std,
/// pass rate, combined with k = 1, and <see cref="FailingSeeds"/> = seeds with at least one FAIL.
/// </summary>
public sealed record ScenarioCheck(string Scenario, double Mean, double Std, double Combined, double PassRate, int FailingSeeds, IReadOnlyList<double> SeedScores);

/// <summary>The cross-scenario check of one stage winner: the main scenario first, then the cross scenario.</summary>
public sealed record CrossScenarioResult(IReadOnlyList<ScenarioCheck> Scenarios, int Seeds);
