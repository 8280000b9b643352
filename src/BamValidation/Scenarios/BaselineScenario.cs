using BamModel;
using BamValidation.Metrics;
using BamValidation.Scoring;
using Check = BamValidation.Scoring.CheckType;
using static BamValidation.Scoring.MetricFormat;
using static BamValidation.Scoring.MetricGroup;

namespace BamValidation.Scenarios;

/// <summary>Scenario <c>baseline</c> (book §3.9.1; validation.md §9): 25 metrics, weights summing to 32.75.</summary>
public static class BaselineScenario
{
    // Thresholds of the targets file that feed the metric computation.
    public const double UnemploymentFloor = 0.02;
    public const double UnemploymentCeiling = 0.12;
    public const double InflationLow = -0.05, InflationHigh = 0.15;
    public const double VacancyLow = 0.08, VacancyHigh = 0.20;
    public const double FirmSizeThreshold = 5.0;
    public const double FirmSizeMedium = 10.0;

    public static IReadOnlyList<MetricSpec> Metrics { get; } =
    [
        new("unemployment_rate_mean", Scalar.UnemploymentMean, Check.MeanTolerance, MetricTargets.MeanTolerance(0.065, 0.025), 1.5, TimeSeries, Percent),
        new("unemployment_absolute_ceiling", Scalar.UnemploymentMax, Check.Boolean, MetricTargets.None, 3.0, TimeSeries, Percent, Threshold: 0.20, Invert: true),
        new("unemployment_std", Scalar.UnemploymentStd, Check.Range, MetricTargets.Range(0.010, 0.030), 1.0, TimeSeries, Percent),
        new("unemployment_pct_above_floor", Scalar.UnemploymentPctAboveFloor, Check.PctWithin, MetricTargets.PctWithin(0.95, 0.90), 1.5, TimeSeries, Percent),
        new("unemployment_pct_below_ceiling", Scalar.UnemploymentPctBelowCeiling, Check.PctWithin, MetricTargets.PctWithin(0.95, 0.85), 0.5, TimeSeries, Percent),
        new("inflation_rate_mean", Scalar.InflationMean, Check.MeanTolerance, MetricTargets.MeanTolerance(0.05, 0.03), 1.5, TimeSeries, Percent),
        new("inflation_non_degenerate", Scalar.InflationMean, Check.Range, MetricTargets.Range(0.0, 0.10), 2.0, TimeSeries, Percent),
        new("inflation_pct_in_bounds", Scalar.InflationPctInBounds, Check.PctWithin, MetricTargets.PctWithin(0.90, 0.80), 1.0, TimeSeries, Percent),
        new("inflation_std", Scalar.InflationStd, Check.MeanTolerance, MetricTargets.MeanTolerance(0.020, 0.01), 0.5, TimeSeries, Percent),
        new("real_wage_mean", Scalar.RealWageMean, Check.MeanTolerance, MetricTargets.MeanTolerance(0.34, 0.03), 1.0, TimeSeries),
        new("real_wage_std", Scalar.RealWageStd, Check.MeanTolerance, MetricTargets.MeanTolerance(0.012, 0.010), 0.5, TimeSeries),
        new("productivity_flatness", Scalar.AvgProductivityStd, Check.MeanTolerance, MetricTargets.MeanTolerance(0.0, 0.001), 2.0, TimeSeries, Trend),
        new("wage_to_productivity_ratio", Scalar.WageToProductivityRatio, Check.Range, MetricTargets.Range(0.60, 0.70), 1.0, TimeSeries),
        new("vacancy_rate_mean", Scalar.VacancyRateMean, Check.MeanTolerance, MetricTargets.MeanTolerance(0.13, 0.03), 0.5, TimeSeries, Percent),
        new("vacancy_rate_pct_in_bounds", Scalar.VacancyRatePctInBounds, Check.PctWithin, MetricTargets.PctWithin(0.90, 0.80), 0.5, TimeSeries, Percent),
        new("phillips_correlation", Scalar.PhillipsCorr, Check.Range, MetricTargets.Range(-0.50, -0.05), 1.0, Curves),
        new("phillips_negative_sign", Scalar.PhillipsCorr, Check.Range, MetricTargets.Range(-1.0, 0.0), 3.0, Curves),
        new("okun_correlation", Scalar.OkunCorr, Check.Range, MetricTargets.Range(-0.98, -0.70), 1.5, Curves),
        new("okun_r_squared", Scalar.OkunRSquared, Check.Range, MetricTargets.Range(0.50, 1.0), 0.5, Curves),
        new("beveridge_correlation", Scalar.BeveridgeCorr, Check.Range, MetricTargets.Range(-0.65, -0.10), 2.0, Curves),
        new("beveridge_negative_sign", Scalar.BeveridgeCorr, Check.Range, MetricTargets.Range(-1.0, 0.0), 3.0, Curves),
        new("firm_size_skewness", Scalar.FirmSizeSkewness, Check.Range, MetricTargets.Range(1.0, 10.0), 1.5, Distribution),
        new("firm_size_pct_below", Scalar.FirmSizePctBelowThreshold, Check.Range, MetricTargets.Range(0.80, 0.99), 1.0, Distribution, Percent),
        new("firm_size_tail_ratio", Scalar.FirmSizeTailRatio, Check.Range, MetricTargets.Range(2.0, 10.0), 0.75, Distribution),
        new("firm_size_pct_below_medium", Scalar.FirmSizePctBelowMedium, Check.PctWithin, MetricTargets.PctWithin(0.98, 0.92), 0.5, Distribution, Percent),
    ];

    public static ValidationScenario Definition { get; } = new(BamScenarios.Baseline, Metrics, BaselineMetrics.Compute);
}
