using System.Runtime.Intrinsics;
using BamModel.Algorithms;
using BamModel.Roles;

namespace BamModel.Events;

/// <summary>Phase 1, planning: events #1–#6 of bam-model §2.1.</summary>
public static class Planning
{
    /// <summary>
    /// #1 firms_decide_desired_production.
    /// Reads: production_prev, inventory, price, P̄ (last period's). Random: ρ_i ~ U(0, h_rho) for every firm.
    /// Computes: up = (S == 0 and P ≥ P̄) → D = Y_prev(1 + ρ); down = (S &gt; 0 and P &lt; P̄) → D = Y_prev(1 − ρ);
    /// else D = Y_prev (exact comparisons, no EPS). Writes: production := 0, expected_demand = desired_production = D.
    /// </summary>
    public static void FirmsDecideDesiredProduction(Producer prod, double avgMktPrice, double hRho, Rng rng)
    {
        Span<double> rho = prod.Shock;
        rng.FillUniform(rho, 0.0, hRho);

        Span<double> production = prod.Production, prev = prod.ProductionPrev, expected = prod.ExpectedDemand, desired = prod.DesiredProduction;
        ReadOnlySpan<double> inventory = prod.Inventory, price = prod.Price;
        production.Clear();
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Four firms at a time, the scalar loop's operations lane by lane (the same bits).
            var avg = Vector256.Create(avgMktPrice);
            for (; i <= production.Length - 4; i += 4)
            {
                var stock = Vector256.Create<double>(inventory[i..]);
                var p = Vector256.Create<double>(price[i..]);
                var up = Vector256.Equals(stock, Vector256<double>.Zero) & Vector256.GreaterThanOrEqual(p, avg);
                var down = Vector256.GreaterThan(stock, Vector256<double>.Zero) & Vector256.LessThan(p, avg);
                var d = Vector256.Create<double>(prev[i..]) * (Vector256<double>.One + Vector256.Create<double>(rho[i..]) * Sign(up, down));
                d.CopyTo(expected[i..]);
                d.CopyTo(desired[i..]);
            }
        }

