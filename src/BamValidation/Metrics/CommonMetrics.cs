using BamModel.Recording;
using BamValidation.Numerics;

namespace BamValidation.Metrics;

/// <summary>The scalar groups baseline and growth_plus define the same way, up to their thresholds (validation.md §9, §10.1).</summary>
internal static class CommonMetrics
{
    /// <summary>Mean, std and max of U_ss, and the fractions with U ≥ floor and U ≤ ceiling.</summary>
    public static void Unemployment(Window window, MetricWorkspace ws, double floor, double ceiling, ScalarTable values)
    {
        var u = window.Level(ws.Unemployment);
        values[Scalar.UnemploymentMean] = Stats.Mean(u);
        values[Scalar.UnemploymentStd] = Stats.PopulationStd(u);
        values[Scalar.UnemploymentMax] = Stats.Max(u);
        values[Scalar.UnemploymentPctAboveFloor] = Fractions.AtLeast(u, floor);
        values[Scalar.UnemploymentPctBelowCeiling] = Fractions.AtMost(u, ceiling);
    }

    /// <summary>Mean of V_ss and the fraction in [lo, hi].</summary>
    public static void Vacancies(Window window, MetricWorkspace ws, double lo, double hi, ScalarTable values)
    {
        var v = window.Level(ws.VacancyRate);
        values[Scalar.VacancyRateMean] = Stats.Mean(v);
        values[Scalar.VacancyRatePctInBounds] = Fractions.InClosed(v, lo, hi);
    }

    /// <summary>
    /// Phillips corr(U_ss, gW_ss); Okun corr after H1 on (gU_ss, gY_ss) and its square; Beveridge corr(U_ss, V_ss).
    /// </summary>
    public static void Curves(Window window, MetricWorkspace ws, ScalarTable values)
    {
        var u = window.Level(ws.Unemployment);
        values[Scalar.PhillipsCorr] = Stats.Pearson(u, window.Growth(ws.WageInflation));
        values[Scalar.BeveridgeCorr] = Stats.Pearson(u, window.Level(ws.VacancyRate));

        int kept = IqrFilter.Apply(window.Growth(ws.UnemploymentGrowth), window.Growth(ws.GdpGrowth), ws.ScratchA, ws.ScratchB, ws.ScratchC);
        double okun = Stats.Pearson(ws.ScratchA.AsSpan(0, kept), ws.ScratchB.AsSpan(0, kept));
        values[Scalar.OkunCorr] = okun;
        values[Scalar.OkunRSquared] = okun * okun;
    }

    /// <summary>Firm sizes = production of the last recorded period, zeros included.</summary>
    public static void FirmSizes(RunSeries series, MetricWorkspace ws, double threshold, double medium, ScalarTable values)
    {
        var q = series.T > 0 ? series.Row(series.Production, series.T - 1) : [];
        values[Scalar.FirmSizeSkewness] = Stats.Skewness(q);
        values[Scalar.FirmSizePctBelowThreshold] = Fractions.Below(q, threshold);
        values[Scalar.FirmSizePctBelowMedium] = Fractions.Below(q, medium);
        double median = Stats.Percentile(q, 50.0, ws.FirmA);
        values[Scalar.FirmSizeTailRatio] = q.IsEmpty ? double.NaN : median > 0.0 ? Stats.Max(q) / median : 0.0;
    }
}
