namespace BamModel.Roles;

/// <summary>The firm as an employer (bam-model §1.2). <see cref="WageBill"/> and <see cref="TotalFunds"/> are the
/// same arrays as the <see cref="Borrower"/>'s (one array, two roles; §7.1 item 3).</summary>
public sealed class Employer
{
    public Employer(int nFirms, int nHouseholds, double[] wageBill, double[] totalFunds)
    {
        Count = nFirms;
        DesiredLabor = new int[nFirms];
        CurrentLabor = new int[nFirms];
        WageOffer = new double[nFirms];
        NVacancies = new int[nFirms];
        WageBill = wageBill;
        TotalFunds = totalFunds;
        Shock = new double[nFirms];
        Flag = new bool[nFirms];
        GroupStart = new int[nFirms + 1];
        GroupCursor = new int[nFirms];
        GroupItems = new int[nHouseholds];
    }

    public int Count { get; }

    /// <summary>L^d_i. Written by FirmsDecideDesiredLabor; 0 at entry.</summary>
    public int[] DesiredLabor { get; }

    /// <summary>L_i, the number of employees. Changed by hiring, both firing events, contract expiry, bankruptcy and entry.</summary>
    public int[] CurrentLabor { get; }

    /// <summary>w_i, the posted wage. Written by FirmsDecideWageOffer and at entry.</summary>
    public double[] WageOffer { get; }

    /// <summary>V_i. Written by FirmsDecideVacancies, reduced by LaborMarketRound, 0 at entry.</summary>
    public int[] NVacancies { get; }

    /// <summary>W_i, shared with <see cref="Borrower.WageBill"/>. Recomputed by FirmsCalcWageBill, reduced by
    /// FirmsFireWorkers, zeroed by MarkBankruptFirms and at entry; left stale by contract expiry.</summary>
    public double[] WageBill { get; }

    /// <summary>Cash within the period, shared with <see cref="Borrower.TotalFunds"/> (bam-model §2.9).</summary>
    public double[] TotalFunds { get; }

    // Scratch: not model state. The wage shock (#9); workers grouped by firm for the firing events (#6, #19).

    /// <summary>ξ, this period's wage shocks (#9).</summary>
    public double[] Shock { get; }

    /// <summary>Marks the firms an event works on.</summary>
    public bool[] Flag { get; }

    /// <summary>Group f is <c>GroupItems[GroupStart[f] .. GroupStart[f + 1]]</c>.</summary>
    public int[] GroupStart { get; }

    public int[] GroupCursor { get; }

    public int[] GroupItems { get; }
}
