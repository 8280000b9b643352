using SweepDomain.Selection;

namespace SweepDomain.Sweep;

/// <summary>What a ranking looks at for one candidate.</summary>
public sealed record RankKeys(double Mean, double Std, double PassRate, int ScreeningFails, bool IsIncumbent)
{
    public double Combined(double k) => CombinedScore.Compute(Mean, PassRate, Std, k);
}

/// <summary>Orders the candidates of a tier (sweep-semantics §3.4).</summary>
public static class Ranking
{
    /// <summary>Best first; see <see cref="Order"/>.</summary>
    public static IReadOnlyList<Candidate> Rank(IReadOnlyList<Candidate> candidates, RankBy rankBy, double k) =>
        Order(candidates.Select(c => new RankKeys(c.Mean, c.Std, c.PassRate, c.Screening.NFail, c.IsIncumbent)).ToList(), rankBy, k)
            .Select(i => candidates[i])
            .ToList();

    /// <summary>
    /// Positions of <paramref name="keys"/>, best first, by <paramref name="rankBy"/>: <c>combined</c> desc;
    /// <c>stability</c> = pass rate desc, then the screening seed's FAIL count asc, then combined desc; <c>mean</c>
    /// desc. The sort is stable: equal keys keep the incoming order (the previous tier's ranking, or the screening
    /// order), except that the incumbent goes first among exact ties, so a stage never replaces the base with a
    /// candidate that is merely as good (sweep-semantics §9 item 1).
    /// </summary>
    public static IReadOnlyList<int> Order(IReadOnlyList<RankKeys> keys, RankBy rankBy, double k)
    {
        var keyed = keys.Select((key, position) => (key, position, combined: key.Combined(k))).ToList();
        var ordered = rankBy switch
        {
            RankBy.Stability => keyed
                .OrderByDescending(x => x.key.PassRate)
                .ThenBy(x => x.key.ScreeningFails)
                .ThenByDescending(x => x.combined),
            RankBy.Mean => keyed.OrderByDescending(x => x.key.Mean),
            _ => keyed.OrderByDescending(x => x.combined),
        };

        return ordered.ThenBy(x => x.key.IsIncumbent ? 0 : 1).ThenBy(x => x.position).Select(x => x.position).ToList();
    }
}
