using BamModel.Recording;
using BamValidation.Numerics;
using BamValidation.Scenarios;

namespace BamValidation.Metrics;

/// <summary>The scalars of scenario <c>baseline</c> (validation.md §9).</summary>
internal static class BaselineMetrics
{
    public static void Compute(RunSeries series, int burnIn, MetricWorkspace ws, ScalarTable values)
    {
        var window = new Window(series.T, burnIn);
        DerivedSeries.Fill(series, ws);
        CommonMetrics.Unemployment(window, ws, BaselineScenario.UnemploymentFloor, BaselineScenario.UnemploymentCeiling, values);

        // Inflation over the FULL series, burn-in and initial zeros included (§13 item 1).
        var inflation = series.Inflation.AsSpan(0, series.T);
        values[Scalar.InflationMean] = Stats.Mean(inflation);
        values[Scalar.InflationStd] = Stats.PopulationStd(inflation);
        values[Scalar.InflationPctInBounds] = Fractions.InClosed(inflation, BaselineScenario.InflationLow, BaselineScenario.InflationHigh);

        var realWage = window.Level(ws.RealWage);
        var productivity = window.Level(ws.Productivity);
        double wageMean = Stats.Mean(realWage);
        double productivityMean = Stats.Mean(productivity);
        values[Scalar.RealWageMean] = wageMean;
        values[Scalar.RealWageStd] = Stats.PopulationStd(realWage);
        values[Scalar.AvgProductivityMean] = productivityMean;
        values[Scalar.AvgProductivityStd] = Stats.PopulationStd(productivity);

        // A ratio of means here; growth_plus uses a mean of ratios (§13 item 2).
        values[Scalar.WageToProductivityRatio] = productivityMean > 0.0 ? wageMean / productivityMean : 0.0;

        CommonMetrics.Vacancies(window, ws, BaselineScenario.VacancyLow, BaselineScenario.VacancyHigh, values);
        CommonMetrics.Curves(window, ws, values);
        CommonMetrics.FirmSizes(series, ws, BaselineScenario.FirmSizeThreshold, BaselineScenario.FirmSizeMedium, values);
    }
}
