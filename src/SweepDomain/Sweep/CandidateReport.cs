using SweepDomain.Parameters;

namespace SweepDomain.Sweep;

/// <summary>
/// Everything known about one candidate at the end of its stage, for reports and charts. <see cref="FinalRank"/>
/// is 1-based among the candidates that reached the last tier, null for those dropped earlier.
/// </summary>
public sealed record CandidateReport(
    int Index,
    ParamSet Params,
    bool IsIncumbent,
    double ScreeningScore,
    int NPass,
    int NWarn,
    int NFail,
    IReadOnlyList<double> SeedScores,
    IReadOnlyList<int> SeedFails,
    double Mean,
    double Std,
    double PassRate,
    double Combined,
    int TiersReached,
    int? FinalRank)
{
    internal static CandidateReport From(Candidate c, double k, int tiersReached, int? finalRank) => new(
        c.Index,
        c.Params,
        c.IsIncumbent,
        c.Screening.TotalScore,
        c.Screening.NPass,
        c.Screening.NWarn,
        c.Screening.NFail,
        c.SeedScores,
        c.Seeds.Select(s => s.NFail).ToArray(),
        c.Mean,
        c.Std,
        c.PassRate,
        c.Combined(k),
        tiersReached,
        finalRank);
}

/// <summary>A finished stage: its result and every candidate's figures.</summary>
// WARNING: stored in durable histories (the save activity's input). Add members only at the end, with defaults.
public sealed record StageOutcome(int Index, StageResult Result, IReadOnlyList<CandidateReport> Candidates);
