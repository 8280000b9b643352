using BamValidation.Scoring;

namespace BamValidation.Reference;

/// <summary>
/// The perturbation panel's fidelity gate: our model on the original's configs and seeds, compared config by
/// config. A config holds when its mean total score is within <see cref="PanelConfigComparison.MaxScoreGap"/> of
/// the original's, its pass rate within <see cref="PanelConfigComparison.MaxPassRateGap"/>, and every metric's
/// mean within <see cref="PanelMetricComparison.MaxDeviation"/> standard errors (see
/// <see cref="PanelMetricComparison"/>).
/// </summary>
public static class PanelComparison
{
    public const int DefaultPeriods = 1000;

    /// <summary>
    /// Runs every config of <paramref name="configs"/> on its reference seeds, all runs spread over every core, and
    /// compares config by config.
    /// </summary>
    public static IReadOnlyList<PanelConfigComparison> Run(IReadOnlyList<PanelConfig> configs, int nPeriods = DefaultPeriods)
    {
        var jobs = configs.SelectMany((c, i) => c.Runs.Select(r => (Config: i, r.Seed))).ToArray();
        var scores = new ValidationScore[jobs.Length];
        Parallel.For(0, jobs.Length, j =>
        {
            var config = configs[jobs[j].Config];
            scores[j] = BamValidator.RunAndValidate(config.Scenario, config.Overrides, jobs[j].Seed, nPeriods);
        });

        return configs
            .Select((c, i) => Compare(c, Enumerable.Range(0, jobs.Length).Where(j => jobs[j].Config == i).Select(j => scores[j]).ToList()))
            .ToList();
    }

    /// <summary>Compares our runs of one config (any seeds) with the original's.</summary>
    public static PanelConfigComparison Compare(PanelConfig config, IReadOnlyList<ValidationScore> ours)
    {
        var names = config.Runs.Count == 0 ? [] : config.Runs[0].Metrics.Select(m => m.Name).ToList();
        var metrics = names.Select(name => new PanelMetricComparison(
                name,
                Mean(config.Runs.Select(r => r.Find(name)?.Actual ?? double.NaN)),
                SampleStd(config.Runs.Select(r => r.Find(name)?.Actual ?? double.NaN)),
                Mean(ours.Select(s => s.Find(name)?.Actual ?? double.NaN)),
                config.Runs.Count))
            .ToList();
        return new PanelConfigComparison(
            config,
            Mean(config.Runs.Select(r => r.TotalScore)),
            Mean(ours.Select(s => s.TotalScore)),
            PassRate(config.Runs.Select(r => r.NFail == 0)),
            PassRate(ours.Select(s => s.Passed)),
            metrics);
    }

    private static double Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? double.NaN : list.Average();
    }

    private static double SampleStd(IEnumerable<double> values)
    {
        var list = values.ToList();
        if (list.Count < 2)
        {
            return double.NaN;
        }

        double mean = list.Average();
        return Math.Sqrt(list.Sum(x => (x - mean) * (x - mean)) / (list.Count - 1));
    }

    private static double PassRate(IEnumerable<bool> passed)
    {
        var list = passed.ToList();
        return list.Count == 0 ? double.NaN : list.Count(p => p) / (double)list.Count;
    }
}

/// <summary>
/// One metric of one config: the original's mean and sample sd over its seeds next to our mean. The standard
/// error of the difference of two means of n seeds each is taken as the original's sd × √(2/n). A metric the
/// original holds constant on every seed (sd = 0) is compared by absolute distance instead.
/// </summary>
public sealed record PanelMetricComparison(string Name, double OriginalMean, double OriginalSd, double OurMean, int Seeds)
{
    /// <summary>Largest accepted distance of the means, in standard errors.</summary>
    public const double MaxDeviation = 5.0;

    /// <summary>
    /// Largest accepted |ours − original| for a metric with zero spread in the original. Those metrics are
    /// fractions of periods or firms, or flags (productivity_flatness, inflation_pct_in_bounds,
    /// firm_size_pct_below, output_growth_outliers, ...): 0.01 is one period or firm in a hundred on average.
    /// </summary>
    public const double ZeroSpreadTolerance = 0.01;

    public bool ZeroSpread => OriginalSd == 0.0;

    public double StandardError => OriginalSd * Math.Sqrt(2.0 / Seeds);

    /// <summary>(ours − original) / se; for a zero-spread metric, 0 when the means are equal, else ±∞.</summary>
    public double Deviation => ZeroSpread
        ? OurMean == OriginalMean ? 0.0 : Math.CopySign(double.PositiveInfinity, OurMean - OriginalMean)
        : (OurMean - OriginalMean) / StandardError;

    /// <summary>The share of the accepted distance this metric uses: above 1 fails (NaN when our mean is NaN).</summary>
    public double ShareOfAllowance => ZeroSpread
        ? Math.Abs(OurMean - OriginalMean) / ZeroSpreadTolerance
        : Math.Abs(Deviation) / MaxDeviation;

    public bool Holds => ShareOfAllowance <= 1.0;
}

/// <summary>One config of the panel: the three gate figures and the per-metric comparisons.</summary>
public sealed record PanelConfigComparison(
    PanelConfig Config,
    double OriginalMeanScore,
    double OurMeanScore,
    double OriginalPassRate,
    double OurPassRate,
    IReadOnlyList<PanelMetricComparison> Metrics)
{
    public const double MaxScoreGap = 0.015;
    public const double MaxPassRateGap = 0.2;

    public double ScoreGap => OurMeanScore - OriginalMeanScore;

    public double PassRateGap => OurPassRate - OriginalPassRate;

    /// <summary>Why this config fails the gate, one sentence per reason; empty when it holds.</summary>
    public IReadOnlyList<string> Failures
    {
        get
        {
            var failures = new List<string>();
            if (!(Math.Abs(ScoreGap) <= MaxScoreGap))
            {
                failures.Add($"{Config.Label}: mean score {OurMeanScore:F4} vs {OriginalMeanScore:F4} (max gap {MaxScoreGap})");
            }

            if (!(Math.Abs(PassRateGap) <= MaxPassRateGap))
            {
                failures.Add($"{Config.Label}: pass rate {OurPassRate:F2} vs {OriginalPassRate:F2} (max gap {MaxPassRateGap})");
            }

            foreach (var m in Metrics.Where(m => !m.Holds))
            {
                failures.Add($"{Config.Label}: {m.Name} mean {m.OurMean:G5} vs {m.OriginalMean:G5} ({PanelTable.Distance(m)})");
            }

            return failures;
        }
    }
}
