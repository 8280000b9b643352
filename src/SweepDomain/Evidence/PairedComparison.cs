using SweepDomain.Evaluation;

namespace SweepDomain.Evidence;

/// <summary>
/// One candidate against another on the seeds both were scored on (seeds 0..n−1: every candidate's seeds are the same
/// ids). Differences are first − second. <see cref="TTestP"/> and <see cref="WilcoxonP"/> are two-sided; the interval
/// is the 95 % Student t interval of the mean difference. <see cref="PassRateDifference"/> is first − second, and
/// <see cref="McNemarP"/> tests it exactly on the seeds where exactly one of the two fails. Figures that need two
/// seeds are null with fewer.
/// </summary>
public sealed record PairedComparison(
    int Seeds,
    double MeanDifference,
    double? StandardError,
    double? CiLow,
    double? CiHigh,
    double? TTestP,
    double? WilcoxonP,
    double PassRateDifference,
    int OnlyFirstFails,
    int OnlySecondFails,
    double McNemarP)
{
    /// <summary>Compares <paramref name="first"/> with <paramref name="second"/> on their common seeds.</summary>
    public static PairedComparison Between(IReadOnlyList<EvaluationScore> first, IReadOnlyList<EvaluationScore> second)
    {
        int n = Math.Min(first.Count, second.Count);
        var differences = new double[n];
        int onlyFirst = 0, onlySecond = 0, firstPasses = 0, secondPasses = 0;
        for (int i = 0; i < n; i++)
        {
            differences[i] = first[i].TotalScore - second[i].TotalScore;
            firstPasses += first[i].Passed ? 1 : 0;
            secondPasses += second[i].Passed ? 1 : 0;
            onlyFirst += !first[i].Passed && second[i].Passed ? 1 : 0;
            onlySecond += first[i].Passed && !second[i].Passed ? 1 : 0;
        }

        var t = TTest.OneSample(differences);
        return new PairedComparison(
            n,
            t.Mean,
            t.StandardError,
            t.CiLow,
            t.CiHigh,
            t.P,
            n < 2 ? null : WilcoxonSignedRank.TwoSidedP(differences),
            n == 0 ? 0 : (double)(firstPasses - secondPasses) / n,
            onlyFirst,
            onlySecond,
            McNemarTest.ExactTwoSidedP(onlyFirst, onlySecond));
    }
}
