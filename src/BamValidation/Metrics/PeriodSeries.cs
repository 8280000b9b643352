using BamModel.Recording;
using BamValidation.Numerics;
using static BamValidation.Numerics.MetricConstants;

namespace BamValidation.Metrics;

/// <summary>The growth_plus per-period financial series (validation.md §8 H10 and §10.1), one period at a time.</summary>
internal static class PeriodSeries
{
    /// <summary>
    /// H10: the principal-weighted mean rate of period t's recorded loans (r_bar when there are none or their
    /// principals sum to 0), minus that period's inflation.
    /// </summary>
    public static double RealInterestRate(RunSeries series, int t)
    {
        double principal = 0.0, weighted = 0.0;
        int end = series.LoanStart[t + 1];
        for (int l = series.LoanStart[t]; l < end; l++)
        {
            principal += series.LoanPrincipal[l];
            weighted += series.LoanPrincipal[l] * series.LoanRate[l];
        }

        double nominal = end > series.LoanStart[t] && principal > 0.0 ? weighted / principal : series.RBar;
        return nominal - series.Inflation[t];
    }

    /// <summary>The wage bill of the employed over aggregate net worth (the sum floored at EPS).</summary>
    public static double Fragility(RunSeries series, int t)
    {
        double sum = VectorMath.Sum(series.Row(series.NetWorth, t));
        return Stats.SafeDivide(series.WageSumEmployed[t], sum > Eps ? sum : Eps);
    }

    /// <summary>The average price over the market-clearing price Σ income_to_spend / Y (Y floored at EPS).</summary>
    public static double PriceRatio(RunSeries series, int t, double gdp)
    {
        double clearing = Stats.SafeDivide(series.IncomeToSpendSum[t], gdp > Eps ? gdp : Eps);
        return Stats.SafeDivide(series.AvgPrice[t], clearing);
    }

    /// <summary>The production-weighted coefficient of variation of prices (weights max(production, 0)).</summary>
    public static double PriceDispersion(RunSeries series, int t)
    {
        var price = series.Row(series.Price, t);
        var production = series.Row(series.Production, t);
        var (total, weighted) = VectorMath.PositiveWeightedSum(production, price);
        double norm = total > Eps ? total : Eps;
        double mean = weighted / norm;
        double variance = VectorMath.PositiveWeightedSquaredDeviations(production, price, mean) / norm;
        return Math.Sqrt(Math.Max(variance, 0.0)) / (mean > Eps ? mean : Eps);
    }

    /// <summary>The cross-firm std of net worth over |mean net worth| (floored at EPS).</summary>
    public static double EquityDispersion(RunSeries series, int t) => RelativeSpread(series.Row(series.NetWorth, t));

    /// <summary>The same for sales <c>price·(production − inventory)</c>; <paramref name="scratch"/> holds NFirms values.</summary>
    public static double SalesDispersion(RunSeries series, int t, double[] scratch)
    {
        var price = series.Row(series.Price, t);
        var production = series.Row(series.Production, t);
        var inventory = series.Row(series.Inventory, t);
        var sales = scratch.AsSpan(0, price.Length);
        for (int i = 0; i < sales.Length; i++)
        {
            sales[i] = price[i] * (production[i] - inventory[i]);
        }

        return RelativeSpread(sales);
    }

    /// <summary>Population std over |mean| (floored at EPS); NaN for an empty row.</summary>
    private static double RelativeSpread(ReadOnlySpan<double> x)
    {
        if (x.IsEmpty)
        {
            return double.NaN;
        }

        double mean = VectorMath.Sum(x) / x.Length;
        double std = Math.Sqrt(VectorMath.SumSquaredDeviations(x, mean) / x.Length);
        double denominator = Math.Abs(mean);
        return Stats.SafeDivide(std, denominator > Eps ? denominator : Eps);
    }
}
