namespace BamValidation.Scoring;

/// <summary>Scores one metric and folds a run's metrics into a <see cref="ValidationScore"/> (validation.md §6.3).</summary>
public static class MetricScorer
{
    /// <summary>The result of <paramref name="spec"/> for <paramref name="actual"/>. NaN scores 0 and FAILs (§2).</summary>
    public static MetricResult Evaluate(MetricSpec spec, double actual)
    {
        var (score, status) = double.IsNaN(actual) ? (0.0, Status.Fail) : ScoreAndStatus(spec, actual);
        return new MetricResult(spec, status, actual, score);
    }

    /// <summary>
    /// Scores every spec against <paramref name="actuals"/> (one value per spec, in spec order): the total is the
    /// flat weighted mean of the scores, and every spec counts once, including specs that share a field.
    /// </summary>
    public static ValidationScore Score(string scenario, IReadOnlyList<MetricSpec> specs, ReadOnlySpan<double> actuals, string? note = null)
    {
        if (actuals.Length != specs.Count)
        {
            throw new ArgumentException($"Expected {specs.Count} actual values, got {actuals.Length}.", nameof(actuals));
        }

        var results = new MetricResult[specs.Count];
        double weighted = 0.0, weights = 0.0;
        int pass = 0, warn = 0, fail = 0;
        for (int i = 0; i < results.Length; i++)
        {
            var result = Evaluate(specs[i], actuals[i]);
            results[i] = result;
            weighted += result.Score * result.Weight;
            weights += result.Weight;
            switch (result.Status)
            {
                case Status.Pass: pass++; break;
                case Status.Warn: warn++; break;
                default: fail++; break;
            }
        }

        double total = weights > 0.0 ? weighted / weights : 0.0;
        return new ValidationScore(scenario, results, total, pass, warn, fail, note);
    }

    private static (double Score, Status Status) ScoreAndStatus(MetricSpec spec, double a)
    {
        var t = spec.Targets;
        double e = FailEscalation.Multiplier(spec.Weight);
        switch (spec.Check)
        {
            case CheckType.MeanTolerance:
                var status = StatusRules.MeanTolerance(a, t.Target, t.Tolerance, e);
                if (t.Min is not null || t.Max is not null)
                {
                    status = StatusRules.ApplyHardBounds(status, a, t.Target, t.Tolerance, t.Min, t.Max);
                }

                return (CheckScoring.MeanTolerance(a, t.Target, t.Tolerance), status);
            case CheckType.Range:
                return (CheckScoring.Range(a, t.Lo, t.Hi), StatusRules.Range(a, t.Lo, t.Hi, e));
            case CheckType.PctWithin:
                return (CheckScoring.PctWithin(a, t.Target, t.Lo), StatusRules.PctWithin(a, t.Target, t.Lo, e));
            case CheckType.Outlier:
                return (CheckScoring.Outlier(a, t.MaxOutlier, t.PenaltyWeight), StatusRules.Outlier(a, t.MaxOutlier, e));
            case CheckType.Boolean:
                return (CheckScoring.Boolean(a, spec.Threshold, spec.Invert), StatusRules.Boolean(a, spec.Threshold, spec.Invert));
            default:
                throw new ArgumentOutOfRangeException(nameof(spec), spec.Check, "Unknown check type.");
        }
    }
}
