using System.Runtime.Intrinsics;
using BamModel.Algorithms;
using BamModel.Roles;

namespace BamModel.Events;

/// <summary>Phase 5, goods market: events #25–#29 of bam-model §2.5.</summary>
public static class GoodsMarket
{
    /// <summary>
    /// #25 consumers_calc_propensity (baseline rule; the docstring's income formula is wrong, §7.3).
    /// Reads: savings of all households, before this period's wage income is added. Computes: avg = max(mean
    /// savings, EPS) taken before the clamp; savings := max(savings, 0); c = 1 / (1 + tanh(savings / avg)^β), in (0.5, 1].
    /// Writes: propensity, savings (clamp).
    /// </summary>
    public static void ConsumersCalcPropensity(Consumer con, double beta)
    {
        Span<double> savings = con.Savings, propensity = con.Propensity;
        double sum = 0.0;
        foreach (double saved in savings)
        {
            sum += saved;
        }

        double avg = Math.Max(sum / savings.Length, Constants.Eps);
        double inverseAvg = 1.0 / avg;
        int halves = DetMath.HalfIntegerExponent(beta);
        int j = 0;
        if (halves >= 0 && Vector256.IsHardwareAccelerated)
        {
            // Four households at a time; the same operations as the scalar loop below, so the same bits.
            var zero = Vector256<double>.Zero;
            var one = Vector256<double>.One;
            var scale = Vector256.Create(inverseAvg);
            for (; j <= savings.Length - 4; j += 4)
            {
                var s = Vector256.Create<double>(savings[j..]);
                s = Vector256.ConditionalSelect(Vector256.LessThan(s, zero), zero, s);
                s.CopyTo(savings[j..]);
                var power = DetMath.PowHalfInteger(DetMath.TanhNonNegative(s * scale), halves);
                (one / (one + power)).CopyTo(propensity[j..]);
            }
        }

        for (; j < savings.Length; j++)
        {
            double s = savings[j] < 0.0 ? 0.0 : savings[j];
            savings[j] = s;
            double t = DetMath.TanhNonNegative(s * inverseAvg);
            double power = halves >= 0 ? DetMath.PowHalfInteger(t, halves) : DetMath.PowNonNegative(t, beta);
            propensity[j] = 1.0 / (1.0 + power);
        }
    }

