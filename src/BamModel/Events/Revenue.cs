using BamModel.Algorithms;
using BamModel.Roles;

namespace BamModel.Events;

/// <summary>Phase 6, revenue: events #30–#32 of bam-model §2.6.</summary>
public static class Revenue
{
    /// <summary>
    /// #30 firms_collect_revenue. Computes: sold = production − inventory; revenue = P · sold.
    /// Writes: total_funds += revenue; gross_profit = revenue − W (this period's wage bill after layoffs).
    /// </summary>
    public static void FirmsCollectRevenue(Producer prod, Borrower bor)
    {
        ReadOnlySpan<double> production = prod.Production, inventory = prod.Inventory, price = prod.Price, bill = bor.WageBill;
        Span<double> funds = bor.TotalFunds, gross = bor.GrossProfit;
        for (int i = 0; i < funds.Length; i++)
        {
            double revenue = price[i] * (production[i] - inventory[i]);
            funds[i] += revenue;
            gross[i] = revenue - bill[i];
        }
    }

    /// <summary>
    /// #31 firms_validate_debt_commitments.
    /// Reads: this period's loan rows, aggregated per firm: debt D, interest I, principal P; total_funds; net_worth
    /// (start of period). Computes and writes: a firm with D &gt; EPS and total_funds − D ≥ −EPS repays:
    /// total_funds −= D and each lender's equity += the row's interest. A firm with D &gt; EPS and
    /// total_funds − D &lt; −EPS defaults: total_funds := 0 and each lender's equity −= principal − recovery, with
    /// recovery = clip(principal / max(P, EPS) · net_worth, 0, principal). For all firms net_profit = gross − I.
    /// The rows are kept (planning reads them next period).
    /// </summary>
    public static void FirmsValidateDebtCommitments(Borrower bor, Lender len, LoanBook book)
    {
        book.AggregateAll();
        Span<double> funds = bor.TotalFunds, netProfit = bor.NetProfit;
        Span<bool> defaulted = bor.Defaulted;
        ReadOnlySpan<double> debt = book.DebtPerBorrower, interest = book.InterestPerBorrower, gross = bor.GrossProfit;
        for (int i = 0; i < funds.Length; i++)
        {
            defaulted[i] = false;
            if (debt[i] > Constants.Eps)
            {
                if (funds[i] - debt[i] >= -Constants.Eps)
                {
                    funds[i] -= debt[i];
                }
                else
                {
                    funds[i] = 0.0;
                    defaulted[i] = true;
                }
            }

            netProfit[i] = gross[i] - interest[i];
        }

        Span<double> equity = len.EquityBase;
        for (int r = 0; r < book.Size; r++)
        {
            int i = book.Borrower[r];
            if (!(debt[i] > Constants.Eps))
            {
                continue;
            }

            if (!defaulted[i])
            {
                equity[book.Lender[r]] += book.Interest[r];
                continue;
            }

            double principal = book.Principal[r];
            double share = principal / Math.Max(book.PrincipalPerBorrower[i], Constants.Eps);
            double recovery = Math.Clamp(share * bor.NetWorth[i], 0.0, principal);
            equity[book.Lender[r]] -= principal - recovery;
        }
    }

    /// <summary>
    /// #32 firms_pay_dividends. Computes: retained = π, or π(1 − δ) where π &gt; 0; dividend = π − retained (this
    /// difference, not δπ). Writes: retained_profit; total_funds −= dividend; every household gets D / NH of the
    /// total D: savings += D / NH and dividends := D / NH (overwritten every period).
    /// </summary>
    public static void FirmsPayDividends(Borrower bor, Consumer con, Shareholder sh, double delta)
    {
        ReadOnlySpan<double> netProfit = bor.NetProfit;
        Span<double> retained = bor.RetainedProfit, funds = bor.TotalFunds;
        double total = 0.0;
        for (int i = 0; i < funds.Length; i++)
        {
            double pi = netProfit[i];
            double keep = Branchless.Select(pi > 0.0, pi * (1.0 - delta), pi);
            double dividend = pi - keep;
            retained[i] = keep;
            funds[i] -= dividend;
            total += dividend;
        }

        double perHousehold = total / con.Count;
        Span<double> savings = con.Savings;
        sh.Dividends.AsSpan().Fill(perHousehold);
        for (int j = 0; j < savings.Length; j++)
        {
            savings[j] += perHousehold;
        }
    }
}
