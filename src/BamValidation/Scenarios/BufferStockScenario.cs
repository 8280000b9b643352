using BamModel;
using BamValidation.Metrics;
using BamValidation.Scoring;
using Check = BamValidation.Scoring.CheckType;
using static BamValidation.Scoring.MetricFormat;
using static BamValidation.Scoring.MetricGroup;

namespace BamValidation.Scenarios;

/// <summary>
/// Scenario <c>buffer_stock</c> (book §3.9.4; validation.md §11): the 8 unique metrics, weights summing to 16.5,
/// scored on one buffer-stock run by the generic flow (docs/decisions.md, "buffer_stock validation flow").
/// </summary>
public static class BufferStockScenario
{
    public static IReadOnlyList<MetricSpec> Metrics { get; } =
    [
        new("sm_ccdf_r2", Scalar.SmCcdfR2, Check.Range, MetricTargets.Range(0.80, 1.0), 3.0, Distribution),
        new("dagum_ccdf_r2", Scalar.DagumCcdfR2, Check.Range, MetricTargets.Range(0.80, 1.0), 3.0, Distribution),
        new("gb2_ccdf_r2", Scalar.Gb2CcdfR2, Check.Range, MetricTargets.Range(0.80, 1.0), 2.0, Distribution),
        new("best_r2", Scalar.BestR2, Check.Range, MetricTargets.Range(0.85, 1.0), 3.0, Distribution),
        new("wealth_gini", Scalar.WealthGini, Check.Range, MetricTargets.Range(0.2, 0.8), 2.0, Distribution),
        new("wealth_skewness", Scalar.WealthSkewness, Check.Range, MetricTargets.Range(0.5, 10.0), 1.0, Distribution),
        new("mean_mpc", Scalar.MeanMpc, Check.Range, MetricTargets.Range(0.8, 1.1), 1.5, Financial),
        new("pct_dissaving", Scalar.PctDissaving, Check.Range, MetricTargets.Range(0.05, 0.55), 1.0, Financial, Percent),
    ];

    public static ValidationScenario Definition { get; } = new(BamScenarios.BufferStock, Metrics, BufferStockMetrics.Compute);
}
