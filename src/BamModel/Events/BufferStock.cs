using System.Runtime.Intrinsics;
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
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Four households at a time: each lane performs the scalar loop's operations, so the same bits. The
            // branches become selections; a lane's unused formula may divide by zero, and is discarded.
            var zero = Vector256<double>.Zero;
            var one = Vector256<double>.One;
            var hv = Vector256.Create(h);
            for (; j <= propensity.Length - 4; j += 4)
            {
                var w = Vector256.Create<double>(income[j..]);
                var wp = Vector256.Create<double>(prevIncome[j..]);
                var s = Vector256.Create<double>(savings[j..]);
                var g = Vector256.Max(w / wp - one, Vector256.Create(-0.99));
                var d = s / wp - hv;
                var normal = one + (d - hv * g) / (one + g);
                var fresh = one - hv + s / w;
                var working = Vector256.GreaterThan(w, zero);
                var c = Vector256.ConditionalSelect(
                    working,
                    Vector256.ConditionalSelect(Vector256.GreaterThan(wp, zero), normal, fresh),
                    Vector256.Create(unemployed));
                Vector256.Max(c, zero).CopyTo(propensity[j..]);
            }
        }

        for (; j < propensity.Length; j++)
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
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Four households at a time, the scalar loop's operations lane by lane (the same bits).
            var zero = Vector256<double>.Zero;
            for (; j <= income.Length - 4; j += 4)
            {
                var w = Vector256.Create<double>(income[j..]);
                var s = Vector256.Create<double>(savings[j..]);
                var c = Vector256.Create<double>(propensity[j..]);
                var b = Vector256.ConditionalSelect(Vector256.GreaterThan(w, zero), c * w, c * s);
                b = Vector256.Max(Vector256.Min(b, s + w), zero);
                w.CopyTo(prevIncome[j..]);
                b.CopyTo(budget[j..]);
                Vector256.Max(s + w - b, zero).CopyTo(savings[j..]);
                zero.CopyTo(income[j..]);
            }
        }

        for (; j < income.Length; j++)
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