        for (; i < production.Length; i++)
        {
            // Without a jump: the factor is 1 + ρ, 1 + (−ρ) = 1 − ρ or 1 + 0 = 1, and Y_prev · 1 = Y_prev exactly.
            int up = Branchless.Bit(inventory[i] == 0.0) & Branchless.Bit(price[i] >= avgMktPrice);
            int down = Branchless.Bit(inventory[i] > 0.0) & Branchless.Bit(price[i] < avgMktPrice);
            double d = prev[i] * (1.0 + rho[i] * (up - down));
            expected[i] = d;
            desired[i] = d;
        }
    }

    /// <summary>
    /// #2 firms_plan_breakeven_price.
    /// Reads: wage_bill (last period's, after the credit-phase layoffs), the loan book's interest per borrower
    /// (last period's rows still in the book), desired_production, price, cap_factor.
    /// Computes: P^b = (W + I) / max(Y^d, EPS); if cap_factor &gt; 1 (NaN = no cap): P^b = min(P^b, P · cap_factor).
    /// Writes: breakeven_price.
    /// </summary>
    public static void FirmsPlanBreakevenPrice(Producer prod, Employer emp, LoanBook book, double capFactor)
    {
        book.AggregateInterest();
        ReadOnlySpan<double> interest = book.InterestPerBorrower, wageBill = emp.WageBill, desired = prod.DesiredProduction, price = prod.Price;
        Span<double> breakeven = prod.BreakevenPrice;
        bool cap = capFactor > 1.0;
        for (int i = 0; i < breakeven.Length; i++)
        {
            double pb = (wageBill[i] + interest[i]) / Math.Max(desired[i], Constants.Eps);
            breakeven[i] = cap ? Math.Min(pb, price[i] * capFactor) : pb;
        }
    }

    /// <summary>
    /// #3 firms_plan_price.
    /// Reads: price, inventory, P̄ (last period's), breakeven_price. Random: η_i ~ U(0, h_eta) for every firm.
    /// Computes, on the prices before this event: raise (S == 0 and P &lt; P̄): P = max(P(1 + η), P^b);
    /// cut (S &gt; 0 and P ≥ P̄): P = max(P(1 − η), P^b), so the floor can raise a "cut" price. Others keep P, unfloored.
    /// Writes: price.
    /// </summary>
    public static void FirmsPlanPrice(Producer prod, double avgMktPrice, double hEta, Rng rng)
    {
        Span<double> eta = prod.Shock;
        rng.FillUniform(eta, 0.0, hEta);

        Span<double> price = prod.Price;
        ReadOnlySpan<double> inventory = prod.Inventory, breakeven = prod.BreakevenPrice;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Four firms at a time, the scalar loop's operations lane by lane (the same bits).
            var avg = Vector256.Create(avgMktPrice);
            for (; i <= price.Length - 4; i += 4)
            {
                var stock = Vector256.Create<double>(inventory[i..]);
                var p = Vector256.Create<double>(price[i..]);
                var raise = Vector256.Equals(stock, Vector256<double>.Zero) & Vector256.LessThan(p, avg);
                var cut = Vector256.GreaterThan(stock, Vector256<double>.Zero) & Vector256.GreaterThanOrEqual(p, avg);
                var factor = Vector256<double>.One + Vector256.Create<double>(eta[i..]) * Sign(raise, cut);
                var revised = Vector256.Max(p * factor, Vector256.Create<double>(breakeven[i..]));
                Vector256.ConditionalSelect(raise | cut, revised, p).CopyTo(price[i..]);
            }
        }

        for (; i < price.Length; i++)
        {
            // Without a jump, as in #1: the factor is 1 + η or 1 − η, and a firm that does neither keeps P unfloored.
            double p = price[i];
            int raise = Branchless.Bit(inventory[i] == 0.0) & Branchless.Bit(p < avgMktPrice);
            int cut = Branchless.Bit(inventory[i] > 0.0) & Branchless.Bit(p >= avgMktPrice);
            double revised = Math.Max(p * (1.0 + eta[i] * (raise - cut)), breakeven[i]);
            price[i] = Branchless.Select((raise | cut) != 0, revised, p);
        }
    }

    /// <summary>
    /// #4 firms_decide_desired_labor.
    /// Reads: desired_production, labor_productivity (a non-finite or ≤ EPS productivity is first set to EPS).
    /// Computes: L^d = ceil(Y^d / φ), this exact double division then the ceiling (§7.1 item 15).
    /// Writes: desired_labor (saturating at int.MaxValue), labor_productivity (defensive fix only).
    /// </summary>
    public static void FirmsDecideDesiredLabor(Producer prod, Employer emp)
    {
        Span<double> phi = prod.LaborProductivity;
        ReadOnlySpan<double> desired = prod.DesiredProduction;
        Span<int> desiredLabor = emp.DesiredLabor;
        for (int i = 0; i < desiredLabor.Length; i++)
        {
            if (!double.IsFinite(phi[i]) || phi[i] <= Constants.Eps)
            {
                phi[i] = Constants.Eps;
            }

            double ld = Math.Ceiling(desired[i] / phi[i]);
            desiredLabor[i] = ld >= int.MaxValue ? int.MaxValue : ld > 0.0 ? (int)ld : 0;
        }
    }

    /// <summary>#5 firms_decide_vacancies. Computes V = max(L^d − L, 0) in integers. Writes: n_vacancies.</summary>
    public static void FirmsDecideVacancies(Employer emp)
    {
        ReadOnlySpan<int> desired = emp.DesiredLabor, current = emp.CurrentLabor;
        Span<int> vacancies = emp.NVacancies;
        for (int i = 0; i < vacancies.Length; i++)
        {
            vacancies[i] = Math.Max(desired[i] - current[i], 0);
        }
    }

    /// <summary>
    /// #6 firms_fire_excess_workers.
    /// Reads: current_labor, desired_labor, employer. Firms with L &gt; L^d fire E = L − L^d of their workers.
    /// Random: a uniform random order of each such firm's workers (grouped by firm ascending, workers ascending);
    /// nothing is drawn when no firm has excess labour or those firms employ nobody.
    /// Writes: for the first min(E, L) workers in that order: employer := −1, employer_prev := firm, wage := 0,
    /// periods_left := 0, contract_expired := false, fired := true; current_labor −= fired. wage_bill untouched (#12).
    /// </summary>
    public static void FirmsFireExcessWorkers(Employer emp, Worker wrk, Rng rng)
    {
        Span<bool> excess = emp.Flag;
        ReadOnlySpan<int> desired = emp.DesiredLabor;
        Span<int> current = emp.CurrentLabor;
        bool any = false;
        for (int i = 0; i < excess.Length; i++)
        {
            excess[i] = current[i] > desired[i];
            any |= excess[i];
        }

        if (!any || GroupedRandomOrder.GroupByKey(wrk.Employer, excess, emp.GroupStart, emp.GroupItems) == 0)
        {
            return;
        }

        Span<int> items = emp.GroupItems;
        Xoshiro256 g = rng.State;
        for (int i = 0; i < excess.Length; i++)
        {
            int start = emp.GroupStart[i], size = emp.GroupStart[i + 1] - start;
            if (size == 0)
            {
                continue;
            }

            Span<int> group = items.Slice(start, size);
            int nFire = Math.Min(current[i] - desired[i], size);
            for (int c = 0; c < nFire; c++)
            {
                Layoffs.Fire(wrk, GroupedRandomOrder.DrawNext(group, c, ref g), i);
            }

            current[i] -= nFire;
        }

        rng.State = g;
    }

    // Per lane 1.0 where plus, −1.0 where minus, 0.0 elsewhere: the int (plus − minus) of the scalar loops, as a double.
    private static Vector256<double> Sign(Vector256<double> plus, Vector256<double> minus) =>
        Vector256.ConditionalSelect(plus, Vector256<double>.One, Vector256.ConditionalSelect(minus, Vector256.Create(-1.0), Vector256<double>.Zero));
}
