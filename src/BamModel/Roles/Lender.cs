namespace BamModel.Roles;

/// <summary>The bank (bam-model §1.4): one value per bank, indexed by bank id.</summary>
public sealed class Lender
{
    public Lender(int nBanks)
    {
        Count = nBanks;
        EquityBase = new double[nBanks];
        CreditSupply = new double[nBanks];
        InterestRate = new double[nBanks];
        OpexShock = new double[nBanks];
        Pool = new int[nBanks];
        Perm = new int[nBanks];
        GroupStart = new int[nBanks + 1];
        GroupCursor = new int[nBanks];
    }

    public int Count { get; }

    /// <summary>E_k. Raised by interest repaid, lowered by defaults (#31); copied from a survivor at entry (#37).</summary>
    public double[] EquityBase { get; }

    /// <summary>Lendable amount left this period. := max(E/v, 0) by #13, reduced by CreditMarketRound; 0 at entry.</summary>
    public double[] CreditSupply { get; }

    /// <summary>Posted rate r̄(1 + φ_k), used only to rank banks. Written by #14; 0 at entry.</summary>
    public double[] InterestRate { get; }

    /// <summary>φ_k ~ U(0, h_phi), this period's cost shock; it enters the loan rate. Written by #14.</summary>
    public double[] OpexShock { get; }

    // Scratch: not model state.

    public int[] Pool { get; }

    public int[] Perm { get; }

    public int[] GroupStart { get; }

    public int[] GroupCursor { get; }
}
