namespace BamValidation.Metrics.Wealth;

/// <summary>The three CCDF R² values of H13 (validation.md §8).</summary>
public readonly record struct WealthFitResult(DistributionFit SinghMaddala, DistributionFit Dagum, DistributionFit Gb2)
{
    /// <summary>The largest of the three R² values.</summary>
    public double BestRSquared => Math.Max(SinghMaddala.RSquared, Math.Max(Dagum.RSquared, Gb2.RSquared));
}

/// <summary>
/// H13: fits Singh–Maddala, Dagum and GB2 (beta prime) with location 0 by maximum likelihood to the positive
/// wealth values, and scores each with H12. With fewer than 50 positive values every fit fails (R² 0).
/// </summary>
public static class WealthFits
{
    public const int MinPositiveValues = 50;

    /// <summary>Fits the positive values already loaded into <paramref name="sample"/>.</summary>
    public static WealthFitResult Fit(WealthSample sample)
    {
        if (sample.Count < MinPositiveValues || !double.IsFinite(sample.StdLog) || sample.StdLog <= 0.0)
        {
            return new WealthFitResult(DistributionFit.Failed, DistributionFit.Failed, DistributionFit.Failed);
        }

        return new WealthFitResult(SinghMaddalaFit.Fit(sample), DagumFit.Fit(sample), BetaPrimeFit.Fit(sample));
    }
}
