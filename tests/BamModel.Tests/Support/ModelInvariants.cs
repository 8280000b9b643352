namespace BamModel.Tests.Support;

/// <summary>Cross-role identities that hold at the end of every period, grouped by phase.</summary>
internal static class ModelInvariants
{
    public static void AssertHold(Simulation sim)
    {
        LabourHolds(sim);
        FinanceHolds(sim);
        GoodsHolds(sim);
        QueuesHold(sim);
    }

    private static void LabourHolds(Simulation sim)
    {
        var wrk = sim.Worker;
        var emp = sim.Employer;
        var counted = new int[emp.Count];
        var wages = new double[emp.Count];
        for (int j = 0; j < wrk.Count; j++)
        {
            int f = wrk.Employer[j];
            if (f >= 0)
            {
                counted[f]++;
                wages[f] += wrk.Wage[j];
                Assert.InRange(wrk.PeriodsLeft[j], 1, sim.Config.Theta);
                Assert.True(wrk.Wage[j] >= sim.Economy.MinWage * (1 - 1e-12), $"worker {j} paid {wrk.Wage[j]} below the minimum wage");
            }
            else
            {
                Assert.Equal(0.0, wrk.Wage[j]);
                Assert.Equal(0, wrk.PeriodsLeft[j]);
            }
        }

        for (int i = 0; i < emp.Count; i++)
        {
            Assert.Equal(counted[i], emp.CurrentLabor[i]);
            Assert.True(emp.NVacancies[i] >= 0);
            Assert.True(emp.DesiredLabor[i] >= 0);
            // The wage bill is this period's (contract expiry leaves it stale), so it covers the remaining workers.
            Assert.True(emp.WageBill[i] >= wages[i] - 1e-9 * (1 + wages[i]), $"firm {i}: wage bill {emp.WageBill[i]} < wages {wages[i]}");
            Assert.True(emp.WageOffer[i] >= sim.Economy.MinWage * (1 - 1e-12));
        }
    }

    private static void FinanceHolds(Simulation sim)
    {
        var bor = sim.Borrower;
        for (int i = 0; i < bor.Count; i++)
        {
            Assert.True(double.IsFinite(bor.NetWorth[i]), $"firm {i} net worth {bor.NetWorth[i]}");
            Assert.Equal(Math.Max(bor.NetWorth[i], 0.0), bor.TotalFunds[i]);
            Assert.True(bor.NetWorth[i] >= Constants.Eps, $"firm {i} survived with net worth {bor.NetWorth[i]}");
        }

        for (int k = 0; k < sim.Lender.Count; k++)
        {
            Assert.True(double.IsFinite(sim.Lender.EquityBase[k]));
            Assert.True(sim.Lender.EquityBase[k] >= Constants.Eps);
        }

        var book = sim.LoanBook;
        Assert.InRange(book.Size, 0, book.Capacity);
        for (int r = 0; r < book.Size; r++)
        {
            Assert.InRange(book.Borrower[r], 0, bor.Count - 1);
            Assert.InRange(book.Lender[r], 0, sim.Lender.Count - 1);
            Assert.True(book.Principal[r] > Constants.Eps);
            Assert.False(sim.Economy.FirmExiting[book.Borrower[r]], "a bankrupt firm's loan survived the purge");
            Assert.False(sim.Economy.BankExiting[book.Lender[r]], "a bankrupt bank's loan survived the purge");
        }
    }

    private static void GoodsHolds(Simulation sim)
    {
        var prod = sim.Producer;
        for (int i = 0; i < prod.Count; i++)
        {
            Assert.True(prod.Inventory[i] >= 0.0, $"firm {i} inventory {prod.Inventory[i]}");
            Assert.True(prod.Price[i] > 0.0 && double.IsFinite(prod.Price[i]), $"firm {i} price {prod.Price[i]}");
            Assert.True(prod.LaborProductivity[i] > 0.0 && double.IsFinite(prod.LaborProductivity[i]));
            Assert.True(prod.ProductionPrev[i] > Constants.Eps, $"firm {i} survived with no production");
        }

        var con = sim.Consumer;
        for (int j = 0; j < con.Count; j++)
        {
            Assert.True(con.Savings[j] >= -1e-9 && double.IsFinite(con.Savings[j]), $"household {j} savings {con.Savings[j]}");
            Assert.Equal(0.0, con.Income[j]);
            Assert.Equal(0.0, con.IncomeToSpend[j]);
        }

        Assert.True(sim.Economy.AvgMktPrice > 0.0 && double.IsFinite(sim.Economy.AvgMktPrice));
    }

    private static void QueuesHold(Simulation sim)
    {
        var wrk = sim.Worker;
        for (int j = 0; j < wrk.Count; j++)
        {
            Assert.Equal(-1, wrk.JobAppsHead[j]);   // max_M rounds exhaust every queue
        }

        for (int i = 0; i < sim.Borrower.Count; i++)
        {
            int h = sim.Borrower.LoanAppsHead[i];
            Assert.True(h == -1 || (h >= i * sim.Config.MaxH && h < (i + 1) * sim.Config.MaxH));
        }

        for (int j = 0; j < sim.Consumer.Count; j++)
        {
            int h = sim.Consumer.ShopVisitsHead[j];
            Assert.True(h == -1 || h == j * sim.Config.MaxZ);
        }
    }
}
