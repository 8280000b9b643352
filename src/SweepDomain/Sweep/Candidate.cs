using System.Collections.Immutable;
using SweepDomain.Evaluation;
using SweepDomain.Parameters;
using SweepDomain.Selection;

namespace SweepDomain.Sweep;

/// <summary>
/// One parameter combination of a stage with the scores gathered for it so far. <see cref="Seeds"/>[i] is the
/// score on seed i: seed 0 is the screening run, and every candidate's seeds are 0..n−1, so all candidates are
/// compared on the same seeds (sweep-semantics §3.3).
/// </summary>
/// <param name="Index">Grid index (odometer order); the incumbent, when added, comes after the grid.</param>
/// <param name="IsIncumbent">True for the current base values of the stage's parameters.</param>
public sealed record Candidate(int Index, ParamSet Params, bool IsIncumbent, ImmutableArray<EvaluationScore> Seeds)
{
    public EvaluationScore Screening => Seeds[0];

    public int SeedCount => Seeds.Length;

    public IReadOnlyList<double> SeedScores => Seeds.Select(s => s.TotalScore).ToArray();

    public double Mean => SeedStatistics.Mean(SeedScores);

    /// <summary>Sample standard deviation of the seed scores (sweep-semantics §3.3).</summary>
    public double Std => SeedStatistics.SampleStd(SeedScores);

    /// <summary>Fraction of seeds with no FAIL metric.</summary>
    public double PassRate => Seeds.Length == 0 ? 0 : (double)Seeds.Count(s => s.Passed) / Seeds.Length;

    public double Combined(double k) => CombinedScore.Compute(Mean, PassRate, Std, k);

    public Candidate WithMoreSeeds(IEnumerable<EvaluationScore> scores) => this with { Seeds = Seeds.AddRange(scores) };
}
