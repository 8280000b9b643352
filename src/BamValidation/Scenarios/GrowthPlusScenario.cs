using BamModel;
using BamValidation.Metrics;
using BamValidation.Scoring;
using Check = BamValidation.Scoring.CheckType;
using static BamValidation.Scoring.MetricFormat;
using static BamValidation.Scoring.MetricGroup;

namespace BamValidation.Scenarios;

/// <summary>Scenario <c>growth_plus</c> (book §3.9.2; validation.md §10): 66 metrics, weights summing to 86.75.</summary>
public static class GrowthPlusScenario
{
    // Thresholds of the targets file that feed the metric computation.
    public const double UnemploymentFloor = 0.02;
    public const double UnemploymentCeiling = 0.15;
    public const double InflationLow = -0.02, InflationHigh = 0.10;
    public const double VacancyLow = 0.08, VacancyHigh = 0.20;
    public const double FirmSizeThreshold = 150.0;
    public const double FirmSizeMedium = 100.0;
    public const double RealRateLow = -0.02, RealRateHigh = 0.12;
    public const double OutputTight = 0.05, OutputNormal = 0.10, OutputOutlier = 0.15;
    public const double NetWorthTight = 0.05, NetWorthNormal = 0.10, NetWorthOutlierLow = -0.50, NetWorthOutlierHigh = 0.20;

