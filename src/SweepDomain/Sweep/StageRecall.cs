using SweepDomain.Evaluation;
using SweepDomain.Parameters;

namespace SweepDomain.Sweep;

/// <summary>An evaluation and the score it got.</summary>
public sealed record ScoredRequest(EvaluationRequest Request, EvaluationScore Score);

/// <summary>
/// Which scores of earlier stages a stage can reuse. Every evaluation a stage asks for is of one of its candidates
/// (screening and tiers on the main scenario, the winner's cross-scenario check on each scenario), so the earlier
/// scores of exactly those configs are all a memo across the whole sweep would ever hit. A host that runs stages apart
/// hands them to the stage's <see cref="EvaluationMemo.Remember"/> and so evaluates and counts what one memo would.
/// </summary>
public static class StageRecall
{
    public static IReadOnlyList<ScoredRequest> Relevant(SweepPlan plan, int stage, ParamSet incumbent, IEnumerable<ScoredRequest> earlier)
    {
        var candidates = StageCandidates.Build(plan.Stages[stage], incumbent, plan.Schema);
        var keys = plan.Schemas.Values
            .SelectMany(schema => candidates.Select(c => (schema.Scenario, schema.Normalise(c.Params))))
            .ToHashSet();
        return earlier
            .Where(e => e.Request.Periods == plan.Periods
                        && plan.Schemas.TryGetValue(e.Request.Scenario, out var schema)
                        && keys.Contains((e.Request.Scenario, schema.Normalise(e.Request.Params))))
            .ToList();
    }
}
