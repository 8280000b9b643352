using System.Globalization;
using SweepDomain.Evidence;
using SweepDomain.Selection;

namespace SweepDomain.Sweep;

/// <summary>Which rule chose a stage's winner, and why, in words a report can print as they are.</summary>
/// <param name="Policy"><c>best</c> or <c>significant</c>.</param>
/// <param name="Rule">The rule itself.</param>
/// <param name="Reason">What decided it in this stage.</param>
public sealed record CarryForwardDecision(string Policy, double Alpha, string Rule, string Reason);

/// <summary>Chooses the candidate a stage carries forward (see <see cref="CarryForward"/>).</summary>
public static class CarryForwardPolicy
{
    /// <summary>
    /// <c>best</c>: the top of <paramref name="ranking"/> (the incumbent already wins exact ties there).
    /// <c>significant</c>: the incumbent stays unless a candidate ranked above it beats it: mean seed-score difference
    /// above 0 with a two-sided paired t-test p-value, Holm-corrected over all the candidates ranked above the
    /// incumbent, below alpha. When several do, the highest ranked of them wins. A raced-out incumbent is not in the
    /// ranking; every ranked candidate then counts as above it.
    /// </summary>
    public static (Candidate Winner, CarryForwardDecision Decision) Choose(IReadOnlyList<Candidate> ranking, Candidate incumbent, SweepPlan plan)
    {
        string alpha = Number(plan.Alpha);
        if (plan.CarryForward == CarryForward.Best)
        {
            var top = ranking[0];
            string rule = "best: the top of the final ranking wins; the incumbent wins ties";
            string reason = top.IsIncumbent
                ? $"the incumbent ranks first ({RankText(top, plan)})"
                : $"{top.Params} ranks first ({RankText(top, plan)}; the incumbent {RankText(incumbent, plan)})";
            return (top, new CarryForwardDecision("best", plan.Alpha, rule, reason));
        }

        int at = ranking.ToList().FindIndex(c => c.IsIncumbent);
        var above = (at < 0 ? ranking : ranking.Take(at)).ToList();
        string significantRule = $"significant: the incumbent stays unless a candidate ranked above it beats it at alpha {alpha} " +
                                 $"(paired t-test on common seeds, two-sided, Holm-corrected over the {above.Count} candidate{(above.Count == 1 ? "" : "s")} ranked above it)";
        if (above.Count == 0)
        {
            return (incumbent, new CarryForwardDecision("significant", plan.Alpha, significantRule, $"the incumbent ranks first ({RankText(incumbent, plan)})"));
        }

        var comparisons = above.Select(c => PairedComparison.Between(c.Seeds, incumbent.Seeds)).ToList();
        var adjusted = Holm.Adjust(comparisons.Select(c => c.TTestP ?? 1).ToList());
        for (int i = 0; i < above.Count; i++)
        {
            if (comparisons[i].MeanDifference > 0 && adjusted[i] < plan.Alpha)
            {
                return (above[i], new CarryForwardDecision("significant", plan.Alpha, significantRule,
                    $"{above[i].Params} beats the incumbent: {EvidenceText.Difference(comparisons[i])}, {EvidenceText.P(adjusted[i], "Holm-adjusted p")}, below alpha {alpha}"));
            }
        }

        return (incumbent, new CarryForwardDecision("significant", plan.Alpha, significantRule,
            $"the incumbent is kept: no candidate ranked above it beats it; the top, {above[0].Params}, differs by " +
            $"{EvidenceText.Difference(comparisons[0])}, {EvidenceText.P(adjusted[0], "Holm-adjusted p")}, not below alpha {alpha}"));
    }

    private static string RankText(Candidate c, SweepPlan plan) =>
        $"combined {c.Combined(plan.KFactor).ToString("F4", CultureInfo.InvariantCulture)} on {c.SeedCount} seeds";

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