    /// <summary>
    /// #26 consumers_decide_income_to_spend (baseline rule). Computes: wealth = savings + income; budget = wealth · c.
    /// Writes: income_to_spend = budget, savings = wealth − budget, income := 0.
    /// </summary>
    public static void ConsumersDecideIncomeToSpend(Consumer con)
    {
        Span<double> savings = con.Savings, income = con.Income, budget = con.IncomeToSpend;
        ReadOnlySpan<double> propensity = con.Propensity;
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j <= savings.Length - 4; j += 4)
            {
                var wealth = Vector256.Create<double>(savings[j..]) + Vector256.Create<double>(income[j..]);
                var b = wealth * Vector256.Create<double>(propensity[j..]);
                b.CopyTo(budget[j..]);
                (wealth - b).CopyTo(savings[j..]);
                Vector256<double>.Zero.CopyTo(income[j..]);
            }
        }

        for (; j < savings.Length; j++)
        {
            double wealth = savings[j] + income[j];
            double b = wealth * propensity[j];
            budget[j] = b;
            savings[j] = wealth - b;
            income[j] = 0.0;
        }
    }

    /// <summary>
    /// #27 consumers_decide_firms_to_visit.
    /// Clears every shop queue. Active consumers: budget &gt; EPS, ascending (none: return, loyalty unchanged).
    /// Z = min(max_Z, NF). Random: Z distinct firms per active consumer from all firms (<see cref="SampleKPerRow"/>),
    /// the loyalty firm forced into column 0 in loyalty mode. Computes: the row sorted by price ascending, stable
    /// (on a tie the loyal firm stays first). Writes: shop_visits_targets/head; in loyalty mode, before any purchase,
    /// largest_prod_prev := the visited firm with the highest current production (first in price order on a tie).
    /// </summary>
    public static void ConsumersDecideFirmsToVisit(Consumer con, Producer prod, ConsumerMatching matching, Rng rng)
    {
        Span<int> targets = con.ShopVisitsTargets, head = con.ShopVisitsHead, loyal = con.LargestProdPrev;
        targets.Fill(-1);
        head.Fill(-1);
        int nFirms = prod.Count, maxZ = con.MaxZ, z = Math.Min(maxZ, nFirms);
        bool loyalty = matching == ConsumerMatching.Loyalty;
        Span<int> perm = con.Perm.AsSpan(0, nFirms);
        SampleKPerRow.InitPermutation(perm);
        ReadOnlySpan<double> budget = con.IncomeToSpend, price = prod.Price, production = prod.Production;
        Span<int> undo = con.Undo;
        Xoshiro256 g = rng.State;
        for (int j = 0; j < budget.Length; j++)
        {
            if (!(budget[j] > Constants.Eps))
            {
                continue;
            }

            Span<int> row = targets.Slice(j * maxZ, z);
            SampleKPerRow.DrawRow(row, z, nFirms, loyalty ? loyal[j] : -1, perm, undo, ref g);
            SmallSort.ByKeyAscending(row, price);
            head[j] = j * maxZ;
            if (loyalty)
            {
                int best = row[0];
                for (int c = 1; c < z; c++)
                {
                    int candidate = row[c];
                    best = production[candidate] > production[best] ? candidate : best;
                }

                loyal[j] = best;
            }
        }

        rng.State = g;
    }

    /// <summary>
    /// #28 goods_market_round (all Z visits; sequential, unlike the labour and credit markets).
    /// Buyers: budget &gt; EPS, ascending; none, or Σ inventory ≤ EPS: return without drawing.
    /// Random: a uniform shuffle of the buyers. Each buyer finishes before the next starts, visiting its queue in
    /// order: stop at −1 or when the budget is ≤ EPS; skip a firm with inventory ≤ EPS; qty = budget / P, at most
    /// the inventory; budget −= qty · P; inventory −= qty (so a sell-out leaves exactly 0).
    /// Writes: income_to_spend (remaining budget), inventory, shop_visits_head := −1 for served buyers.
    /// </summary>
    public static void GoodsMarketRound(Consumer con, Producer prod, Rng rng)
    {
        Span<double> budget = con.IncomeToSpend, inventory = prod.Inventory;
        ReadOnlySpan<double> price = prod.Price;
        Span<int> buyers = con.Buyers, head = con.ShopVisitsHead;
        ReadOnlySpan<int> targets = con.ShopVisitsTargets;
        int n = 0;
        for (int j = 0; j < budget.Length; j++)
        {
            if (budget[j] > Constants.Eps)
            {
                buyers[n++] = j;
            }
        }

        double stock = 0.0;
        for (int i = 0; i < inventory.Length; i++)
        {
            stock += inventory[i];
        }

        if (n == 0 || stock <= Constants.Eps)
        {
            return;
        }

        Xoshiro256 g = rng.State;
        for (int i = n - 1; i > 0; i--)
        {
            int k = g.NextInt(i + 1);
            (buyers[i], buyers[k]) = (buyers[k], buyers[i]);
        }

        rng.State = g;

        int maxZ = con.MaxZ;
        for (int b = 0; b < n; b++)
        {
            int j = buyers[b], h = head[j];
            if (h < 0)
            {
                continue;
            }

            double left = budget[j];
            for (int pos = h, end = (j + 1) * maxZ; pos < end; pos++)
            {
                int f = targets[pos];
                if (f < 0 || left <= Constants.Eps)
                {
                    break;
                }

                if (inventory[f] <= Constants.Eps)
                {
                    continue;
                }

                double qty = left / price[f];
                if (qty > inventory[f])
                {
                    qty = inventory[f];
                }

                left -= qty * price[f];
                inventory[f] -= qty;
            }

            budget[j] = left;
            head[j] = -1;
        }
    }

    /// <summary>#29 consumers_finalize_purchases. Writes: savings += income_to_spend (the unspent budget); income_to_spend := 0.</summary>
    public static void ConsumersFinalizePurchases(Consumer con)
    {
        Span<double> savings = con.Savings, budget = con.IncomeToSpend;
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j <= savings.Length - 4; j += 4)
            {
                (Vector256.Create<double>(savings[j..]) + Vector256.Create<double>(budget[j..])).CopyTo(savings[j..]);
            }
        }

        for (; j < savings.Length; j++)
        {
            savings[j] += budget[j];
        }

        budget.Clear();
    }
}
