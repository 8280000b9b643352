namespace BamValidation.Scoring;

/// <summary>
/// The status of an actual value under each check type (validation.md §5.2), given the escalation multiplier
/// <c>e</c> of <see cref="FailEscalation"/>. All comparisons are inclusive as written in the spec; NaN fails them
/// all, so a NaN actual value is FAIL.
/// </summary>
public static class StatusRules
{
    /// <summary>PASS if <c>|a − t| ≤ tol</c>, WARN if <c>≤ tol·2·e</c>, else FAIL. Hard bounds: see <see cref="ApplyHardBounds"/>.</summary>
    public static Status MeanTolerance(double actual, double target, double tolerance, double escalation)
    {
        double deviation = Math.Abs(actual - target);
        if (deviation <= tolerance)
        {
            return Status.Pass;
        }

        return deviation <= tolerance * 2.0 * escalation ? Status.Warn : Status.Fail;
    }

    /// <summary>
    /// The MEAN_TOLERANCE hard-bound override: outside [min, max] is FAIL; inside, a FAIL that persists without
    /// escalation (e = 1) softens to WARN, while a FAIL caused by escalation alone stays FAIL.
    /// </summary>
    public static Status ApplyHardBounds(Status status, double actual, double target, double tolerance, double? min, double? max)
    {
        if ((min is double lo && actual < lo) || (max is double hi && actual > hi))
        {
            return Status.Fail;
        }

        if (status != Status.Fail)
        {
            return status;
        }

        return MeanTolerance(actual, target, tolerance, escalation: 1.0) == Status.Fail ? Status.Warn : Status.Fail;
    }

    /// <summary>PASS inside [lo, hi], WARN within <c>0.5·e·(hi − lo)</c> of it, else FAIL.</summary>
    public static Status Range(double actual, double lo, double hi, double escalation)
    {
        if (lo <= actual && actual <= hi)
        {
            return Status.Pass;
        }

        double margin = 0.5 * escalation * (hi - lo);
        return lo - margin <= actual && actual <= hi + margin ? Status.Warn : Status.Fail;
    }

    /// <summary>PASS from the target up, WARN from <c>max(0, m − (t − m)·(e − 1))</c>, else FAIL.</summary>
    public static Status PctWithin(double actual, double target, double min, double escalation)
    {
        if (actual >= target)
        {
            return Status.Pass;
        }

        double effectiveMin = Math.Max(0.0, min - (target - min) * (escalation - 1.0));
        return actual >= effectiveMin ? Status.Warn : Status.Fail;
    }

    /// <summary>PASS up to the maximum, WARN up to <c>mx·2·e</c>, else FAIL.</summary>
    public static Status Outlier(double actual, double maxOutlier, double escalation)
    {
        if (actual <= maxOutlier)
        {
            return Status.Pass;
        }

        return actual <= maxOutlier * 2.0 * escalation ? Status.Warn : Status.Fail;
    }

    /// <summary>PASS when the strict inequality holds, else FAIL; no WARN band and no escalation.</summary>
    public static Status Boolean(double actual, double threshold, bool invert) =>
        CheckScoring.BooleanHolds(actual, threshold, invert) ? Status.Pass : Status.Fail;

    /// <summary>FAIL if any input is FAIL, else WARN if any is WARN, else PASS.</summary>
    public static Status Worst(Status a, Status b) => a > b ? a : b;
}
