using SweepDomain.Selection;

namespace SweepDomain.Sweep;

/// <summary>Orders the candidates of a tier (sweep-semantics §3.4).</summary>
public static class Ranking
{
    /// <summary>
    /// Best first, by <paramref name="rankBy"/>. The sort is stable: equal keys keep the incoming order (the
    /// previous tier's ranking, or the screening order), except that the incumbent goes first among exact ties, so
    /// a stage never replaces the base with a candidate that is merely as good (sweep-semantics §9 item 1).
    /// </summary>
    public static IReadOnlyList<Candidate> Rank(IReadOnlyList<Candidate> candidates, RankBy rankBy, double k)
    {
        var keyed = candidates.Select((c, position) => (c, position, combined: c.Combined(k))).ToList();
        var ordered = rankBy switch
        {
            RankBy.Stability => keyed
                .OrderByDescending(x => x.c.PassRate)
                .ThenBy(x => x.c.Screening.NFail)
                .ThenByDescending(x => x.combined),
            RankBy.Mean => keyed.OrderByDescending(x => x.c.Mean),
            _ => keyed.OrderByDescending(x => x.combined),
        };

        return ordered.ThenBy(x => x.c.IsIncumbent ? 0 : 1).ThenBy(x => x.position).Select(x => x.c).ToList();
    }
}
