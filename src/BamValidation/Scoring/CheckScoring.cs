namespace BamValidation.Scoring;

/// <summary>
/// The score of an actual value under each check type (validation.md §4), in [0, 1]. Each function reproduces
/// Python's <c>max(0.0, v)</c>, which returns 0 for a NaN <c>v</c>: a NaN actual value scores 0.
/// </summary>
public static class CheckScoring
{
    /// <summary><c>max(0, 1 − (|a − t| / tol) / 2)</c>: 1 on target, 0.5 one tolerance away, 0 from two.</summary>
    public static double MeanTolerance(double actual, double target, double tolerance) =>
        ZeroFloor(1.0 - Math.Abs(actual - target) / tolerance / 2.0);

    /// <summary>1 at the centre, 0.75 at either edge, then falling by 1 per range width outside.</summary>
    public static double Range(double actual, double lo, double hi)
    {
        double width = hi - lo;
        if (width == 0.0)
        {
            return actual == lo ? 1.0 : 0.0;
        }

        if (lo <= actual && actual <= hi)
        {
            double centre = (lo + hi) / 2.0;
            return 1.0 - 0.25 * Math.Abs(actual - centre) / (width / 2.0);
        }

        return actual < lo
            ? ZeroFloor(0.75 - (lo - actual) / width)
            : ZeroFloor(0.75 - (actual - hi) / width);
    }

    /// <summary>1 from the target up, 0.75 to 1 between minimum and target, then linearly down to 0 at 0.</summary>
    public static double PctWithin(double actual, double target, double min)
    {
        if (actual >= target)
        {
            return 1.0;
        }

        if (actual >= min)
        {
            return 0.75 + 0.25 * (actual - min) / (target - min);
        }

        return min > 0.0 ? ZeroFloor(0.75 * (1.0 - (min - actual) / min)) : 0.0;
    }

    /// <summary>1 up to the maximum, then <c>exp(−pw·(a − mx)/mx)</c>.</summary>
    public static double Outlier(double actual, double maxOutlier, double penaltyWeight)
    {
        if (actual <= maxOutlier)
        {
            return 1.0;
        }

        return maxOutlier == 0.0 ? 0.0 : ZeroFloor(Math.Exp(-penaltyWeight * (actual - maxOutlier) / maxOutlier));
    }

    /// <summary>1 when the strict inequality holds (<c>a &lt; θ</c> if inverted, else <c>a &gt; θ</c>), else 0.</summary>
    public static double Boolean(double actual, double threshold, bool invert) =>
        BooleanHolds(actual, threshold, invert) ? 1.0 : 0.0;

    internal static bool BooleanHolds(double actual, double threshold, bool invert) =>
        invert ? actual < threshold : actual > threshold;

    /// <summary>Python's <c>max(0.0, v)</c>: 0 when v is negative or NaN.</summary>
    private static double ZeroFloor(double value) => value > 0.0 ? value : 0.0;
}
