using BamModel.Algorithms;
using BamModel.Events;
using BamModel.Tests.Support;

namespace BamModel.Tests;

public class BankruptcyEntryTests
{
    [Fact]
    public void FirmsUpdateNetWorth_CashBecomesNonNegativeEquity()
    {
        var sim = Tiny.Economy(firms: 2);
        sim.Borrower.NetWorth[0] = 5.0;
        sim.Borrower.RetainedProfit[0] = -7.0;
        sim.Borrower.NetWorth[1] = 5.0;
        sim.Borrower.RetainedProfit[1] = 1.0;

        Bankruptcy.FirmsUpdateNetWorth(sim.Borrower);

        Assert.Equal([-2.0, 6.0], sim.Borrower.NetWorth);
        Assert.Equal([0.0, 6.0], sim.Borrower.TotalFunds);
    }

    [Fact]
    public void MarkBankruptFirms_GhostAndZeroEquity_ExitWithoutLoyalty()
    {
        var sim = Tiny.Economy(firms: 3, households: 2, banks: 1);
        sim.Borrower.NetWorth.AsSpan().Fill(10.0);
        sim.Producer.ProductionPrev.AsSpan().Fill(1.0);
        sim.Producer.ProductionPrev[0] = 0.0;    // ghost: produced nothing
        sim.Borrower.NetWorth[1] = 0.0;          // exactly 0 fails (A < EPS)
        sim.Borrower.NetWorth[2] = Constants.Eps;
        Tiny.Employ(sim, 0, firm: 1, wage: 1.0);
        Tiny.Employ(sim, 1, firm: 2, wage: 1.0);
        sim.Employer.WageBill[1] = 1.0;
        sim.LoanBook.Append(1, 0, 1.0, 0.1);
        sim.LoanBook.Append(2, 0, 1.0, 0.1);

        Bankruptcy.MarkBankruptFirms(sim.Borrower, sim.Producer, sim.Employer, sim.Worker, sim.LoanBook, sim.Economy);

        Assert.Equal([0, 1], sim.Economy.ExitingFirms.AsSpan(0, sim.Economy.NExitingFirms).ToArray());
        Assert.Equal((-1, -1, 0.0), (sim.Worker.Employer[0], sim.Worker.EmployerPrev[0], sim.Worker.Wage[0]));
        Assert.Equal((0, 0.0), (sim.Employer.CurrentLabor[1], sim.Employer.WageBill[1]));
        Assert.Equal(2, sim.Worker.Employer[1]);
        Assert.Equal(1, sim.LoanBook.Size);
        Assert.Equal(2, sim.LoanBook.Borrower[0]);
    }

    [Fact]
    public void MarkBankruptBanks_EquityBelowEps_ExitsAndLoansPurged()
    {
        var sim = Tiny.Economy(firms: 1, banks: 2);
        sim.Lender.EquityBase[0] = 0.5e-9;
        sim.Lender.EquityBase[1] = 1.0;
        sim.LoanBook.Append(0, 0, 1.0, 0.1);
        sim.LoanBook.Append(0, 1, 2.0, 0.1);

        Bankruptcy.MarkBankruptBanks(sim.Lender, sim.LoanBook, sim.Economy);

        Assert.Equal((1, 0), (sim.Economy.NExitingBanks, sim.Economy.ExitingBanks[0]));
        Assert.Equal((1, 1), (sim.LoanBook.Size, sim.LoanBook.Lender[0]));
    }

    [Theory]
    [InlineData(10, 0)]
    [InlineData(20, 1)]
    [InlineData(30, 2)]     // 1.5 → 2
    [InlineData(50, 2)]     // 2.5 → 2 (half to even)
    [InlineData(70, 4)]     // 3.5 → 4
    [InlineData(90, 4)]     // 4.5 → 4
    [InlineData(95, 5)]
    public void TrimMean_TrimCount_RoundsHalfToEven(int n, int k)
    {
        Assert.Equal(k, TrimMean.TrimCount(n));
    }

    [Theory]
    [InlineData(10, 5.5)]    // k = 0: plain mean
    [InlineData(20, 10.5)]   // k = 1: mean of 2 … 19
    [InlineData(50, 25.5)]   // k = 2: mean of 3 … 48
    [InlineData(6000, 3000.5)] // k = 300
    public void TrimMean_DropsKSmallestAndLargest(int n, double expected)
    {
        double[] values = [.. Enumerable.Range(1, n).Select(i => (double)i).Reverse()];
        new Random(1).Shuffle(values);

        Assert.Equal(expected, TrimMean.ComputeInplace(values), 12);
    }

