using SweepDomain.Evaluation;

namespace SweepDomain.Sweep;

/// <summary>Screening (sweep-semantics §3.2): every candidate once, on seed 0.</summary>
public static class Screening
{
    public const int Seed = 0;

    /// <summary>
    /// Evaluates each candidate on seed 0 and orders them by that score, best first. Ties keep grid order, whatever
    /// order the evaluations finished in.
    /// </summary>
    public static async Task<IReadOnlyList<Candidate>> RunAsync(IReadOnlyList<Candidate> candidates, SweepPlan plan, EvaluationMemo memo, CancellationToken cancellationToken)
    {
        var requests = candidates.Select(c => new EvaluationRequest(plan.Scenario, c.Params, Seed, plan.Periods)).ToList();
        var scores = await memo.EvaluateAsync(requests, EvaluationPhase.Screening, cancellationToken);
        return candidates
            .Select((c, i) => c.WithMoreSeeds([scores[i]]))
            .OrderByDescending(c => c.Screening.TotalScore)
            .ThenBy(c => c.Index)
            .ToList();
    }
}
