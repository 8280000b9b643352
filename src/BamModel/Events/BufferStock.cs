using BamModel.Roles;
using BufferStockRole = BamModel.Roles.BufferStock;

namespace BamModel.Events;

/// <summary>The buffer-stock consumption extension (bam-model §3.2): replaces #25 and #26.</summary>
public static class BufferStock
{
    /// <summary>
    /// consumers_calc_buffer_stock_propensity (replaces #25). Reads: W = income (this period's wages),
    /// Wp = prev_income, S = savings, h. Computes: c = 1/h by default (W ≤ 0); normal (Wp &gt; 0, W &gt; 0):
    /// g = max(W/Wp − 1, −0.99), d = S/Wp − h, c = 1 + (d − h·g)/(1 + g); fresh start (Wp ≤ 0, W &gt; 0):
    /// c = 1 − h + S/W; then c = max(c, 0). Writes: BufferStock.propensity (Consumer.propensity untouched).
    /// </summary>
    public static void ConsumersCalcBufferStockPropensity(BufferStockRole bs, Consumer con, double h)
    {
        ReadOnlySpan<double> income = con.Income, savings = con.Savings, prevIncome = bs.PrevIncome;
        Span<double> propensity = bs.Propensity;
        double unemployed = 1.0 / h;
        for (int j = 0; j < propensity.Length; j++)
        {
            double w = income[j], wp = prevIncome[j], s = savings[j], c = unemployed;
            if (w > 0.0 && wp > 0.0)
            {
                double g = Math.Max(w / wp - 1.0, -0.99);
                double d = s / wp - h;
                c = 1.0 + (d - h * g) / (1.0 + g);
            }
            else if (w > 0.0)
            {
                c = 1.0 - h + s / w;
            }

            propensity[j] = Math.Max(c, 0.0);
        }
    }

    /// <summary>
    /// consumers_decide_buffer_stock_spending (replaces #26). Computes: budget = c·W if W &gt; 0 else c·S, then
    /// min(budget, S + W), then max(budget, 0). Writes: prev_income := W; income_to_spend := budget;
    /// savings := max(S + W − budget, 0); income := 0.
    /// </summary>
    public static void ConsumersDecideBufferStockSpending(BufferStockRole bs, Consumer con)
    {
        Span<double> income = con.Income, savings = con.Savings, budget = con.IncomeToSpend, prevIncome = bs.PrevIncome;
        ReadOnlySpan<double> propensity = bs.Propensity;
        for (int j = 0; j < income.Length; j++)
        {
            double w = income[j], s = savings[j], c = propensity[j];
            double b = w > 0.0 ? c * w : c * s;
            b = Math.Max(Math.Min(b, s + w), 0.0);
            prevIncome[j] = w;
            budget[j] = b;
            savings[j] = Math.Max(s + w - b, 0.0);
            income[j] = 0.0;
        }
    }
}
