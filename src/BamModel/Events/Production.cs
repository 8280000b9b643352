using System.Numerics;
using System.Runtime.Intrinsics;
using BamModel.Algorithms;
using BamModel.Roles;

namespace BamModel.Events;

/// <summary>Phase 4, production: events #20–#24 of bam-model §2.4.</summary>
public static class Production
{
    /// <summary>#20 firms_pay_wages. Writes: total_funds −= W for every firm.</summary>
    public static void FirmsPayWages(Employer emp)
    {
        Span<double> funds = emp.TotalFunds;
        ReadOnlySpan<double> bill = emp.WageBill;
        for (int i = 0; i < funds.Length; i++)
        {
            funds[i] -= bill[i];
        }
    }

    /// <summary>#21 workers_receive_wage. Writes: income += wage for every employed worker (income is 0 here).</summary>
    public static void WorkersReceiveWage(Worker wrk, Consumer con)
    {
        ReadOnlySpan<int> employer = wrk.Employer;
        ReadOnlySpan<double> wage = wrk.Wage;
        Span<double> income = con.Income;
        for (int j = 0; j < income.Length; j++)
        {
            // Without a jump: the unemployed add an exact 0 (income is never −0).
            income[j] += wage[j] * Branchless.Bit(employer[j] >= 0);
        }
    }

    /// <summary>
    /// #22 firms_run_production. Computes: Y = φ · L (a double times an integer).
    /// Writes: production = production_prev = inventory = Y (inventory is overwritten, not added to; a firm with
    /// no workers now has production_prev = 0 and exits this period by the ghost rule).
    /// </summary>
    public static void FirmsRunProduction(Producer prod, Employer emp)
    {
        ReadOnlySpan<double> phi = prod.LaborProductivity;
        ReadOnlySpan<int> labor = emp.CurrentLabor;
        Span<double> production = prod.Production, prev = prod.ProductionPrev, inventory = prod.Inventory;
        for (int i = 0; i < production.Length; i++)
        {
            double y = phi[i] * labor[i];
            production[i] = y;
            prev[i] = y;
            inventory[i] = y;
        }
    }

    /// <summary>
    /// #23 update_avg_mkt_price. Computes: P̄ = Σ P·Y / Σ Y over the firms with Y ≥ 1e-3 (0 when none); a result
    /// ≤ 0 keeps the previous P̄ when that is &gt; 0. A plain weighted mean: the "exponentially smoothed" of the
    /// docstring is wrong (§7.3). Writes: avg_mkt_price, appended to its history.
    /// </summary>
    public static void UpdateAvgMktPrice(Producer prod, Economy eco)
    {
        ReadOnlySpan<double> price = prod.Price, production = prod.Production;
        double weighted = 0.0, total = 0.0;
        for (int i = 0; i < price.Length; i++)
        {
            if (production[i] >= 1e-3)
            {
                weighted += price[i] * production[i];
                total += production[i];
            }
        }

        double mean = total > 0.0 ? weighted / total : 0.0;
        double previous = eco.AvgMktPrice;
        eco.AppendPrice(mean <= 0.0 && previous > 0.0 ? previous : mean);
    }

    /// <summary>
    /// #24 workers_update_contracts. For every employed worker (a defensive periods_left == 0 becomes 1):
    /// periods_left −= 1; at 0 the worker leaves: employer := −1, employer_prev := firm, wage := 0,
    /// contract_expired := true, fired := false, and the firm's current_labor −= 1. wage_bill is NOT updated: it
    /// keeps this period's value for revenue (#30) and next period's breakeven price (#2).
    /// </summary>
    public static void WorkersUpdateContracts(Worker wrk, Employer emp)
    {
        Span<int> employer = wrk.Employer, periodsLeft = wrk.PeriodsLeft;
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Eight workers at a time count down; only the (few) contracts that end are handled one by one, in
            // ascending order as below.
            var one = Vector256<int>.One;
            for (; j <= employer.Length - 8; j += 8)
            {
                var employed = Vector256.GreaterThanOrEqual(Vector256.Create<int>(employer[j..]), Vector256<int>.Zero);
                var before = Vector256.Create<int>(periodsLeft[j..]);
                var left = Vector256.Max(before, one) - one;
                Vector256.ConditionalSelect(employed, left, before).CopyTo(periodsLeft[j..]);
                uint ending = (employed & Vector256.Equals(left, Vector256<int>.Zero)).ExtractMostSignificantBits();
                for (; ending != 0; ending &= ending - 1)
                {
                    EndContract(wrk, emp, j + BitOperations.TrailingZeroCount(ending));
                }
            }
        }

        for (; j < employer.Length; j++)
        {
            if (employer[j] < 0)
            {
                continue;
            }

            int left = Math.Max(periodsLeft[j], 1) - 1;
            periodsLeft[j] = left;
            if (left == 0)
            {
                EndContract(wrk, emp, j);
            }
        }
    }

    private static void EndContract(Worker wrk, Employer emp, int j)
    {
        int firm = wrk.Employer[j];
        wrk.Employer[j] = -1;
        wrk.EmployerPrev[j] = firm;
        wrk.Wage[j] = 0.0;
        wrk.ContractExpired[j] = true;
        wrk.Fired[j] = false;
        emp.CurrentLabor[firm]--;
    }
}
