using BamModel.Algorithms;
using BamModel.Roles;

namespace BamModel.Events;

/// <summary>Phase 3, credit market: events #13–#19 of bam-model §2.3.</summary>
public static class CreditMarket
{
    /// <summary>#13 banks_decide_credit_supply. Computes: supply_k = max(E_k / v, 0). Writes: credit_supply.</summary>
    public static void BanksDecideCreditSupply(Lender len, double v)
    {
        Span<double> supply = len.CreditSupply;
        ReadOnlySpan<double> equity = len.EquityBase;
        for (int k = 0; k < supply.Length; k++)
        {
            supply[k] = Math.Max(equity[k] / v, 0.0);
        }
    }

    /// <summary>
    /// #14 banks_decide_interest_rate. Random: φ_k ~ U(0, h_phi) for every bank.
    /// Writes: opex_shock = φ_k, interest_rate = r̄(1 + φ_k) (the posted rate, used only to rank banks).
    /// </summary>
    public static void BanksDecideInterestRate(Lender len, double rBar, double hPhi, Rng rng)
    {
        for (int k = 0; k < len.Count; k++)
        {
            double phi = rng.Uniform(0.0, hPhi);
            len.OpexShock[k] = phi;
            len.InterestRate[k] = rBar * (1.0 + phi);
        }
    }

    /// <summary>#15 firms_decide_credit_demand. Reads: this period's wage bill, cash at the start of the period.
    /// Computes: B = max(W − total_funds, 0). Writes: credit_demand.</summary>
    public static void FirmsDecideCreditDemand(Borrower bor)
    {
        Span<double> demand = bor.CreditDemand;
        ReadOnlySpan<double> bill = bor.WageBill, funds = bor.TotalFunds;
        for (int i = 0; i < demand.Length; i++)
        {
            demand[i] = Math.Max(bill[i] - funds[i], 0.0);
        }
    }

    /// <summary>#16 firms_calc_financial_fragility. Computes: ℓ = B / A where A &gt; 0, else max_leverage; not capped.
    /// Writes: projected_fragility (fixed for the credit rounds).</summary>
    public static void FirmsCalcFinancialFragility(Borrower bor, double maxLeverage)
    {
        Span<double> fragility = bor.ProjectedFragility;
        ReadOnlySpan<double> demand = bor.CreditDemand, netWorth = bor.NetWorth;
        for (int i = 0; i < fragility.Length; i++)
        {
            fragility[i] = netWorth[i] > 0.0 ? demand[i] / netWorth[i] : maxLeverage;
        }
    }

    /// <summary>
    /// #17 firms_prepare_loan_applications.
    /// First clears the loan book (always). Lenders: banks with credit_supply &gt; 0 (exact), ascending; borrowers:
    /// firms with B &gt; 0, ascending. Either empty: every head := −1, nothing drawn. Otherwise H = min(max_H, lenders).
    /// Random: H distinct lenders per borrower (<see cref="SampleKPerRow"/>; no draw when H equals the lender count,
    /// every borrower then gets all lenders). Computes: each row sorted by posted interest_rate ascending, stable.
    /// Writes: every row := −1 and head := −1, then the borrowers' rows and head = i·max_H.
    /// </summary>
    public static void FirmsPrepareLoanApplications(Borrower bor, Lender len, LoanBook book, Rng rng)
    {
        book.Clear();
        Span<int> head = bor.LoanAppsHead, targets = bor.LoanAppsTargets;
        head.Fill(-1);
        int nLenders = 0, maxH = bor.MaxH;
        for (int k = 0; k < len.Count; k++)
        {
            if (len.CreditSupply[k] > 0.0)
            {
                len.Pool[nLenders++] = k;
            }
        }

        if (nLenders == 0)
        {
            return;
        }

        targets.Fill(-1);
        int h = Math.Min(maxH, nLenders);
        Span<int> perm = len.Perm.AsSpan(0, nLenders);
        SampleKPerRow.InitPermutation(perm);
        ReadOnlySpan<double> demand = bor.CreditDemand, rate = len.InterestRate;
        Xoshiro256 g = rng.State;
        for (int i = 0; i < bor.Count; i++)
        {
            if (!(demand[i] > 0.0))
            {
                continue;
            }

            Span<int> row = targets.Slice(i * maxH, h);
            SampleKPerRow.DrawRow(row, h, nLenders, -1, perm, bor.Undo, ref g);
            for (int c = 0; c < h; c++)
            {
                row[c] = len.Pool[row[c]];
            }

            SmallSort.ByKeyAscending(row, rate);
            head[i] = i * maxH;
        }

        rng.State = g;
    }

