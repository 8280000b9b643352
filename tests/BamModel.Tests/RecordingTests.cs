using BamModel.Recording;

namespace BamModel.Tests;

public class RecordingTests
{
    [Fact]
    public void Run_RecordsEveryPeriod_AndSetsTheRunConstants()
    {
        var series = new RunSeries();

        BamRunner.Run("growth_plus", [], 0, 60, series);

        Assert.Equal((60, 60, false, 0.02), (series.T, series.NPeriodsRequested, series.Collapsed, series.RBar));
        Assert.Equal((100, 500), (series.NFirms, series.NHouseholds));
        Assert.All(series.AvgPrice, p => Assert.True(p > 0));
        Assert.Equal(series.LoanCount, series.LoanStart[60]);
        for (int t = 0; t < 60; t++)
        {
            Assert.True(series.LoanStart[t + 1] >= series.LoanStart[t]);
        }
    }

    [Fact]
    public void Recorder_CapturesAtTheDocumentedEvents()
    {
        var sim = new Simulation(BamScenarios.CreateConfig("buffer_stock", [], 1));
        var series = new RunSeries();
        series.Reset(80, 100, 500, 0.02);
        sim.Recorder = new SeriesRecorder(sim, series);
        int roundTwoLoans = 0;
        for (int t = 0; t < 80; t++)
        {
            double[] netWorthAtStart = (double[])sim.Borrower.NetWorth.Clone();
            double[] dividendsBefore = (double[])sim.Shareholder.Dividends.Clone();

            sim.Step();

            Assert.Equal(netWorthAtStart, series.Row(series.NetWorth, t).ToArray());          // after #22 = start-of-period equity
            Assert.Equal(sim.Producer.Price, series.Row(series.Price, t).ToArray());          // end of period
            Assert.Equal(sim.Producer.LaborProductivity, series.Row(series.LaborProductivity, t).ToArray());
            Assert.Equal(sim.Consumer.Savings, series.FinalSavings);
            Assert.Equal(dividendsBefore, series.FinalDividends);                              // last period's dividend
            Assert.Equal(sim.BufferStock.Propensity, series.FinalBufferPropensity);
            Assert.Equal(series.FinalEmployed.Count(e => e), series.Employed[t]);
            for (int i = 0; i < 100; i++)
            {
                if (!sim.Economy.FirmExiting[i])
                {
                    Assert.Equal(sim.Producer.Production[i], series.Production[t * 100 + i]);
                    Assert.Equal(sim.Producer.Inventory[i], series.Inventory[t * 100 + i]);
                }
            }

            int recorded = series.LoanStart[t + 1] - series.LoanStart[t];
            if (sim.Economy.NExitingFirms == 0 && sim.Economy.NExitingBanks == 0)
            {
                Assert.True(recorded <= sim.LoanBook.Size);
                for (int r = 0; r < recorded; r++)
                {
                    Assert.Equal(sim.LoanBook.Borrower[r], series.LoanBorrower[series.LoanStart[t] + r]);
                    Assert.Equal(sim.LoanBook.Principal[r], series.LoanPrincipal[series.LoanStart[t] + r]);
                }

                roundTwoLoans += sim.LoanBook.Size - recorded;
            }
        }

        Assert.Equal(80, series.T);
        Assert.True(roundTwoLoans > 0, "round-2 loans should exist and stay unrecorded");
    }

    [Fact]
    public void Run_EveryBankFails_StopsAfterThatPeriodWithoutThrowing()
    {
        var series = new RunSeries();

        BamRunner.Run("baseline", [("equity_base_init", 0.0)], 0, 50, series);

        Assert.True(series.Collapsed);
        Assert.Equal(1, series.T);
        Assert.Equal(10, series.BankBankruptcies[0]);
    }

    [Fact]
    public void Run_ReusedSeries_GivesTheSameResultAsAFreshOne()
    {
        var reused = new RunSeries();
        BamRunner.Run("growth_plus", [], 5, 40, reused);
        var fresh = new RunSeries();

        BamRunner.Run("baseline", [], 2, 40, reused);
        BamRunner.Run("baseline", [], 2, 40, fresh);

        Assert.Equal(fresh.Production, reused.Production);
        Assert.Equal(fresh.LoanStart, reused.LoanStart);
        Assert.Equal(fresh.FinalDividends, reused.FinalDividends);
    }
}
