using BamModel.Recording;
using BamValidation.Metrics.Wealth;
using BamValidation.Numerics;

namespace BamValidation.Metrics;

/// <summary>
/// The 8 scalars of scenario <c>buffer_stock</c> (validation.md §11.1), from the last recorded period only,
/// over the households employed then.
/// </summary>
internal static class BufferStockMetrics
{
    private const double DissavingPropensity = 1.0;

    public static void Compute(RunSeries series, int burnIn, MetricWorkspace ws, ScalarTable values)
    {
        if (series.T == 0)
        {
            return;
        }

        var employed = series.FinalEmployed.AsSpan(0, series.NHouseholds);
        var savings = ws.HouseholdA;
        var mpc = ws.HouseholdB;
        int n = 0;
        for (int h = 0; h < employed.Length; h++)
        {
            if (!employed[h])
            {
                continue;
            }

            double wage = series.FinalWage[h];
            double dividendShare = wage > 0.0 ? series.FinalDividends[h] / wage : 0.0;
            savings[n] = series.FinalSavings[h];
            mpc[n] = series.FinalBufferPropensity[h] - dividendShare;
            n++;
        }

        var wealth = savings.AsSpan(0, n);
        ws.Wealth.Load(wealth);
        var fits = WealthFits.Fit(ws.Wealth);
        values[Scalar.SmCcdfR2] = fits.SinghMaddala.RSquared;
        values[Scalar.DagumCcdfR2] = fits.Dagum.RSquared;
        values[Scalar.Gb2CcdfR2] = fits.Gb2.RSquared;
        values[Scalar.BestR2] = fits.BestRSquared;
        values[Scalar.WealthGini] = Gini.Coefficient(wealth, ws.HouseholdC);
        values[Scalar.WealthSkewness] = Stats.Skewness(wealth);

        var adjusted = mpc.AsSpan(0, n);
        values[Scalar.MeanMpc] = Stats.Mean(adjusted);
        values[Scalar.StdMpc] = Stats.PopulationStd(adjusted);
        values[Scalar.PctDissaving] = Fractions.Above(adjusted, DissavingPropensity);
    }
}
