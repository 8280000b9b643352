using SweepDomain.Evaluation;
using SweepDomain.Parameters;
using SweepDomain.Selection;

namespace SweepDomain.Sweep;

/// <summary>
/// The cross-scenario check of a stage winner (sweep-semantics §4.1): the main scenario and then the cross scenario,
/// each on seeds 0..n−1; sample std, k = 1. Unlike the original, its figures are recorded in the stage result.
/// </summary>
public static class CrossScenarioCheck
{
    public static async Task<CrossScenarioResult> RunAsync(ParamSet winner, SweepPlan plan, EvaluationMemo memo, CancellationToken cancellationToken)
    {
        var scenarios = new[] { plan.Scenario, plan.CrossScenario! }.Distinct().ToList();
        var requests = scenarios
            .SelectMany(s => Enumerable.Range(0, plan.CrossSeeds).Select(seed => new EvaluationRequest(s, winner, seed, plan.Periods)))
            .ToList();
        var scores = await memo.EvaluateAsync(requests, EvaluationPhase.CrossCheck, cancellationToken);

        var checks = scenarios.Select((scenario, i) =>
        {
            var seeds = scores.Skip(i * plan.CrossSeeds).Take(plan.CrossSeeds).ToList();
            var values = seeds.Select(s => s.TotalScore).ToArray();
            double mean = SeedStatistics.Mean(values), std = SeedStatistics.SampleStd(values);
            double passRate = (double)seeds.Count(s => s.Passed) / seeds.Count;
            return new ScenarioCheck(scenario, mean, std, CombinedScore.Compute(mean, passRate, std, 1.0), passRate, seeds.Count(s => !s.Passed), values);
        }).ToList();

        return new CrossScenarioResult(checks, plan.CrossSeeds);
    }
}
