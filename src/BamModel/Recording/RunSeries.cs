namespace BamModel.Recording;

/// <summary>
/// Everything the validation reads from one run, captured at the times of validation.md §7 (bam-model §5.2).
/// Sized once for a capacity of periods and populations and reused across runs: <see cref="Reset"/> clears the
/// counters, never reallocates when the sizes fit, so a worker thread can run many evaluations with no garbage.
/// Per-firm series are flat row-major matrices: element [t, i] is at <c>t * NFirms + i</c>.
/// </summary>
public sealed class RunSeries
{
    /// <summary>Periods requested (the burn-in rule uses this, validation.md §6.2).</summary>
    public int NPeriodsRequested { get; private set; }

    /// <summary>Periods actually recorded (T). Smaller than requested when the economy collapsed.</summary>
    public int T { get; set; }

    /// <summary>True when every firm or every bank failed in one period and the run stopped (bam-model §7.1 item 23).</summary>
    public bool Collapsed { get; set; }

    public int NFirms { get; private set; }

    public int NHouseholds { get; private set; }

    /// <summary>The run's base interest rate r_bar (H10 uses it when a period has no loans).</summary>
    public double RBar { get; set; }

    // ---- Economy series, one value per period, recorded at the end of the period --------------------------

    /// <summary>P̄_t from update_avg_mkt_price (#23).</summary>
    public double[] AvgPrice { get; private set; } = [];

    /// <summary>π_t from calc_inflation_rate (#7); 0 for the first four periods.</summary>
    public double[] Inflation { get; private set; } = [];

    /// <summary>Number of firms exiting at the end of the period (#34).</summary>
    public int[] FirmBankruptcies { get; private set; } = [];

    /// <summary>Number of banks exiting at the end of the period (#35).</summary>
    public int[] BankBankruptcies { get; private set; } = [];

    // ---- Household aggregates, one value per period ------------------------------------------------------

    /// <summary>Employed households after firms_run_production (#22).</summary>
    public int[] Employed { get; private set; } = [];

    /// <summary>Σ wage over the employed after firms_run_production (#22).</summary>
    public double[] WageSumEmployed { get; private set; } = [];

    /// <summary>Σ Consumer.income_to_spend right after the spending decision (#26, or its buffer-stock replacement).</summary>
    public double[] IncomeToSpendSum { get; private set; } = [];

    // ---- Firm aggregates and per-firm matrices (T × NFirms) ----------------------------------------------

    /// <summary>Σ Employer.n_vacancies after firms_decide_vacancies (#5).</summary>
    public int[] Vacancies { get; private set; } = [];

    /// <summary>Producer.production after firms_run_production (#22).</summary>
    public double[] Production { get; private set; } = [];

    /// <summary>Producer.labor_productivity after firms_apply_productivity_growth (R&amp;D), else at the end of the period.</summary>
    public double[] LaborProductivity { get; private set; } = [];

    /// <summary>Producer.price at the end of the period (after entry).</summary>
    public double[] Price { get; private set; } = [];

    /// <summary>Producer.inventory after consumers_finalize_purchases (#29).</summary>
    public double[] Inventory { get; private set; } = [];

    /// <summary>Borrower.net_worth after firms_run_production (#22): the start-of-period equity.</summary>
    public double[] NetWorth { get; private set; } = [];

    /// <summary>Borrower.total_funds after firms_collect_revenue (#30).</summary>
    public double[] TotalFunds { get; private set; } = [];

    // ---- Loan book after the FIRST credit_market_round of each period -------------------------------------

    /// <summary>Loans of period t are rows <c>LoanStart[t] .. LoanStart[t+1]-1</c> (length T + 1).</summary>
    public int[] LoanStart { get; private set; } = [];

    public int[] LoanBorrower { get; private set; } = [];

    public double[] LoanPrincipal { get; private set; } = [];

    public double[] LoanRate { get; private set; } = [];

    /// <summary>Total loan rows recorded so far.</summary>
    public int LoanCount { get; private set; }

    // ---- Household cross-section of the LAST recorded period (overwritten every period) -------------------

    /// <summary>Worker.employed after firms_run_production (#22).</summary>
    public bool[] FinalEmployed { get; private set; } = [];

