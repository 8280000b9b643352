namespace BamModel.Roles;

/// <summary>The firm as a borrower (bam-model §1.2). <see cref="WageBill"/> and <see cref="TotalFunds"/> are the
/// same arrays as the <see cref="Employer"/>'s.</summary>
public sealed class Borrower
{
    public Borrower(int nFirms, int maxH, double[] wageBill, double[] totalFunds)
    {
        Count = nFirms;
        MaxH = maxH;
        WageBill = wageBill;
        TotalFunds = totalFunds;
        NetWorth = new double[nFirms];
        CreditDemand = new double[nFirms];
        ProjectedFragility = new double[nFirms];
        GrossProfit = new double[nFirms];
        NetProfit = new double[nFirms];
        RetainedProfit = new double[nFirms];
        LoanAppsTargets = new int[nFirms * maxH];
        LoanAppsHead = new int[nFirms];
        Array.Fill(LoanAppsTargets, -1);
        Array.Fill(LoanAppsHead, -1);
        Applicants = new int[nFirms];
        ApplicationBank = new int[nFirms];
        Ordered = new int[nFirms];
        Undo = new int[Math.Max(maxH, 1)];
        Defaulted = new bool[nFirms];
    }

    public int Count { get; }

    /// <summary>Columns of the loan-application queue (max_H).</summary>
    public int MaxH { get; }

    /// <summary>W_i, shared with <see cref="Employer.WageBill"/>.</summary>
    public double[] WageBill { get; }

    /// <summary>Cash within the period, shared with <see cref="Employer.TotalFunds"/>. Start = max(A, 0); + loans (#18),
    /// − wages (#20), + revenue (#30), − repayment or := 0 on default (#31), − dividends (#32); := max(A, 0) by #33.</summary>
    public double[] TotalFunds { get; }

    /// <summary>A_i, equity. Updated by FirmsUpdateNetWorth; set at entry.</summary>
    public double[] NetWorth { get; }

    /// <summary>B_i, the remaining financing need. Written by FirmsDecideCreditDemand, reduced by CreditMarketRound; 0 at entry.</summary>
    public double[] CreditDemand { get; }

    /// <summary>ℓ_i = B_i / A_i, computed once by FirmsCalcFinancialFragility before the credit rounds; 0 at entry.</summary>
    public double[] ProjectedFragility { get; }

    /// <summary>Revenue − wage bill. Written by FirmsCollectRevenue; 0 at entry.</summary>
    public double[] GrossProfit { get; }

    /// <summary>Gross profit − interest (× (1 − σ) under R&amp;D). Written by FirmsValidateDebtCommitments; 0 at entry.</summary>
    public double[] NetProfit { get; }

    /// <summary>Profit kept after dividends. Written by FirmsPayDividends; 0 at entry.</summary>
    public double[] RetainedProfit { get; }

    /// <summary>Row i (max_H columns): bank ids sorted by posted rate, −1 = empty. Rebuilt by FirmsPrepareLoanApplications.</summary>
    public int[] LoanAppsTargets { get; }

    /// <summary>Flat cursor into <see cref="LoanAppsTargets"/> (i·max_H + column), −1 = no queue. Advanced by CreditMarketRound.</summary>
    public int[] LoanAppsHead { get; }

    // Scratch: not model state (credit rounds).

    public int[] Applicants { get; }

    public int[] ApplicationBank { get; }

    public int[] Ordered { get; }

    public int[] Undo { get; }

    /// <summary>Firms that defaulted on this period's loans (#31).</summary>
    public bool[] Defaulted { get; }
}
