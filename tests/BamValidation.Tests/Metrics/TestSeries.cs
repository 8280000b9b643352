using BamModel.Recording;

namespace BamValidation.Tests.Metrics;

/// <summary>
/// Hand-made runs: a small, calm economy (10 firms, 100 households) with every series filled, and helpers to
/// shape single series. Values are chosen so that the expected metrics can be worked out by hand.
/// </summary>
internal static class TestSeries
{
    public const int Firms = 4, Households = 100;

    /// <summary>
    /// T periods: 93 employed (U = 0.07) except every fifth period 90 (U = 0.10); wage bill 0.3 per worker;
    /// price 1; production 25 per firm with a small cycle; inflation 0.01 from period 4 on; the given loans.
    /// </summary>
    public static RunSeries Calm(int periods = 1000, int recorded = -1, Func<int, (int Borrower, double Principal, double Rate)[]>? loans = null)
    {
        int t = recorded < 0 ? periods : recorded;
        var s = new RunSeries();
        s.Reset(periods, Firms, Households, rBar: 0.02);
        s.T = t;
        for (int p = 0; p < t; p++)
        {
            int employed = p % 5 == 0 ? 90 : 93;
            s.Employed[p] = employed;
            s.WageSumEmployed[p] = 0.3 * employed;
            s.AvgPrice[p] = 1.0;
            s.Inflation[p] = p < 4 ? 0.0 : 0.01;
            s.Vacancies[p] = 12 + p % 3;
            s.IncomeToSpendSum[p] = 70.0;
            s.FirmBankruptcies[p] = p % 2;
            for (int i = 0; i < Firms; i++)
            {
                int k = p * Firms + i;
                s.Production[k] = 25.0 + Math.Sin(p * 0.3 + i);
                s.LaborProductivity[k] = 0.5;
                s.Price[k] = 1.0 + 0.01 * i;
                s.Inventory[k] = 1.0;
                s.NetWorth[k] = 10.0 + i;
                s.TotalFunds[k] = 5.0;
            }

            foreach (var (borrower, principal, rate) in loans?.Invoke(p) ?? [])
            {
                s.AddLoan(borrower, principal, rate);
            }

            s.EndLoans(p);
        }

        for (int h = 0; h < Households; h++)
        {
            s.FinalEmployed[h] = h < 93;
            s.FinalWage[h] = 0.3;
            s.FinalSavings[h] = 1.0 + h % 7;
        }

        return s;
    }

    /// <summary>Overwrites row <paramref name="t"/> of a per-firm matrix.</summary>
    public static void SetRow(RunSeries s, double[] matrix, int t, params double[] values) =>
        values.CopyTo(matrix.AsSpan(t * s.NFirms, s.NFirms));
}