    [Fact]
    public void TrimMean_TiesAtTheCut_DropExactlyOneCopyEachSide()
    {
        // n = 20, k = 1: three 1s, fifteen 5s, two 9s; one 1 and one 9 go: (2·1 + 15·5 + 9) / 18.
        double[] values = [5, 9, 5, 1, 5, 5, 5, 1, 5, 5, 9, 5, 5, 5, 1, 5, 5, 5, 5, 5];

        Assert.Equal(86.0 / 18.0, TrimMean.ComputeInplace(values), 14);
    }

    [Theory]
    [InlineData(0)]      // trimmed away as the smallest by position
    [InlineData(7)]
    [InlineData(399)]
    public void TrimMean_NaNAnywhere_IsNaN(int at)
    {
        double[] values = [.. Enumerable.Range(0, 400).Select(i => (double)(i % 37))];
        values[at] = double.NaN;

        Assert.True(double.IsNaN(TrimMean.ComputeInplace(values)));
    }

    [Fact]
    public void TrimMean_AllEqual_IsThatValue()
    {
        double[] values = [.. Enumerable.Repeat(0.3, 450)];

        Assert.Equal(0.3, TrimMean.ComputeInplace(values), 12);
    }

    [Fact]
    public void TrimMean_Empty_IsZero()
    {
        Assert.Equal(0.0, TrimMean.ComputeInplace([]));
    }

    [Fact]
    public void SpawnReplacementFirms_EntrantFromTrimmedMeansOfSurvivors()
    {
        var sim = Tiny.Economy(firms: 21, households: 10);
        for (int i = 1; i <= 20; i++)
        {
            sim.Borrower.NetWorth[i] = i;
            sim.Producer.Production[i] = 2.0 * i;
        }

        sim.Borrower.NetWorth[0] = -50.0;
        sim.Producer.LaborProductivity[0] = 3.0;
        for (int j = 0; j < 10; j++)
        {
            Tiny.Employ(sim, j, firm: 1 + j, wage: j + 1);
        }

        sim.Economy.AppendPrice(2.0);
        sim.Economy.ExitingFirms[0] = 0;
        sim.Economy.NExitingFirms = 1;
        sim.Economy.FirmExiting[0] = true;

        Entry.SpawnReplacementFirms(sim.Producer, sim.Employer, sim.Borrower, sim.Worker, sim.Economy, 0.5, 0.5, 0.5, 1.2);

        Assert.Equal(0.5 * 10.5, sim.Borrower.NetWorth[0], 12);
        Assert.Equal(sim.Borrower.NetWorth[0], sim.Borrower.TotalFunds[0]);
        Assert.Equal(0.5 * 21.0, sim.Producer.Production[0], 12);
        Assert.Equal(sim.Producer.Production[0], sim.Producer.ProductionPrev[0]);
        Assert.Equal(0.5 * 5.5, sim.Employer.WageOffer[0], 12);
        Assert.Equal(2.0 * 1.2, sim.Producer.Price[0], 15);
        Assert.Equal((0.0, 0, 0.0), (sim.Producer.Inventory[0], sim.Employer.CurrentLabor[0], sim.Employer.WageBill[0]));
        Assert.Equal(3.0, sim.Producer.LaborProductivity[0]);   // inherited from the slot
        Assert.False(sim.Economy.Collapsed);
    }

    [Fact]
    public void SpawnReplacementFirms_EveryFirmExits_Collapses()
    {
        var sim = Tiny.Economy(firms: 2);
        sim.Economy.ExitingFirms[0] = 0;
        sim.Economy.ExitingFirms[1] = 1;
        sim.Economy.NExitingFirms = 2;

        Entry.SpawnReplacementFirms(sim.Producer, sim.Employer, sim.Borrower, sim.Worker, sim.Economy, 0.5, 0.5, 0.5, 1.2);

        Assert.True(sim.Economy.Collapsed);
    }

    [Fact]
    public void SpawnReplacementBanks_CopiesASurvivorsEquity()
    {
        var sim = Tiny.Economy(banks: 3);
        sim.Lender.EquityBase[0] = -1.0;
        sim.Lender.EquityBase[1] = 7.0;
        sim.Lender.EquityBase[2] = -2.0;
        sim.Lender.CreditSupply[0] = 5.0;
        Bankruptcy.MarkBankruptBanks(sim.Lender, sim.LoanBook, sim.Economy);

        Entry.SpawnReplacementBanks(sim.Lender, sim.Economy, sim.Rng);

        Assert.Equal([7.0, 7.0, 7.0], sim.Lender.EquityBase);
        Assert.Equal(0.0, sim.Lender.CreditSupply[0]);
    }
}
