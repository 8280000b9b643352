using BamModel.Recording;
using BamValidation.Numerics;
using static BamValidation.Numerics.Stats;

namespace BamValidation.Metrics;

/// <summary>The per-period series common to all scenarios (validation.md §7.1), computed into the workspace.</summary>
internal static class DerivedSeries
{
    /// <summary>
    /// Fills U, Y, ln Y, A, W̄, w and V for t = 0..T−1, and the growth series gW, gY, gU for k = 0..T−2.
    /// </summary>
    public static void Fill(RunSeries series, MetricWorkspace ws)
    {
        int t = series.T;
        double households = series.NHouseholds;
        for (int p = 0; p < t; p++)
        {
            var production = series.Row(series.Production, p);
            double y = VectorMath.Sum(production);
            double weighted = VectorMath.Dot(series.Row(series.LaborProductivity, p), production);

            int employed = series.Employed[p];
            double avgWage = employed > 0 ? series.WageSumEmployed[p] / employed : 0.0;
            ws.Gdp[p] = y;
            ws.LogGdp[p] = Math.Log(y);
            ws.Productivity[p] = SafeDivide(weighted, y);
            ws.Unemployment[p] = 1.0 - employed / households;
            ws.AvgWage[p] = avgWage;
            ws.RealWage[p] = SafeDivide(avgWage, series.AvgPrice[p]);
            ws.VacancyRate[p] = SafeDivide(series.Vacancies[p], households);
        }

        for (int k = 0; k < t - 1; k++)
        {
            double w = ws.AvgWage[k], u = ws.Unemployment[k];
            ws.WageInflation[k] = SafeDivide(ws.AvgWage[k + 1] - w, w > 0.0 ? w : 1.0);
            ws.GdpGrowth[k] = SafeDivide(ws.Gdp[k + 1] - ws.Gdp[k], ws.Gdp[k]);
            ws.UnemploymentGrowth[k] = SafeDivide(ws.Unemployment[k + 1] - u, u > 0.0 ? u : 1.0);
        }
    }
}
