using BamValidation.Scoring;

namespace BamValidation.Reference;

/// <summary>
/// Our model at defaults against the original's reference figures (validation.md §12): per metric, whether our
/// 20-seed mean lies inside the original's range widened by one sample std, and the status counts of both.
/// </summary>
public static class ReferenceComparison
{
    public const int DefaultPeriods = 1000;

    /// <summary>Runs every scenario of <paramref name="reference"/> at defaults over its seeds and compares.</summary>
    public static IReadOnlyList<ScenarioComparison> RunAll(ReferenceData reference, int nPeriods = DefaultPeriods)
    {
        var results = new List<ScenarioComparison>();
        foreach (var scenario in reference.Scenarios)
        {
            results.Add(Run(scenario, nPeriods));
        }

        return results;
    }

    /// <summary>Runs one scenario at defaults for the reference's seeds (in parallel, kept in seed order) and compares.</summary>
    public static ScenarioComparison Run(ReferenceScenario reference, int nPeriods = DefaultPeriods)
    {
        var seeds = reference.Seeds;
        var ours = new ValidationScore[seeds.Count];
        Parallel.For(0, seeds.Count, i => ours[i] = BamValidator.RunAndValidate(reference.Name, [], seeds[i].Seed, nPeriods));
        return Compare(reference, ours);
    }

    /// <summary>Compares our per-seed results (any number of seeds) with the reference summary.</summary>
    public static ScenarioComparison Compare(ReferenceScenario reference, IReadOnlyList<ValidationScore> ours)
    {
        var metrics = new List<MetricComparison>();
        foreach (var summary in reference.Metrics)
        {
            var values = ours.Select(s => s.Find(summary.Name)).Where(r => r is not null).Select(r => r!).ToList();
            double[] actual = values.Select(r => r.Actual).ToArray();
            metrics.Add(new MetricComparison(
                summary.Name,
                summary.ActualMean,
                summary.ActualMin,
                summary.ActualMax,
                summary.ActualStdSample,
                summary.NWarn,
                summary.NFail,
                reference.Seeds.Count,
                actual.Length == 0 ? double.NaN : actual.Average(),
                actual.Length == 0 ? double.NaN : actual.Min(),
                actual.Length == 0 ? double.NaN : actual.Max(),
                values.Count(r => r.Status == Status.Warn),
                values.Count(r => r.Status == Status.Fail),
                values.Count));
        }

        return new ScenarioComparison(
            reference.Name,
            reference.TotalScoreMean,
            ours.Count == 0 ? double.NaN : ours.Average(s => s.TotalScore),
            ours.Count == 0 ? double.NaN : ours.Count(s => s.Passed) / (double)ours.Count,
            metrics,
            ours);
    }

    /// <summary>Runs every scenario of <paramref name="reference"/> and returns the comparison tables as text (for a CLI).</summary>
    public static string Report(ReferenceData reference, int nPeriods = DefaultPeriods) => Report(RunAll(reference, nPeriods));

    /// <summary>The comparison tables of all scenarios, as text for a console.</summary>
    public static string Report(IEnumerable<ScenarioComparison> comparisons) =>
        string.Join(Environment.NewLine, comparisons.Select(ComparisonTable.Format));
}

/// <summary>One metric: the original's 20-seed statistics next to ours.</summary>
public sealed record MetricComparison(
    string Name,
    double ReferenceMean,
    double ReferenceMin,
    double ReferenceMax,
    double ReferenceStd,
    int ReferenceWarn,
    int ReferenceFail,
    int ReferenceSeeds,
    double OurMean,
    double OurMin,
    double OurMax,
    int OurWarn,
    int OurFail,
    int OurSeeds)
{
    /// <summary>Our mean lies inside <c>[min − sd, max + sd]</c> of the original (sample sd).</summary>
    public bool InsideWidenedRange =>
        ReferenceMin - ReferenceStd <= OurMean && OurMean <= ReferenceMax + ReferenceStd;

    public bool ReferenceWarnsOnAllSeeds => ReferenceWarn == ReferenceSeeds;

    public bool OursWarnsOnAllSeeds => OurSeeds > 0 && OurWarn == OurSeeds;

    /// <summary>How many original std our mean is from the original's mean.</summary>
    public double StdDistance => ReferenceStd > 0.0 ? (OurMean - ReferenceMean) / ReferenceStd : OurMean == ReferenceMean ? 0.0 : double.PositiveInfinity;
}

/// <summary>One scenario: the per-metric comparisons and the three acceptance figures.</summary>
public sealed record ScenarioComparison(
    string Scenario,
    double ReferenceMeanScore,
    double OurMeanScore,
    double OurPassRate,
    IReadOnlyList<MetricComparison> Metrics,
    IReadOnlyList<ValidationScore> OurSeeds)
{
    public const double MaxScoreGap = 0.02;
    public const double MinPassRate = 0.9;
    public const double MinFractionInside = 0.9;

    public double ScoreGap => Math.Abs(OurMeanScore - ReferenceMeanScore);

    public double FractionInside => Metrics.Count == 0 ? 0.0 : Metrics.Count(m => m.InsideWidenedRange) / (double)Metrics.Count;

    public bool MeetsThresholds => ScoreGap <= MaxScoreGap && OurPassRate >= MinPassRate && FractionInside >= MinFractionInside;
}
