using System.Globalization;
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
/// <see cref="Racing"/> when the tiers were raced, and <see cref="Stop"/> saying which rule ended the tiers.
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
    RaceSummary? Racing = null,
    StageStop? Stop = null);

/// <summary>
/// Which rule ended a stage's tiers, in a sentence with its figures: <c>tiers</c> (the last tier ran to its seeds),
/// <c>race</c> (racing left one candidate), or <c>equivalence</c> (every survivor within the margin of the incumbent,
/// with the tests in <see cref="Equivalence"/>).
/// </summary>
public sealed record StageStop(string Rule, string Text, EquivalenceStop? Equivalence = null)
{
    public static StageStop Of(TieredStability.Outcome tiers, SweepPlan plan)
    {
        if (tiers.Equivalence is { } e)
        {
            string worst = EvidenceText.P(e.Tests.Max(t => t.P), "largest p");
            return new StageStop("equivalence",
                $"equivalence stop in tier {e.Tier} block {e.Block} at {e.Seeds} seeds: every one of the {e.Tests.Count} other survivor{(e.Tests.Count == 1 ? "" : "s")} " +
                $"lies within ±{e.Margin.ToString("0.####", CultureInfo.InvariantCulture)} of the incumbent on {e.Score} " +
                $"(two one-sided paired-bootstrap tests, {worst}, below alpha {plan.Alpha.ToString("0.###", CultureInfo.InvariantCulture)} / ({e.Tests.Count} survivors × {e.Looks} looks) = {e.TestAlpha.ToString("0.#####", CultureInfo.InvariantCulture)}); the incumbent is kept", e);
        }

        int lastSeeds = plan.Tiers.Count == 0 ? 1 : plan.Tiers[^1].Seeds;
        var leader = tiers.Ranking[0];
        return plan.Racing && tiers.Ranking.Count == 1 && leader.SeedCount < lastSeeds
            ? new StageStop("race", $"racing left one candidate at {leader.SeedCount} seeds")
            : new StageStop("tiers", $"the last tier ran to {tiers.Ranking.Max(c => c.SeedCount)} seeds");
    }
}

/// <summary>
/// What racing did in a stage: the block size and level, how many candidates it dropped, and the evaluations the
/// stage's screening and tiers requested against the most the plain tiers could request for the same candidates
/// (exact unless the plain tiers would have kept the incumbent inside their top, which saves them a few).
/// </summary>
public sealed record RaceSummary(int BlockSize, double Alpha, int Dropped, int Requested, long PlainTiersAtMost)
{
    public long Saved => Math.Max(0, PlainTiersAtMost - Requested);
}
