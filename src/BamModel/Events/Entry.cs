using BamModel.Algorithms;
using BamModel.Roles;

namespace BamModel.Events;

/// <summary>Phase 8, entry: events #36–#37 of bam-model §2.8. Agents are replaced in place (same index).</summary>
public static class Entry
{
    /// <summary>
    /// #36 spawn_replacement_firms (draws nothing). No exit: return. Every firm exiting: collapsed := true, return.
    /// Computes three 5 % trimmed means (<see cref="TrimMean"/>) on the current state: survivors' net worth,
    /// survivors' production (this period's), and the wage of every employed worker.
    /// Writes, for each exiting index: net_worth = total_funds = size_factor · mean_nw; profits, credit demand and
    /// fragility 0; production = production_prev = production_factor · mean_prod; inventory, expected and desired
    /// production 0; price = markup · P̄ (this period's); labour, desired labour, vacancies, wage bill 0;
    /// wage_offer = max(wage_factor · mean_wage, ŵ). Not reset: labor_productivity (inherited from the slot),
    /// breakeven_price, loan queues, R&amp;D state.
    /// </summary>
    public static void SpawnReplacementFirms(
        Producer prod, Employer emp, Borrower bor, Worker wrk, Economy eco,
        double sizeFactor, double productionFactor, double wageFactor, double priceMarkup)
    {
        int nExit = eco.NExitingFirms, nFirms = prod.Count;
        if (nExit == 0)
        {
            return;
        }

        if (nExit == nFirms)
        {
            eco.Collapsed = true;
            return;
        }

        double meanNetWorth = sizeFactor * SurvivorTrimMean(bor.NetWorth, eco);
        double meanProduction = productionFactor * SurvivorTrimMean(prod.Production, eco);
        double wageOffer = Math.Max(wageFactor * EmployedWageTrimMean(wrk, eco.TrimScratch), eco.MinWage);
        double price = eco.AvgMktPrice * priceMarkup;
        for (int e = 0; e < nExit; e++)
        {
            int i = eco.ExitingFirms[e];
            bor.NetWorth[i] = meanNetWorth;
            bor.TotalFunds[i] = meanNetWorth;
            bor.GrossProfit[i] = 0.0;
            bor.NetProfit[i] = 0.0;
            bor.RetainedProfit[i] = 0.0;
            bor.CreditDemand[i] = 0.0;
            bor.ProjectedFragility[i] = 0.0;
            prod.Production[i] = meanProduction;
            prod.ProductionPrev[i] = meanProduction;
            prod.Inventory[i] = 0.0;
            prod.ExpectedDemand[i] = 0.0;
            prod.DesiredProduction[i] = 0.0;
            prod.Price[i] = price;
            emp.CurrentLabor[i] = 0;
            emp.DesiredLabor[i] = 0;
            emp.NVacancies[i] = 0;
            emp.WageBill[i] = 0.0;
            emp.WageOffer[i] = wageOffer;
        }
    }

    /// <summary>
    /// #37 spawn_replacement_banks. No exit: return. No survivor: collapsed := true, return.
    /// Random: for each exiting bank (ascending) a source drawn uniformly, with replacement, from the survivors.
    /// Writes: equity_base := the source's equity; credit_supply := 0; interest_rate := 0.
    /// </summary>
    public static void SpawnReplacementBanks(Lender len, Economy eco, Rng rng)
    {
        int nExit = eco.NExitingBanks;
        if (nExit == 0)
        {
            return;
        }

        int nAlive = 0;
        for (int k = 0; k < len.Count; k++)
        {
            if (!eco.BankExiting[k])
            {
                len.Pool[nAlive++] = k;
            }
        }

        if (nAlive == 0)
        {
            eco.Collapsed = true;
            return;
        }

        for (int e = 0; e < nExit; e++)
        {
            int k = eco.ExitingBanks[e];
            len.EquityBase[k] = len.EquityBase[len.Pool[rng.NextInt(nAlive)]];
            len.CreditSupply[k] = 0.0;
            len.InterestRate[k] = 0.0;
        }
    }

    private static double SurvivorTrimMean(ReadOnlySpan<double> values, Economy eco)
    {
        Span<double> scratch = eco.TrimScratch;
        ReadOnlySpan<bool> exiting = eco.FirmExiting;
        int n = 0;
        for (int i = 0; i < values.Length; i++)
        {
            scratch[n] = values[i];
            n += Branchless.Bit(!exiting[i]);
        }

        return TrimMean.ComputeInplace(scratch[..n]);
    }

    private static double EmployedWageTrimMean(Worker wrk, Span<double> scratch)
    {
        ReadOnlySpan<int> employer = wrk.Employer;
        ReadOnlySpan<double> wage = wrk.Wage;
        int n = 0;
        for (int j = 0; j < employer.Length; j++)
        {
            scratch[n] = wage[j];
            n += Branchless.Bit(employer[j] >= 0);
        }

        return TrimMean.ComputeInplace(scratch[..n]);
    }
}
