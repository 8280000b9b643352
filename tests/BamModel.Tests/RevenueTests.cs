using BamModel.Events;
using BamModel.Tests.Support;

namespace BamModel.Tests;

public class RevenueTests
{
    [Fact]
    public void FirmsCollectRevenue_PriceTimesSold_GrossProfitNetOfWageBill()
    {
        var sim = Tiny.Economy(firms: 1);
        sim.Producer.Production[0] = 10.0;
        sim.Producer.Inventory[0] = 4.0;
        sim.Producer.Price[0] = 2.0;
        sim.Borrower.TotalFunds[0] = 1.0;
        sim.Borrower.WageBill[0] = 5.0;

        Revenue.FirmsCollectRevenue(sim.Producer, sim.Borrower);

        Assert.Equal((13.0, 7.0), (sim.Borrower.TotalFunds[0], sim.Borrower.GrossProfit[0]));
    }

    [Fact]
    public void FirmsValidateDebtCommitments_Repayer_PaysDebtBankEarnsInterest()
    {
        var sim = Tiny.Economy(firms: 1, banks: 1);
        sim.LoanBook.Append(0, 0, principal: 10.0, rate: 0.1);
        sim.Borrower.TotalFunds[0] = 20.0;
        sim.Borrower.GrossProfit[0] = 3.0;
        sim.Lender.EquityBase[0] = 5.0;

        Revenue.FirmsValidateDebtCommitments(sim.Borrower, sim.Lender, sim.LoanBook);

        Assert.Equal(20.0 - 10.0 * 1.1, sim.Borrower.TotalFunds[0], 14);
        Assert.Equal(5.0 + 10.0 * 0.1, sim.Lender.EquityBase[0], 14);
        Assert.Equal(3.0 - 10.0 * 0.1, sim.Borrower.NetProfit[0], 14);
        Assert.Equal(1, sim.LoanBook.Size);
    }

    [Fact]
    public void FirmsValidateDebtCommitments_Defaulter_BanksRecoverNetWorthProRata()
    {
        var sim = Tiny.Economy(firms: 1, banks: 2);
        sim.LoanBook.Append(0, 0, principal: 6.0, rate: 0.1);
        sim.LoanBook.Append(0, 1, principal: 4.0, rate: 0.1);
        sim.Borrower.TotalFunds[0] = 5.0;
        sim.Borrower.NetWorth[0] = 5.0;
        sim.Lender.EquityBase.AsSpan().Fill(10.0);

        Revenue.FirmsValidateDebtCommitments(sim.Borrower, sim.Lender, sim.LoanBook);

        Assert.Equal(0.0, sim.Borrower.TotalFunds[0]);
        Assert.Equal(10.0 - (6.0 - 3.0), sim.Lender.EquityBase[0], 14);
        Assert.Equal(10.0 - (4.0 - 2.0), sim.Lender.EquityBase[1], 14);
        Assert.Equal(-(6.0 * 0.1 + 4.0 * 0.1), sim.Borrower.NetProfit[0], 14);
    }

    [Fact]
    public void FirmsPayDividends_PositiveProfitsOnly_SplitEquallyAmongHouseholds()
    {
        var sim = Tiny.Economy(firms: 2, households: 2);
        sim.Borrower.NetProfit[0] = 10.0;
        sim.Borrower.NetProfit[1] = -2.0;
        sim.Borrower.TotalFunds.AsSpan().Fill(20.0);

        Revenue.FirmsPayDividends(sim.Borrower, sim.Consumer, sim.Shareholder, delta: 0.1);

        Assert.Equal([10.0 * 0.9, -2.0], sim.Borrower.RetainedProfit);
        Assert.Equal(20.0 - (10.0 - 10.0 * 0.9), sim.Borrower.TotalFunds[0]);
        Assert.Equal(20.0, sim.Borrower.TotalFunds[1]);
        double perHousehold = (10.0 - 10.0 * 0.9) / 2;
        Assert.Equal([perHousehold, perHousehold], sim.Shareholder.Dividends);
        Assert.Equal(1.0 + perHousehold, sim.Consumer.Savings[0]);
    }
}
