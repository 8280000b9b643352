using BamModel.Recording;
using BamValidation.Numerics;
using BamValidation.Scenarios;

namespace BamValidation.Metrics;

/// <summary>The financial scalars of growth_plus (validation.md §10.1, "Financial"), over the post-burn-in window.</summary>
internal static class FinancialMetrics
{
    public static void Compute(RunSeries series, Window window, MetricWorkspace ws, ScalarTable values)
    {
        int n = window.Length;
        values[Scalar.BankruptciesMean] = Bankruptcies(series, window);

        var realRate = ws.RealRate.AsSpan(0, n);
        var fragility = ws.Fragility.AsSpan(0, n);
        var priceRatio = ws.PriceRatio.AsSpan(0, n);
        var priceDispersion = ws.PriceDispersion.AsSpan(0, n);
        var equityDispersion = ws.EquityDispersion.AsSpan(0, n);
        var salesDispersion = ws.SalesDispersion.AsSpan(0, n);
        for (int k = 0; k < n; k++)
        {
            int t = window.BurnIn + k;
            realRate[k] = PeriodSeries.RealInterestRate(series, t);
            fragility[k] = PeriodSeries.Fragility(series, t);
            priceRatio[k] = PeriodSeries.PriceRatio(series, t, ws.Gdp[t]);
            priceDispersion[k] = PeriodSeries.PriceDispersion(series, t);
            equityDispersion[k] = PeriodSeries.EquityDispersion(series, t);
            salesDispersion[k] = PeriodSeries.SalesDispersion(series, t, ws.FirmA);
        }

        values[Scalar.RealInterestRateMean] = Stats.Mean(realRate);
        values[Scalar.RealInterestRateStd] = Stats.PopulationStd(realRate);
        values[Scalar.RealInterestRatePctInBounds] = Fractions.Within(realRate, GrowthPlusScenario.RealRateLow, GrowthPlusScenario.RealRateHigh);

        MovingAverage.Centred5(window.Level(ws.LogGdp), ws.SmoothedLogGdp.AsSpan(0, n));

        values[Scalar.AvgFragilityMean] = Stats.Mean(fragility);
        values[Scalar.FinancialFragilityCv] = Stats.CoefficientOfVariation(fragility);
        values[Scalar.FragilityGdpCorrelation] = Cyclicality(fragility, ws);

        values[Scalar.PriceRatioMean] = Stats.Mean(priceRatio);
        values[Scalar.PriceRatioCv] = Stats.CoefficientOfVariation(priceRatio);
        // The "min" is the 1st percentile (§13 item 3). One sort serves both percentiles.
        double p1 = Stats.Percentile(priceRatio, 1.0, ws.ScratchD);
        values[Scalar.PriceRatioMin] = p1;
        values[Scalar.PriceRatioP5] = double.IsNaN(p1) ? double.NaN : Stats.PercentileOfSorted(ws.ScratchD.AsSpan(0, n), 5.0);
        values[Scalar.PriceRatioGdpCorrelation] = Cyclicality(priceRatio, ws);

        values[Scalar.PriceDispersionMean] = Stats.Mean(priceDispersion);
        values[Scalar.PriceDispersionStd] = Stats.PopulationStd(priceDispersion);
        values[Scalar.PriceDispersionGdpCorrelation] = Cyclicality(priceDispersion, ws);

        values[Scalar.EquityDispersionMean] = Stats.Mean(equityDispersion);
        values[Scalar.EquityDispersionCv] = Stats.CoefficientOfVariation(equityDispersion);
        values[Scalar.EquityDispersionGdpCorrelation] = Cyclicality(equityDispersion, ws);

        values[Scalar.SalesDispersionMean] = Stats.Mean(salesDispersion);
        values[Scalar.SalesDispersionCv] = Stats.CoefficientOfVariation(salesDispersion);
        values[Scalar.SalesDispersionGdpCorrelation] = Cyclicality(salesDispersion, ws);

        MinskyShares(series, window, ws, values);
    }

    /// <summary>H4 against the smoothed post-burn-in log GDP, which the caller has put in the workspace.</summary>
    private static double Cyclicality(ReadOnlySpan<double> series, MetricWorkspace ws) =>
        GdpCyclicality.Compute(series, ws.SmoothedLogGdp.AsSpan(0, series.Length), ws.ScratchA, ws.ScratchB, ws.ScratchC);

    private static double Bankruptcies(RunSeries series, Window window)
    {
        if (window.Length == 0)
        {
            return double.NaN;
        }

        long sum = 0;
        for (int t = window.BurnIn; t < window.T; t++)
        {
            sum += series.FirmBankruptcies[t];
        }

        return (double)sum / window.Length;
    }

    /// <summary>
    /// Per period, each firm is hedge if its funds cover its debt <c>Σ principal·(1+rate)</c>, Ponzi if they do
    /// not cover the interest <c>Σ principal·rate</c>, speculative otherwise; the shares are averaged over t.
    /// </summary>
    private static void MinskyShares(RunSeries series, Window window, MetricWorkspace ws, ScalarTable values)
    {
        int nFirms = series.NFirms;
        var debt = ws.FirmA.AsSpan(0, nFirms);
        var interest = ws.FirmB.AsSpan(0, nFirms);
        double hedge = 0.0, ponzi = 0.0, speculative = 0.0;
        for (int t = window.BurnIn; t < window.T; t++)
        {
            debt.Clear();
            interest.Clear();
            for (int l = series.LoanStart[t]; l < series.LoanStart[t + 1]; l++)
            {
                int firm = series.LoanBorrower[l];
                double principal = series.LoanPrincipal[l], rate = series.LoanRate[l];
                debt[firm] += principal * (1.0 + rate);
                interest[firm] += principal * rate;
            }

            var funds = series.Row(series.TotalFunds, t);
            int nHedge = 0, nPonzi = 0;
            for (int i = 0; i < nFirms; i++)
            {
                if (funds[i] >= debt[i])
                {
                    nHedge++;
                }
                else if (funds[i] < interest[i])
                {
                    nPonzi++;
                }
            }

            hedge += (double)nHedge / nFirms;
            ponzi += (double)nPonzi / nFirms;
            speculative += (double)(nFirms - nHedge - nPonzi) / nFirms;
        }

        int n = window.Length;
        values[Scalar.MinskyHedgePct] = n > 0 ? hedge / n : double.NaN;
        values[Scalar.MinskyPonziPct] = n > 0 ? ponzi / n : double.NaN;
        values[Scalar.MinskySpeculativePct] = n > 0 ? speculative / n : double.NaN;
    }
}
