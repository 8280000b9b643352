using BamModel.Events;
using BamModel.Tests.Support;

namespace BamModel.Tests;

public class CreditMarketTests
{
    private static Simulation OneBankThreeBorrowers(double supply, double maxLoanToNetWorth = 0)
    {
        var sim = Tiny.Economy(firms: 3, banks: 1, maxH: 1);
        sim.Lender.CreditSupply[0] = supply;
        sim.Lender.OpexShock[0] = 0.05;
        sim.Borrower.CreditDemand.AsSpan().Fill(6.0);
        sim.Borrower.NetWorth.AsSpan().Fill(100.0);
        sim.Borrower.TotalFunds.AsSpan().Clear();
        sim.Borrower.ProjectedFragility[0] = 0.5;
        sim.Borrower.ProjectedFragility[1] = 0.1;
        sim.Borrower.ProjectedFragility[2] = 0.3;
        for (int i = 0; i < 3; i++)
        {
            sim.Borrower.LoanAppsTargets[i] = 0;
            sim.Borrower.LoanAppsHead[i] = i;
        }

        return sim;
    }

    [Fact]
    public void CreditMarketRound_RationsByAscendingFragility_OverflowGetsTheRemainder()
    {
        var sim = OneBankThreeBorrowers(supply: 10.0);

        CreditMarket.CreditMarketRound(sim.Borrower, sim.Lender, sim.LoanBook, rBar: 0.02, maxLoanToNetWorth: 0, maxLeverage: 10);

        var book = sim.LoanBook;
        Assert.Equal(2, book.Size);
        Assert.Equal((1, 6.0), (book.Borrower[0], book.Principal[0]));
        Assert.Equal((2, 4.0), (book.Borrower[1], book.Principal[1]));
        Assert.Equal([6.0, 0.0, 2.0], sim.Borrower.CreditDemand);
        Assert.Equal([0.0, 6.0, 4.0], sim.Borrower.TotalFunds);
        Assert.Equal(0.0, sim.Lender.CreditSupply[0]);
    }

    [Fact]
    public void CreditMarketRound_LoanRate_UsesBankShockAndCappedFragility()
    {
        var sim = OneBankThreeBorrowers(supply: 100.0);
        sim.Borrower.ProjectedFragility[0] = 20.0;

        CreditMarket.CreditMarketRound(sim.Borrower, sim.Lender, sim.LoanBook, rBar: 0.02, maxLoanToNetWorth: 0, maxLeverage: 10);

        var book = sim.LoanBook;
        Assert.Equal([1, 2, 0], book.Borrower.AsSpan(0, 3).ToArray());
        Assert.Equal(0.02 * (1 + 0.05 * 0.1), book.Rate[0], 15);
        Assert.Equal(0.02 * (1 + 0.05 * 10), book.Rate[2], 15);
        Assert.Equal(6.0 * book.Rate[2], book.Interest[2]);
        Assert.Equal(6.0 * (1 + book.Rate[2]), book.Debt[2]);
    }

    [Fact]
    public void CreditMarketRound_PerLoanCap_LimitsEachLoanToMultipleOfNetWorth()
    {
        var sim = Tiny.Economy(firms: 1, banks: 2, maxH: 2);
        sim.Lender.CreditSupply.AsSpan().Fill(100.0);
        sim.Borrower.CreditDemand[0] = 5.0;
        sim.Borrower.NetWorth[0] = 1.0;
        sim.Borrower.LoanAppsTargets[0] = 0;
        sim.Borrower.LoanAppsTargets[1] = 1;
        sim.Borrower.LoanAppsHead[0] = 0;

        CreditMarket.CreditMarketRound(sim.Borrower, sim.Lender, sim.LoanBook, 0.02, maxLoanToNetWorth: 2, maxLeverage: 10);
        CreditMarket.CreditMarketRound(sim.Borrower, sim.Lender, sim.LoanBook, 0.02, maxLoanToNetWorth: 2, maxLeverage: 10);

        Assert.Equal(2, sim.LoanBook.Size);
        Assert.Equal([2.0, 2.0], sim.LoanBook.Principal.AsSpan(0, 2).ToArray());
        Assert.Equal(1.0, sim.Borrower.CreditDemand[0]);
        Assert.Equal(-1, sim.Borrower.LoanAppsHead[0]);
    }