    /// <summary>
    /// #18 credit_market_round (run max_H times; draws nothing). Batch matching (§7.1 item 1).
    /// Reads: firms with B &gt; 0 and head ≥ 0 (ascending), the bank at the head; valid when bank ≥ 0 and its supply
    /// at the start of the round is &gt; EPS. Every such head advances (−1 at the row end or after reading −1).
    /// Computes: per bank (ascending), applicants by ascending projected_fragility (stable: ties by firm id);
    /// request g = B, capped per loan at max_loan_to_net_worth · A when that is &gt; 0; with C_n the running sum of g,
    /// applicant n gets g if C_n ≤ S, else max(S − C_{n−1}, 0). Amounts &gt; EPS become loans at
    /// rate r̄(1 + φ_k · min(ℓ, max_leverage)) (ℓ uncapped when max_leverage = 0).
    /// Writes: loan rows appended in that order; total_funds += amount; B = max(B − amount, 0); supply −= lent.
    /// </summary>
    public static void CreditMarketRound(Borrower bor, Lender len, LoanBook book, double rBar, double maxLoanToNetWorth, double maxLeverage)
    {
        int maxH = bor.MaxH, nApps = 0;
        Span<int> head = bor.LoanAppsHead, applicants = bor.Applicants, appBank = bor.ApplicationBank;
        ReadOnlySpan<int> targets = bor.LoanAppsTargets;
        Span<double> demand = bor.CreditDemand, supply = len.CreditSupply;
        for (int i = 0; i < bor.Count; i++)
        {
            int h = head[i];
            if (!(demand[i] > 0.0) || h < 0)
            {
                continue;
            }

            int bank = targets[h];
            head[i] = bank < 0 || h + 1 == (i + 1) * maxH ? -1 : h + 1;
            if (bank >= 0 && supply[bank] > Constants.Eps)
            {
                applicants[nApps] = i;
                appBank[nApps] = bank;
                nApps++;
            }
        }

        if (nApps == 0)
        {
            return;
        }

        Span<int> ordered = bor.Ordered, start = len.GroupStart;
        GroupedRandomOrder.GroupByTarget(appBank[..nApps], start, ordered);
        for (int a = 0; a < nApps; a++)
        {
            ordered[a] = applicants[ordered[a]];
        }

        for (int k = 0; k < len.Count; k++)
        {
            Span<int> group = ordered[start[k]..start[k + 1]];
            if (group.Length > 0)
            {
                SmallSort.ByKeyAscending(group, bor.ProjectedFragility);
                LendWithinSupply(bor, len, book, k, group, rBar, maxLoanToNetWorth, maxLeverage);
            }
        }
    }

    /// <summary>
    /// #19 firms_fire_workers.
    /// Reads: gap = W − total_funds; firms with gap &gt; EPS lay off. Random: a uniform random order of each such
    /// firm's workers (nothing drawn when no firm has a gap or those firms employ nobody).
    /// Computes: workers are taken in that order until the running sum of their wages is ≥ gap (the one crossing it
    /// included; all of them if it is never covered). Writes: the fired workers as in #6; current_labor −= count;
    /// wage_bill −= their wages. total_funds unchanged.
    /// </summary>
    public static void FirmsFireWorkers(Employer emp, Worker wrk, Rng rng)
    {
        Span<bool> gapped = emp.Flag;
        Span<double> bill = emp.WageBill;
        ReadOnlySpan<double> funds = emp.TotalFunds;
        bool any = false;
        for (int i = 0; i < gapped.Length; i++)
        {
            gapped[i] = bill[i] - funds[i] > Constants.Eps;
            any |= gapped[i];
        }

        if (!any || GroupedRandomOrder.GroupByKey(wrk.Employer, gapped, emp.GroupStart, emp.GroupItems) == 0)
        {
            return;
        }

        Span<double> wage = wrk.Wage;
        Xoshiro256 g = rng.State;
        for (int i = 0; i < gapped.Length; i++)
        {
            int first = emp.GroupStart[i], size = emp.GroupStart[i + 1] - first;
            if (size == 0)
            {
                continue;
            }

            Span<int> group = emp.GroupItems.AsSpan(first, size);
            double gap = bill[i] - funds[i], covered = 0.0;
            int nFired = 0;
            while (nFired < size && !(covered >= gap))
            {
                int j = GroupedRandomOrder.DrawNext(group, nFired, ref g);
                covered += wage[j];
                Layoffs.Fire(wrk, j, i);
                nFired++;
            }

            emp.CurrentLabor[i] -= nFired;
            bill[i] -= covered;
        }

        rng.State = g;
    }

    private static void LendWithinSupply(
        Borrower bor, Lender len, LoanBook book, int bank, ReadOnlySpan<int> group, double rBar, double maxLoanToNetWorth, double maxLeverage)
    {
        double available = len.CreditSupply[bank], phi = len.OpexShock[bank], cumulative = 0.0, lent = 0.0;
        Span<double> demand = bor.CreditDemand, funds = bor.TotalFunds;
        foreach (int i in group)
        {
            double request = demand[i];
            if (maxLoanToNetWorth > 0.0)
            {
                request = Math.Min(request, maxLoanToNetWorth * bor.NetWorth[i]);
            }

            double before = cumulative;
            cumulative += request;
            double amount = cumulative <= available ? request : Math.Max(available - before, 0.0);
            if (amount > Constants.Eps)
            {
                double fragility = bor.ProjectedFragility[i];
                double leverage = maxLeverage > 0.0 ? Math.Min(fragility, maxLeverage) : fragility;
                book.Append(i, bank, amount, rBar * (1.0 + phi * leverage));
                funds[i] += amount;
                demand[i] = Math.Max(demand[i] - amount, 0.0);
                lent += amount;
            }
        }

        len.CreditSupply[bank] -= lent;
    }
}
