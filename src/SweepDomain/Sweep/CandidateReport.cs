using SweepDomain.Evaluation;
using SweepDomain.Evidence;
using SweepDomain.Parameters;

namespace SweepDomain.Sweep;

/// <summary>
/// Everything known about one candidate at the end of its stage, for reports and charts. <see cref="FinalRank"/>
/// is 1-based among the candidates that reached the last tier, null for those dropped earlier. The comparisons with
/// the stage's winner and its incumbent are on common seeds and are given for ranked candidates (null for the winner
/// against itself, the incumbent against itself, and the unranked); <see cref="Dropped"/> says when racing dropped it;
/// <see cref="ByTier"/> gives its mean with a 95 % interval and its pass rate at screening and at each tier it reached;
/// <see cref="Metrics"/> the model's own metrics over its seeds, when the model gives any (null otherwise).
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
    int? FinalRank,
    PairedComparison? VersusWinner = null,
    PairedComparison? VersusIncumbent = null,
    RaceDrop? Dropped = null,
    IReadOnlyList<TierFigure>? ByTier = null,
    IReadOnlyList<MetricFigure>? Metrics = null)
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
        finalRank,
        Metrics: MetricFigure.Of(c.Seeds));
}

/// <summary>
/// A candidate's figures after screening (<see cref="Tier"/> 0) or after tier <see cref="Tier"/>: its mean seed score
/// on its first <see cref="Seeds"/> seeds with the 95 % Student t interval (null below two seeds), and its pass rate.
/// </summary>
public sealed record TierFigure(int Tier, int Seeds, double Mean, double? CiLow, double? CiHigh, double PassRate)
{
    public static TierFigure Of(int tier, IReadOnlyList<EvaluationScore> seeds)
    {
        var t = TTest.OneSample(seeds.Select(s => s.TotalScore).ToArray());
        return new TierFigure(tier, seeds.Count, t.Mean, t.CiLow, t.CiHigh, seeds.Count == 0 ? 0 : (double)seeds.Count(s => s.Passed) / seeds.Count);
    }
}

/// <summary>
/// A finished stage: its result, every candidate's figures, and what each parameter does (null in results written
/// before it was recorded, and for a stage of fewer than 3 candidates); <see cref="Design"/> is the stage's design in
/// one line (<see cref="Stages.StageSpec.DesignText"/>); <see cref="Failures"/> the evaluations it ran that failed (null
/// when none did).
/// </summary>
public sealed record StageOutcome(int Index, StageResult Result, IReadOnlyList<CandidateReport> Candidates, ParameterEffects? Effects = null, string? Design = null,
    StageFailures? Failures = null);