    [Fact]
    public void CreditMarketRound_BankSupplyAtEps_WastesTheApplication()
    {
        var sim = OneBankThreeBorrowers(supply: Constants.Eps);

        CreditMarket.CreditMarketRound(sim.Borrower, sim.Lender, sim.LoanBook, 0.02, 0, 10);

        Assert.Equal(0, sim.LoanBook.Size);
        Assert.All(sim.Borrower.LoanAppsHead, h => Assert.Equal(-1, h));
    }

    [Fact]
    public void FirmsPrepareLoanApplications_AllLenders_SortedByPostedRate_ClearsTheBook()
    {
        var sim = Tiny.Economy(firms: 2, banks: 3, maxH: 3);
        sim.LoanBook.Append(0, 0, 1.0, 0.1);
        sim.Lender.CreditSupply.AsSpan().Fill(1.0);
        sim.Lender.CreditSupply[1] = 0.0;          // not a lender (exact zero)
        sim.Lender.InterestRate[0] = 0.03;
        sim.Lender.InterestRate[2] = 0.02;
        sim.Borrower.CreditDemand[1] = 1.0;

        CreditMarket.FirmsPrepareLoanApplications(sim.Borrower, sim.Lender, sim.LoanBook, sim.Rng);

        Assert.Equal(0, sim.LoanBook.Size);
        Assert.Equal([-1, -1, -1, 2, 0, -1], sim.Borrower.LoanAppsTargets);
        Assert.Equal([-1, 3], sim.Borrower.LoanAppsHead);
    }

    [Fact]
    public void FirmsFireWorkers_FiresUntilTheGapIsCovered_ReducesWageBill()
    {
        var sim = Tiny.Economy(firms: 1, households: 3);
        for (int j = 0; j < 3; j++)
        {
            Tiny.Employ(sim, j, firm: 0, wage: 1.0);
        }

        sim.Employer.WageBill[0] = 3.0;
        sim.Employer.TotalFunds[0] = 1.5;

        CreditMarket.FirmsFireWorkers(sim.Employer, sim.Worker, sim.Rng);

        Assert.Equal(2, sim.Worker.Fired.Count(f => f));
        Assert.Equal((1, 1.0), (sim.Employer.CurrentLabor[0], sim.Employer.WageBill[0]));
        Assert.Equal(1.5, sim.Employer.TotalFunds[0]);
    }

    [Fact]
    public void FirmsFireWorkers_GapWithinEps_FiresNobody()
    {
        var sim = Tiny.Economy(firms: 1, households: 1);
        Tiny.Employ(sim, 0, firm: 0, wage: 1.0);
        sim.Employer.WageBill[0] = 1.0;
        sim.Employer.TotalFunds[0] = 1.0 - 0.5e-9;

        CreditMarket.FirmsFireWorkers(sim.Employer, sim.Worker, sim.Rng);

        Assert.Equal(0, sim.Worker.Employer[0]);
    }

    [Fact]
    public void FirmsCalcFinancialFragility_NonPositiveNetWorth_UsesMaxLeverage()
    {
        var sim = Tiny.Economy(firms: 2);
        sim.Borrower.CreditDemand[0] = 3.0;
        sim.Borrower.NetWorth[0] = 2.0;
        sim.Borrower.NetWorth[1] = 0.0;

        CreditMarket.FirmsCalcFinancialFragility(sim.Borrower, maxLeverage: 10);

        Assert.Equal([1.5, 10.0], sim.Borrower.ProjectedFragility);
    }
}
