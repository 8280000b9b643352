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
    /// savings, EPS) taken before the clamp (NumPy's pairwise order, <see cref="PairwiseSum"/>);
    /// savings := max(savings, 0); c = 1 / (1 + tanh(savings / avg)^β), in (0.5, 1].
    /// Writes: propensity, savings (clamp).
    /// </summary>
    public static void ConsumersCalcPropensity(Consumer con, double beta)
    {
        Span<double> savings = con.Savings, propensity = con.Propensity;
        double avg = Math.Max(PairwiseSum.Mean(savings), Constants.Eps);
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
        con.ShopVisitsTargets.AsSpan().Fill(-1);
        con.ShopVisitsHead.AsSpan().Fill(-1);
        bool loyalty = matching == ConsumerMatching.Loyalty;
        int nFirms = prod.Count, z = Math.Min(con.MaxZ, nFirms);
        ReadOnlySpan<int> active = con.Buyers.AsSpan(0, CollectBuyers(con.IncomeToSpend, con.Buyers));
        Span<int> perm = con.Perm.AsSpan(0, nFirms);
        SampleKPerRow.InitPermutation(perm);
        var sortByPrice = new ShopRowByPrice(con, prod, loyalty);
        SampleKPerRow.DrawRows(active, con.ShopVisitsTargets, con.MaxZ, z, nFirms, loyalty ? con.LargestProdPrev : default, perm, con.Undo, rng, ref sortByPrice);
    }

    // Each active consumer's row, as soon as it is drawn: by price ascending (stable), its head, and in loyalty mode
    // the new loyal firm (the loyal firm of this row was read before the row was drawn).
    private readonly struct ShopRowByPrice(Consumer con, Producer prod, bool loyalty) : IRowSink
    {
        private readonly int[] _head = con.ShopVisitsHead, _loyal = con.LargestProdPrev;
        private readonly double[] _price = prod.Price, _production = prod.Production;
        private readonly int _maxZ = con.MaxZ;
        private readonly bool _loyalty = loyalty;

        public void Take(int owner, Span<int> row)
        {
            SmallSort.ByKeyAscending(row, _price);
            _head[owner] = owner * _maxZ;
            if (_loyalty)
            {
                _loyal[owner] = MostProductive(row, _production);
            }
        }
    }

    // The visited firm with the highest production; the first in price order on a tie. Branch-free select.
    private static int MostProductive(ReadOnlySpan<int> row, double[] production)
    {
        int best = row[0];
        for (int c = 1; c < row.Length; c++)
        {
            int candidate = row[c];
            best = Branchless.Select(production[candidate] > production[best], candidate, best);
        }

        return best;
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
        int n = CollectBuyers(con.IncomeToSpend, con.Buyers);
        if (n == 0 || TotalInventory(prod.Inventory) <= Constants.Eps)
        {
            return;
        }

        Span<int> buyers = con.Buyers.AsSpan(0, n);
        Shuffle(buyers, rng);
        Serve(buyers, con, prod);
    }

    // The buyers: budget > EPS, ascending. Returns how many.
    private static int CollectBuyers(ReadOnlySpan<double> budget, Span<int> buyers)
    {
        int n = 0;
        for (int j = 0; j < budget.Length; j++)
        {
            buyers[n] = j;
            n += Branchless.Bit(budget[j] > Constants.Eps);
        }

        return n;
    }

    private static double TotalInventory(ReadOnlySpan<double> inventory)
    {
        double stock = 0.0;
        foreach (double s in inventory)
        {
            stock += s;
        }

        return stock;
    }

    // A uniform shuffle (Fisher–Yates from the end), the generator kept in registers.
    private static void Shuffle(Span<int> items, Rng rng)
    {
        Xoshiro256 g = rng.State;
        for (int i = items.Length - 1; i > 0; i--)
        {
            int k = g.NextInt(i + 1);
            (items[i], items[k]) = (items[k], items[i]);
        }

        rng.State = g;
    }

    // Each buyer in turn visits its queue in order, until the queue or the budget runs out.
    private static void Serve(ReadOnlySpan<int> buyers, Consumer con, Producer prod)
    {
        int[] head = con.ShopVisitsHead, targets = con.ShopVisitsTargets;
        double[] budget = con.IncomeToSpend, inventory = prod.Inventory, price = prod.Price;
        int maxZ = con.MaxZ;
        foreach (int j in buyers)
        {
            int h = head[j];
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

                double stock = inventory[f];
                if (stock <= Constants.Eps)
                {
                    continue;
                }

                double p = price[f];
                double qty = left / p;
                if (qty > stock)
                {
                    qty = stock;
                }

                left -= qty * p;
                inventory[f] = stock - qty;
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
