using BamModel.Roles;

namespace BamModel.Events;

/// <summary>Phase 7, bankruptcy: events #33–#35 of bam-model §2.7.</summary>
public static class Bankruptcy
{
    /// <summary>#33 firms_update_net_worth. Writes: A += retained_profit; then total_funds := max(A, 0) (the
    /// period's cash account is replaced by equity).</summary>
    public static void FirmsUpdateNetWorth(Borrower bor)
    {
        Span<double> netWorth = bor.NetWorth, funds = bor.TotalFunds;
        ReadOnlySpan<double> retained = bor.RetainedProfit;
        for (int i = 0; i < netWorth.Length; i++)
        {
            double a = netWorth[i] + retained[i];
            netWorth[i] = a;
            funds[i] = Math.Max(a, 0.0);
        }
    }

    /// <summary>
    /// #34 mark_bankrupt_firms. A firm fails when A &lt; EPS (so exactly 0 fails) or production_prev ≤ EPS (the
    /// ghost rule: it produced nothing this period). Writes: exiting_firms (ascending, possibly empty); their
    /// employees: employer := −1, employer_prev := −1 (no loyalty to a dead firm), wage := 0, periods_left := 0,
    /// contract_expired := fired := false; the firms' current_labor := 0 and wage_bill := 0; their loan rows purged.
    /// </summary>
    public static void MarkBankruptFirms(Borrower bor, Producer prod, Employer emp, Worker wrk, LoanBook book, Economy eco)
    {
        Span<bool> exiting = eco.FirmExiting;
        ReadOnlySpan<double> netWorth = bor.NetWorth, prev = prod.ProductionPrev;
        int n = 0;
        for (int i = 0; i < exiting.Length; i++)
        {
            exiting[i] = netWorth[i] < Constants.Eps || prev[i] <= Constants.Eps;
            if (exiting[i])
            {
                eco.ExitingFirms[n++] = i;
                emp.CurrentLabor[i] = 0;
                emp.WageBill[i] = 0.0;
            }
        }

        eco.NExitingFirms = n;
        if (n == 0)
        {
            return;
        }

        Span<int> employer = wrk.Employer;
        for (int j = 0; j < employer.Length; j++)
        {
            if (employer[j] >= 0 && exiting[employer[j]])
            {
                employer[j] = -1;
                wrk.EmployerPrev[j] = -1;
                wrk.Wage[j] = 0.0;
                wrk.PeriodsLeft[j] = 0;
                wrk.ContractExpired[j] = false;
                wrk.Fired[j] = false;
            }
        }

        book.PurgeBorrowers(exiting);
    }

    /// <summary>#35 mark_bankrupt_banks. A bank fails when equity &lt; EPS. Writes: exiting_banks; their loan rows
    /// purged (surviving borrowers then miss that interest in next period's breakeven price).</summary>
    public static void MarkBankruptBanks(Lender len, LoanBook book, Economy eco)
    {
        Span<bool> exiting = eco.BankExiting;
        int n = 0;
        for (int k = 0; k < exiting.Length; k++)
        {
            exiting[k] = len.EquityBase[k] < Constants.Eps;
            if (exiting[k])
            {
                eco.ExitingBanks[n++] = k;
            }
        }

        eco.NExitingBanks = n;
        if (n > 0)
        {
            book.PurgeLenders(exiting);
        }
    }
}