    public static IReadOnlyList<MetricSpec> Metrics { get; } =
    [
        new("unemployment_rate_mean", Scalar.UnemploymentMean, Check.MeanTolerance, MetricTargets.MeanTolerance(0.065, 0.02), 1.5, TimeSeries, Percent),
        new("unemployment_absolute_ceiling", Scalar.UnemploymentMax, Check.Boolean, MetricTargets.None, 3.0, TimeSeries, Percent, Threshold: 0.20, Invert: true),
        new("unemployment_std", Scalar.UnemploymentStd, Check.Range, MetricTargets.Range(0.02, 0.04), 1.0, TimeSeries, Percent),
        new("unemployment_pct_above_floor", Scalar.UnemploymentPctAboveFloor, Check.PctWithin, MetricTargets.PctWithin(0.90, 0.80), 1.5, TimeSeries, Percent),
        new("unemployment_pct_below_ceiling", Scalar.UnemploymentPctBelowCeiling, Check.PctWithin, MetricTargets.PctWithin(0.90, 0.80), 0.5, TimeSeries, Percent),
        new("inflation_rate_mean", Scalar.InflationMean, Check.MeanTolerance, MetricTargets.MeanTolerance(0.038, 0.025), 1.5, TimeSeries, Percent),
        new("inflation_hard_ceiling_upper", Scalar.InflationMax, Check.Boolean, MetricTargets.None, 3.0, TimeSeries, Percent, Threshold: 0.25, Invert: true),
        new("inflation_hard_floor", Scalar.InflationMin, Check.Boolean, MetricTargets.None, 3.0, TimeSeries, Percent, Threshold: -0.15),
        new("inflation_non_degenerate", Scalar.InflationMean, Check.Range, MetricTargets.Range(0.0, 0.10), 2.0, TimeSeries, Percent),
        new("inflation_pct_in_bounds", Scalar.InflationPctInBounds, Check.PctWithin, MetricTargets.PctWithin(0.90, 0.80), 1.5, TimeSeries, Percent),
        new("log_gdp_mean", Scalar.LogGdpMean, Check.MeanTolerance, MetricTargets.MeanTolerance(8.91, 0.20), 1.0, TimeSeries),
        new("log_gdp_trend", Scalar.LogGdpTrendCoefficient, Check.Range, MetricTargets.Range(0.001, 0.002), 2.0, TimeSeries, Trend),
        new("log_gdp_trend_positive", Scalar.LogGdpTrendCoefficient, Check.Boolean, MetricTargets.None, 2.0, TimeSeries, Trend, Threshold: 0.0),
        new("log_gdp_total_growth", Scalar.LogGdpTotalGrowth, Check.Range, MetricTargets.Range(0.45, 1.0), 1.0, TimeSeries),
        new("vacancy_rate_mean", Scalar.VacancyRateMean, Check.MeanTolerance, MetricTargets.MeanTolerance(0.13, 0.03), 0.5, TimeSeries, Percent),
        new("vacancy_rate_pct_in_bounds", Scalar.VacancyRatePctInBounds, Check.PctWithin, MetricTargets.PctWithin(0.90, 0.80), 0.5, TimeSeries, Percent),
        new("phillips_correlation", Scalar.PhillipsCorr, Check.Range, MetricTargets.Range(-0.50, -0.05), 1.5, Curves),
        new("phillips_negative_sign", Scalar.PhillipsCorr, Check.Range, MetricTargets.Range(-1.0, 0.0), 3.0, Curves),
        new("okun_correlation", Scalar.OkunCorr, Check.Range, MetricTargets.Range(-0.98, -0.70), 3.0, Curves),
        new("okun_weak_fail", Scalar.OkunCorr, Check.Boolean, MetricTargets.None, 3.0, Curves, Threshold: -0.50, Invert: true),
        new("beveridge_correlation", Scalar.BeveridgeCorr, Check.Range, MetricTargets.Range(-0.65, -0.10), 2.0, Curves),
        new("beveridge_negative_sign", Scalar.BeveridgeCorr, Check.Range, MetricTargets.Range(-1.0, 0.0), 3.0, Curves),
        new("firm_size_skewness", Scalar.FirmSizeSkewness, Check.MeanTolerance, MetricTargets.MeanTolerance(3.0, 2.0, min: 1.0, max: 10.0), 1.5, Distribution),
        new("firm_size_pct_below", Scalar.FirmSizePctBelowThreshold, Check.Range, MetricTargets.Range(0.85, 0.95), 0.5, Distribution, Percent),
        new("firm_size_tail_ratio", Scalar.FirmSizeTailRatio, Check.Range, MetricTargets.Range(2.0, 10.0), 0.75, Distribution),
        new("firm_size_pct_below_medium", Scalar.FirmSizePctBelowMedium, Check.PctWithin, MetricTargets.PctWithin(0.37, 0.30), 0.5, Distribution, Percent),
        new("productivity_growth", Scalar.TotalProductivityGrowth, Check.Range, MetricTargets.Range(0.8, 1.5), 1.5, Growth, Percent),
        new("real_wage_growth", Scalar.TotalRealWageGrowth, Check.Range, MetricTargets.Range(0.8, 1.5), 1.0, Growth, Percent),
        new("productivity_wage_correlation", Scalar.ProductivityWageCorrelation, Check.Range, MetricTargets.Range(0.55, 1.0), 2.0, Growth),
        new("wage_productivity_ratio_mean", Scalar.WageProductivityRatioMean, Check.Range, MetricTargets.Range(0.60, 0.70), 1.5, Growth),
        new("wage_productivity_ratio_std", Scalar.WageProductivityRatioStd, Check.Range, MetricTargets.Range(0.0, 0.10), 1.5, Growth),
        new("productivity_trend", Scalar.ProductivityTrendCoefficient, Check.Range, MetricTargets.Range(0.001, 0.002), 1.0, Growth, Trend),
        new("n_recessions", Scalar.NRecessions, Check.Range, MetricTargets.Range(2, 8), 1.5, Growth, Integer),
        new("avg_recession_length", Scalar.AvgRecessionLength, Check.Range, MetricTargets.Range(20, 100), 0.5, Growth),
        new("bankruptcies_mean", Scalar.BankruptciesMean, Check.MeanTolerance, MetricTargets.MeanTolerance(2.0, 1.5), 1.0, Financial),
        new("real_interest_rate_mean", Scalar.RealInterestRateMean, Check.MeanTolerance, MetricTargets.MeanTolerance(0.05, 0.025), 0.5, Financial, Percent),
        new("real_interest_rate_std", Scalar.RealInterestRateStd, Check.MeanTolerance, MetricTargets.MeanTolerance(0.025, 0.01), 0.5, Financial, Percent),
        new("real_interest_rate_pct_in_bounds", Scalar.RealInterestRatePctInBounds, Check.PctWithin, MetricTargets.PctWithin(0.80, 0.70), 0.5, Financial, Percent),
        new("financial_fragility_mean", Scalar.AvgFragilityMean, Check.MeanTolerance, MetricTargets.MeanTolerance(0.075, 0.025), 0.5, Financial),
        new("financial_fragility_cv", Scalar.FinancialFragilityCv, Check.MeanTolerance, MetricTargets.MeanTolerance(0.15, 0.08), 1.0, Financial),
        new("fragility_gdp_correlation", Scalar.FragilityGdpCorrelation, Check.Range, MetricTargets.Range(0.0, 1.0), 2.0, Financial),
        new("price_ratio_mean", Scalar.PriceRatioMean, Check.MeanTolerance, MetricTargets.MeanTolerance(1.375, 0.20), 0.75, Financial),
        new("price_ratio_cv", Scalar.PriceRatioCv, Check.MeanTolerance, MetricTargets.MeanTolerance(0.10, 0.08), 1.0, Financial),
        new("price_ratio_floor", Scalar.PriceRatioMin, Check.Boolean, MetricTargets.None, 2.0, Financial, Threshold: 1.0),
        new("price_ratio_gdp_correlation", Scalar.PriceRatioGdpCorrelation, Check.Range, MetricTargets.Range(-0.95, -0.40), 1.5, Financial),
        new("price_ratio_low_end", Scalar.PriceRatioP5, Check.Range, MetricTargets.Range(1.05, 1.55), 0.5, Financial),
        new("price_dispersion_mean", Scalar.PriceDispersionMean, Check.MeanTolerance, MetricTargets.MeanTolerance(0.275, 0.08), 0.75, Financial),
        new("price_dispersion_std", Scalar.PriceDispersionStd, Check.MeanTolerance, MetricTargets.MeanTolerance(0.037, 0.015), 1.0, Financial),
        new("price_dispersion_gdp_correlation", Scalar.PriceDispersionGdpCorrelation, Check.Range, MetricTargets.Range(0.0, 1.0), 1.5, Financial),
        new("equity_dispersion_mean", Scalar.EquityDispersionMean, Check.MeanTolerance, MetricTargets.MeanTolerance(1.75, 0.5), 0.5, Financial),
        new("equity_dispersion_cv", Scalar.EquityDispersionCv, Check.MeanTolerance, MetricTargets.MeanTolerance(0.34, 0.17), 1.0, Financial),
        new("equity_dispersion_gdp_correlation", Scalar.EquityDispersionGdpCorrelation, Check.Range, MetricTargets.Range(0.0, 1.0), 1.5, Financial),
        new("sales_dispersion_mean", Scalar.SalesDispersionMean, Check.MeanTolerance, MetricTargets.MeanTolerance(1.5, 0.5), 0.5, Financial),
        new("sales_dispersion_cv", Scalar.SalesDispersionCv, Check.MeanTolerance, MetricTargets.MeanTolerance(0.50, 0.25), 1.0, Financial),
        new("sales_dispersion_gdp_correlation", Scalar.SalesDispersionGdpCorrelation, Check.Range, MetricTargets.Range(0.0, 1.0), 1.5, Financial),
        new("minsky_hedge_pct", Scalar.MinskyHedgePct, Check.Range, MetricTargets.Range(0.50, 0.80), 0.5, Financial, Percent),
        new("minsky_ponzi_pct", Scalar.MinskyPonziPct, Check.Range, MetricTargets.Range(0.04, 0.12), 0.5, Financial, Percent),
        new("output_growth_pct_tight", Scalar.OutputGrowthPctWithinTight, Check.PctWithin, MetricTargets.PctWithin(0.95, 0.90), 1.0, GrowthRateDist, Percent),
        new("output_growth_pct_normal", Scalar.OutputGrowthPctWithinNormal, Check.PctWithin, MetricTargets.PctWithin(0.99, 0.96), 0.5, GrowthRateDist, Percent),
        new("output_growth_outliers", Scalar.OutputGrowthPctOutliers, Check.Outlier, MetricTargets.Outlier(0.02, 2.0), 1.5, GrowthRateDist, Percent),
        new("output_growth_tent_r2", Scalar.OutputGrowthTentR2, Check.Range, MetricTargets.Range(0.85, 1.0), 2.0, GrowthRateDist),
        new("output_growth_positive_frac", Scalar.OutputGrowthPositiveFrac, Check.Range, MetricTargets.Range(0.50, 0.85), 0.5, GrowthRateDist, Percent),
        new("networth_growth_pct_tight", Scalar.NetworthGrowthPctWithinTight, Check.PctWithin, MetricTargets.PctWithin(0.75, 0.60), 1.0, GrowthRateDist, Percent),
        new("networth_growth_pct_normal", Scalar.NetworthGrowthPctWithinNormal, Check.PctWithin, MetricTargets.PctWithin(0.90, 0.80), 0.5, GrowthRateDist, Percent),
        new("networth_growth_outliers", Scalar.NetworthGrowthPctOutliers, Check.Outlier, MetricTargets.Outlier(0.05, 2.0), 1.5, GrowthRateDist, Percent),
        new("networth_growth_tent_r2", Scalar.NetworthGrowthTentR2, Check.Range, MetricTargets.Range(0.65, 1.0), 1.5, GrowthRateDist),
    ];

    public static ValidationScenario Definition { get; } = new(BamScenarios.GrowthPlus, Metrics, GrowthPlusMetrics.Compute);
}
