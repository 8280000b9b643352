using BamModel.Recording;
using BamValidation.Numerics;
using BamValidation.Scenarios;
using static BamValidation.Scenarios.GrowthPlusScenario;

namespace BamValidation.Metrics;

/// <summary>The growth-rate distribution scalars of growth_plus (validation.md §10.1).</summary>
internal static class GrowthRateMetrics
{
    public static void Compute(RunSeries series, Window window, MetricWorkspace ws, ScalarTable values)
    {
        OutputGrowth(window, ws, values);
        NetWorthGrowth(series, ws, values);
    }

    /// <summary>og = diff(Y[B..T−1]) / Y[B..T−2], plain division (non-finite values are dropped by H6/H7).</summary>
    private static void OutputGrowth(Window window, MetricWorkspace ws, ScalarTable values)
    {
        var gdp = window.Level(ws.Gdp);
        var growth = ws.ScratchD.AsSpan(0, Math.Max(0, gdp.Length - 1));
        int finite = 0, nonNegative = 0;
        for (int k = 0; k < growth.Length; k++)
        {
            double g = (gdp[k + 1] - gdp[k]) / gdp[k];
            growth[k] = g;
            if (double.IsFinite(g))
            {
                finite++;
                nonNegative += g >= 0.0 ? 1 : 0;
            }
        }

        values[Scalar.OutputGrowthPctWithinTight] = Fractions.Within(growth, -OutputTight, OutputTight);
        values[Scalar.OutputGrowthPctWithinNormal] = Fractions.Within(growth, -OutputNormal, OutputNormal);
        values[Scalar.OutputGrowthPctOutliers] = 1.0 - Fractions.Within(growth, -OutputOutlier, OutputOutlier);
        values[Scalar.OutputGrowthTentR2] = TentShape.RSquared(growth, ws.ScratchA);
        values[Scalar.OutputGrowthPositiveFrac] = finite == 0 ? 0.0 : (double)nonNegative / finite;
    }

    /// <summary>A cross-section of the last two periods: firms with positive net worth in both (§13 item 15).</summary>
    private static void NetWorthGrowth(RunSeries series, MetricWorkspace ws, ScalarTable values)
    {
        int n = 0;
        if (series.T >= 2)
        {
            var before = series.Row(series.NetWorth, series.T - 2);
            var after = series.Row(series.NetWorth, series.T - 1);
            for (int i = 0; i < before.Length; i++)
            {
                if (before[i] > 0.0 && after[i] > 0.0)
                {
                    ws.FirmA[n++] = (after[i] - before[i]) / before[i];
                }
            }
        }

        var growth = ws.FirmA.AsSpan(0, n);
        values[Scalar.NetworthGrowthPctWithinTight] = Fractions.Within(growth, -NetWorthTight, NetWorthTight);
        values[Scalar.NetworthGrowthPctWithinNormal] = Fractions.Within(growth, -NetWorthNormal, NetWorthNormal);
        values[Scalar.NetworthGrowthPctOutliers] = 1.0 - Fractions.Within(growth, NetWorthOutlierLow, NetWorthOutlierHigh);
        values[Scalar.NetworthGrowthTentR2] = TentShape.RSquared(growth, ws.FirmB);
    }
}
