using BamModel.Recording;
using BamValidation.Numerics;
using BamValidation.Scenarios;

namespace BamValidation.Metrics;

/// <summary>The scalars of scenario <c>growth_plus</c> (validation.md §10.1).</summary>
internal static class GrowthPlusMetrics
{
    public static void Compute(RunSeries series, int burnIn, MetricWorkspace ws, ScalarTable values)
    {
        var window = new Window(series.T, burnIn);
        DerivedSeries.Fill(series, ws);
        CommonMetrics.Unemployment(window, ws, GrowthPlusScenario.UnemploymentFloor, GrowthPlusScenario.UnemploymentCeiling, values);
        Inflation(series, window, values);
        LogGdp(window, ws, values);
        CommonMetrics.Vacancies(window, ws, GrowthPlusScenario.VacancyLow, GrowthPlusScenario.VacancyHigh, values);
        CommonMetrics.Curves(window, ws, values);
        CommonMetrics.FirmSizes(series, ws, GrowthPlusScenario.FirmSizeThreshold, GrowthPlusScenario.FirmSizeMedium, values);
        Growth(window, ws, values);
        Recessions(series.T, window, ws, values);
        FinancialMetrics.Compute(series, window, ws, values);
        GrowthRateMetrics.Compute(series, window, ws, values);
    }

    /// <summary>Inflation over the post-burn-in window (unlike baseline, §13 item 1).</summary>
    private static void Inflation(RunSeries series, Window window, ScalarTable values)
    {
        var inflation = window.Level(series.Inflation);
        values[Scalar.InflationMean] = Stats.Mean(inflation);
        values[Scalar.InflationMax] = Stats.Max(inflation);
        values[Scalar.InflationMin] = Stats.Min(inflation);
        values[Scalar.InflationPctInBounds] = Fractions.Within(inflation, GrowthPlusScenario.InflationLow, GrowthPlusScenario.InflationHigh);
    }

    private static void LogGdp(Window window, MetricWorkspace ws, ScalarTable values)
    {
        var logGdp = window.Level(ws.LogGdp);
        values[Scalar.LogGdpMean] = Stats.Mean(logGdp);
        values[Scalar.LogGdpTrendCoefficient] = Stats.TrendSlope(logGdp);
        values[Scalar.LogGdpTotalGrowth] = logGdp.IsEmpty ? double.NaN : logGdp[^1] - logGdp[0];
    }

    private static void Growth(Window window, MetricWorkspace ws, ScalarTable values)
    {
        var productivity = window.Level(ws.Productivity);
        var realWage = window.Level(ws.RealWage);
        values[Scalar.TotalProductivityGrowth] = TotalGrowth(productivity);
        values[Scalar.TotalRealWageGrowth] = TotalGrowth(realWage);

        var logProductivity = ws.ScratchA.AsSpan(0, productivity.Length);
        for (int i = 0; i < productivity.Length; i++)
        {
            logProductivity[i] = Math.Log(productivity[i] > 0.0 ? productivity[i] : MetricConstants.Eps);
        }

        values[Scalar.ProductivityTrendCoefficient] = Stats.TrendSlope(logProductivity);
        values[Scalar.ProductivityWageCorrelation] = DetrendedCorrelation.Compute(productivity, realWage, ws.ScratchB, ws.ScratchC);

        // A mean of per-period ratios here; baseline uses a ratio of means (§13 item 2).
        var ratio = ws.Ratio.AsSpan(0, productivity.Length);
        for (int i = 0; i < ratio.Length; i++)
        {
            ratio[i] = Stats.SafeDivide(realWage[i], productivity[i]);
        }

        values[Scalar.WageProductivityRatioMean] = Stats.Mean(ratio);
        values[Scalar.WageProductivityRatioStd] = Stats.PopulationStd(ratio);
    }

    /// <summary>(last − first) / first over the window, or 0 unless the first value is positive.</summary>
    private static double TotalGrowth(ReadOnlySpan<double> x)
    {
        if (x.IsEmpty)
        {
            return double.NaN;
        }

        return x[0] > 0.0 ? (x[^1] - x[0]) / x[0] : 0.0;
    }

    /// <summary>H8 on the full log-GDP series, then H9 on the post-burn-in periods (§13 item 7).</summary>
    private static void Recessions(int t, Window window, MetricWorkspace ws, ScalarTable values)
    {
        RecessionDetector.Flag(ws.LogGdp.AsSpan(0, t), ws.Flags, ws.ScratchA, ws.Peaks, ws.Troughs, ws.PeakScratch);
        var (count, meanLength) = RecessionDetector.Episodes(ws.Flags.AsSpan(0, t), window.BurnIn);
        values[Scalar.NRecessions] = count;
        values[Scalar.AvgRecessionLength] = meanLength;
    }
}
