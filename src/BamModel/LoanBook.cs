namespace BamModel;

/// <summary>
/// The firm → bank loan relationship (bam-model §1.5): parallel edge arrays, rows 0 .. <see cref="Size"/> − 1.
/// Rows are appended by CreditMarketRound, settled by FirmsValidateDebtCommitments, kept across the period
/// boundary (planning reads last period's interest), purged for bankrupt firms and banks (#34, #35), and
/// cleared at the start of FirmsPrepareLoanApplications. Capacity NF × max_H: a firm gets at most one loan per round.
/// </summary>
public sealed class LoanBook
{
    public LoanBook(int nFirms, int maxH)
    {
        Capacity = nFirms * maxH;
        Borrower = new int[Capacity];
        Lender = new int[Capacity];
        Principal = new double[Capacity];
        Rate = new double[Capacity];
        Interest = new double[Capacity];
        Debt = new double[Capacity];
        DebtPerBorrower = new double[nFirms];
        InterestPerBorrower = new double[nFirms];
        PrincipalPerBorrower = new double[nFirms];
    }

    public int Capacity { get; }

    public int Size { get; private set; }

    public int[] Borrower { get; }

    public int[] Lender { get; }

    public double[] Principal { get; }

    public double[] Rate { get; }

    /// <summary>principal · rate, cached at signing.</summary>
    public double[] Interest { get; }

    /// <summary>principal · (1 + rate), cached at signing.</summary>
    public double[] Debt { get; }

    /// <summary>Aggregates per borrower (scratch written by <see cref="AggregateInterest"/> and <see cref="AggregateAll"/>).</summary>
    public double[] DebtPerBorrower { get; }

    public double[] InterestPerBorrower { get; }

    public double[] PrincipalPerBorrower { get; }

    public void Clear() => Size = 0;

    public void Append(int borrower, int lender, double principal, double rate)
    {
        if (Size == Capacity)
        {
            throw new InvalidOperationException("Loan book full: a firm got more than one loan in a credit round.");
        }

        int r = Size++;
        Borrower[r] = borrower;
        Lender[r] = lender;
        Principal[r] = principal;
        Rate[r] = rate;
        Interest[r] = principal * rate;
        Debt[r] = principal * (1.0 + rate);
    }

    /// <summary><see cref="InterestPerBorrower"/> := Σ interest per borrower, in row order.</summary>
    public void AggregateInterest()
    {
        Array.Clear(InterestPerBorrower);
        for (int r = 0; r < Size; r++)
        {
            InterestPerBorrower[Borrower[r]] += Interest[r];
        }
    }

    /// <summary>Debt, interest and principal per borrower, in row order.</summary>
    public void AggregateAll()
    {
        Array.Clear(DebtPerBorrower);
        Array.Clear(InterestPerBorrower);
        Array.Clear(PrincipalPerBorrower);
        for (int r = 0; r < Size; r++)
        {
            int b = Borrower[r];
            DebtPerBorrower[b] += Debt[r];
            InterestPerBorrower[b] += Interest[r];
            PrincipalPerBorrower[b] += Principal[r];
        }
    }

    /// <summary>Deletes the rows whose borrower is marked; the others keep their order.</summary>
    public void PurgeBorrowers(ReadOnlySpan<bool> marked) => Purge(Borrower, marked);

    /// <summary>Deletes the rows whose lender is marked; the others keep their order.</summary>
    public void PurgeLenders(ReadOnlySpan<bool> marked) => Purge(Lender, marked);

    private void Purge(int[] key, ReadOnlySpan<bool> marked)
    {
        int w = 0;
        for (int r = 0; r < Size; r++)
        {
            if (marked[key[r]])
            {
                continue;
            }

            if (w != r)
            {
                Borrower[w] = Borrower[r];
                Lender[w] = Lender[r];
                Principal[w] = Principal[r];
                Rate[w] = Rate[r];
                Interest[w] = Interest[r];
                Debt[w] = Debt[r];
            }

            w++;
        }

        Size = w;
    }
}