    /// <summary>Worker.wage after firms_run_production (#22).</summary>
    public double[] FinalWage { get; private set; } = [];

    /// <summary>Consumer.savings at the end of the period.</summary>
    public double[] FinalSavings { get; private set; } = [];

    /// <summary>BufferStock.propensity after consumers_calc_buffer_stock_propensity (0 without the extension).</summary>
    public double[] FinalBufferPropensity { get; private set; } = [];

    /// <summary>Shareholder.dividends after consumers_calc_buffer_stock_propensity: the previous period's dividend.</summary>
    public double[] FinalDividends { get; private set; } = [];

    /// <summary>Prepares for a run of <paramref name="nPeriods"/> periods; reallocates only when a size grows.</summary>
    public void Reset(int nPeriods, int nFirms, int nHouseholds, double rBar)
    {
        NPeriodsRequested = nPeriods;
        NFirms = nFirms;
        NHouseholds = nHouseholds;
        RBar = rBar;
        T = 0;
        Collapsed = false;
        LoanCount = 0;

        AvgPrice = Fit(AvgPrice, nPeriods);
        Inflation = Fit(Inflation, nPeriods);
        FirmBankruptcies = Fit(FirmBankruptcies, nPeriods);
        BankBankruptcies = Fit(BankBankruptcies, nPeriods);
        Employed = Fit(Employed, nPeriods);
        WageSumEmployed = Fit(WageSumEmployed, nPeriods);
        IncomeToSpendSum = Fit(IncomeToSpendSum, nPeriods);
        Vacancies = Fit(Vacancies, nPeriods);
        Production = Fit(Production, nPeriods * nFirms);
        LaborProductivity = Fit(LaborProductivity, nPeriods * nFirms);
        Price = Fit(Price, nPeriods * nFirms);
        Inventory = Fit(Inventory, nPeriods * nFirms);
        NetWorth = Fit(NetWorth, nPeriods * nFirms);
        TotalFunds = Fit(TotalFunds, nPeriods * nFirms);
        LoanStart = Fit(LoanStart, nPeriods + 1);
        LoanStart[0] = 0;
        FinalEmployed = Fit(FinalEmployed, nHouseholds);
        FinalWage = Fit(FinalWage, nHouseholds);
        FinalSavings = Fit(FinalSavings, nHouseholds);
        FinalBufferPropensity = Fit(FinalBufferPropensity, nHouseholds);
        FinalDividends = Fit(FinalDividends, nHouseholds);
    }

    /// <summary>Appends one loan row to period <paramref name="t"/>; call for period t only, in row order.</summary>
    public void AddLoan(int borrower, double principal, double rate)
    {
        if (LoanCount == LoanBorrower.Length)
        {
            int size = Math.Max(1024, LoanCount * 2);
            LoanBorrower = Grow(LoanBorrower, size);
            LoanPrincipal = Grow(LoanPrincipal, size);
            LoanRate = Grow(LoanRate, size);
        }

        LoanBorrower[LoanCount] = borrower;
        LoanPrincipal[LoanCount] = principal;
        LoanRate[LoanCount] = rate;
        LoanCount++;
    }

    /// <summary>Makes room for <paramref name="rows"/> loan rows, so that recording allocates nothing during a run.</summary>
    public void ReserveLoans(int rows)
    {
        if (LoanBorrower.Length < rows)
        {
            LoanBorrower = Grow(LoanBorrower, rows);
            LoanPrincipal = Grow(LoanPrincipal, rows);
            LoanRate = Grow(LoanRate, rows);
        }
    }

    /// <summary>Closes period t's loan rows: sets <c>LoanStart[t + 1]</c>. Call once per recorded period.</summary>
    public void EndLoans(int t) => LoanStart[t + 1] = LoanCount;

    /// <summary>Row t of a per-firm matrix.</summary>
    public ReadOnlySpan<double> Row(double[] matrix, int t) => matrix.AsSpan(t * NFirms, NFirms);

    private static T2[] Fit<T2>(T2[] array, int length)
    {
        if (array.Length == length)
        {
            Array.Clear(array);
            return array;
        }

        return new T2[length];
    }

    private static T2[] Grow<T2>(T2[] array, int size)
    {
        Array.Resize(ref array, size);
        return array;
    }
}
