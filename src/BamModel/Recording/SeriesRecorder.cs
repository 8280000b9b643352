using BamModel.Algorithms;

namespace BamModel.Recording;

/// <summary>
/// Copies what the validation reads into a <see cref="RunSeries"/>, one method per capture point of
/// validation.md §7 (bam-model §5.2). The pipeline calls each method once per period, right after the event it
/// is named after (after the first repetition of a repeated event). Allocates only when built.
/// </summary>
internal sealed class SeriesRecorder(Simulation sim, RunSeries series)
{
    // Σ wage · employed over all workers, summed as NumPy sums it (validation.md §7: F[t], Wbar[t]).
    private readonly double[] _paidWages = new double[sim.Worker.Employer.Length];

    private int Row => sim.Period - 1;

    /// <summary>After firms_decide_vacancies (#5): Σ n_vacancies.</summary>
    public void AfterFirmsDecideVacancies()
    {
        int total = 0;
        foreach (int v in sim.Employer.NVacancies)
        {
            total += v;
        }

        series.Vacancies[Row] = total;
    }

    /// <summary>After the FIRST credit_market_round (#18): the loan book, which then holds round 1's loans only.</summary>
    public void AfterFirstCreditMarketRound()
    {
        LoanBook book = sim.LoanBook;
        for (int r = 0; r < book.Size; r++)
        {
            series.AddLoan(book.Borrower[r], book.Principal[r], book.Rate[r]);
        }
    }

    /// <summary>
    /// After firms_run_production (#22): production, start-of-period net worth, employment, and Σ wage · employed
    /// over all workers in NumPy's order (<see cref="PairwiseSum"/>).
    /// </summary>
    public void AfterFirmsRunProduction()
    {
        int t = Row;
        CopyRow(sim.Producer.Production, series.Production, t);
        CopyRow(sim.Borrower.NetWorth, series.NetWorth, t);
        ReadOnlySpan<int> employer = sim.Worker.Employer;
        ReadOnlySpan<double> wage = sim.Worker.Wage;
        Span<bool> employed = series.FinalEmployed;
        Span<double> paid = _paidWages;
        int count = 0;
        for (int j = 0; j < employer.Length; j++)
        {
            bool e = employer[j] >= 0;
            employed[j] = e;
            count += Branchless.Bit(e);
            paid[j] = wage[j] * Branchless.Bit(e);
        }

        wage.CopyTo(series.FinalWage);
        series.Employed[t] = count;
        series.WageSumEmployed[t] = PairwiseSum.Sum(paid);
    }

    /// <summary>After consumers_calc_buffer_stock_propensity: the propensity and the previous period's dividend.</summary>
    public void AfterBufferStockPropensity()
    {
        sim.BufferStock.Propensity.CopyTo(series.FinalBufferPropensity, 0);
        sim.Shareholder.Dividends.CopyTo(series.FinalDividends, 0);
    }

    /// <summary>
    /// After consumers_decide_income_to_spend (#26) or its buffer-stock replacement: Σ income_to_spend (pairwise).
    /// </summary>
    public void AfterConsumersDecideIncomeToSpend() =>
        series.IncomeToSpendSum[Row] = PairwiseSum.Sum(sim.Consumer.IncomeToSpend);

    /// <summary>After consumers_finalize_purchases (#29): unsold inventory.</summary>
    public void AfterConsumersFinalizePurchases() => CopyRow(sim.Producer.Inventory, series.Inventory, Row);

    /// <summary>After firms_collect_revenue (#30): cash including revenue.</summary>
    public void AfterFirmsCollectRevenue() => CopyRow(sim.Borrower.TotalFunds, series.TotalFunds, Row);

    /// <summary>After firms_apply_productivity_growth (R&amp;D): labour productivity.</summary>
    public void AfterFirmsApplyProductivityGrowth() => CopyRow(sim.Producer.LaborProductivity, series.LaborProductivity, Row);

    /// <summary>End of the period, after entry: economy series, prices, savings, untimed productivity; closes the period.</summary>
    public void EndOfPeriod()
    {
        int t = Row;
        var eco = sim.Economy;
        if (!sim.Config.EnableRnD)
        {
            CopyRow(sim.Producer.LaborProductivity, series.LaborProductivity, t);
        }

        CopyRow(sim.Producer.Price, series.Price, t);
        series.AvgPrice[t] = eco.AvgMktPrice;
        series.Inflation[t] = eco.Inflation;
        series.FirmBankruptcies[t] = eco.NExitingFirms;
        series.BankBankruptcies[t] = eco.NExitingBanks;
        sim.Consumer.Savings.CopyTo(series.FinalSavings, 0);
        series.EndLoans(t);
        series.T = t + 1;
    }

    private void CopyRow(double[] source, double[] matrix, int t) => source.CopyTo(matrix, t * series.NFirms);
}
