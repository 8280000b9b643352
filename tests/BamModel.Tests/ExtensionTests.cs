using BamModel.Tests.Support;
using BufferStockEvents = BamModel.Events.BufferStock;
using RnDEvents = BamModel.Events.RnD;

namespace BamModel.Tests;

public class ExtensionTests
{
    [Theory]
    [InlineData(0.0, 1.0, 3.0, 0.5)]                      // unemployed: 1/h
    [InlineData(1.0, 0.0, 3.0, 2.0)]                      // fresh start: 1 − h + S/W
    [InlineData(1.0, 0.0, 0.0, 0.0)]                      // fresh start below zero: clamped
    [InlineData(1.1, 1.0, 2.5, 1.2727272727272727)]       // normal: g = 0.1, d = 0.5, 1 + (d − h·g)/(1 + g)
    [InlineData(0.0005, 1.0, 1.0, 99.0)]                  // g floored at −0.99: 1 + (−1 + 1.98)/0.01
    public void ConsumersCalcBufferStockPropensity_Branches(double income, double prevIncome, double savings, double expected)
    {
        var sim = Tiny.Economy(households: 1);
        sim.Consumer.Income[0] = income;
        sim.BufferStock.PrevIncome[0] = prevIncome;
        sim.Consumer.Savings[0] = savings;

        BufferStockEvents.ConsumersCalcBufferStockPropensity(sim.BufferStock, sim.Consumer, h: 2.0);

        Assert.Equal(expected, sim.BufferStock.Propensity[0], 10);
    }

    [Fact]
    public void ConsumersDecideBufferStockSpending_BudgetCappedByWealth_IncomeRemembered()
    {
        var sim = Tiny.Economy(households: 2);
        sim.Consumer.Income[0] = 1.0;
        sim.Consumer.Savings[0] = 0.5;
        sim.BufferStock.Propensity[0] = 3.0;      // 3 × W exceeds S + W
        sim.Consumer.Savings[1] = 4.0;
        sim.BufferStock.Propensity[1] = 0.5;      // unemployed: c × S

        BufferStockEvents.ConsumersDecideBufferStockSpending(sim.BufferStock, sim.Consumer);

        Assert.Equal([1.5, 2.0], sim.Consumer.IncomeToSpend);
        Assert.Equal([0.0, 2.0], sim.Consumer.Savings);
        Assert.Equal([1.0, 0.0], sim.BufferStock.PrevIncome);
        Assert.Equal([0.0, 0.0], sim.Consumer.Income);
    }

    [Fact]
    public void BufferStockEvents_FourHouseholdsAtATime_GiveTheBitsOfOneAtATime()
    {
        // 103 households take the four-lane path (and a scalar tail of 3); each one alone takes the scalar path.
        double[] special = [0.0, -0.0, -1.0, 1e-300, double.NaN, double.PositiveInfinity];
        var random = new Random(8);
        double Draw(int j, int salt) => (j + salt) % 7 == 0 ? special[(j + salt) % special.Length] : random.NextDouble() * 3.0 - 0.5;
        var all = Tiny.Economy(households: 103);
        for (int j = 0; j < 103; j++)
        {
            all.Consumer.Income[j] = Draw(j, 0);
            all.BufferStock.PrevIncome[j] = Draw(j, 3);
            all.Consumer.Savings[j] = Draw(j, 5);
        }

        var alone = new Simulation[103];
        for (int j = 0; j < 103; j++)
        {
            alone[j] = Tiny.Economy(households: 1);
            alone[j].Consumer.Income[0] = all.Consumer.Income[j];
            alone[j].BufferStock.PrevIncome[0] = all.BufferStock.PrevIncome[j];
            alone[j].Consumer.Savings[0] = all.Consumer.Savings[j];
            BufferStockEvents.ConsumersCalcBufferStockPropensity(alone[j].BufferStock, alone[j].Consumer, h: 1.5);
            BufferStockEvents.ConsumersDecideBufferStockSpending(alone[j].BufferStock, alone[j].Consumer);
        }

        BufferStockEvents.ConsumersCalcBufferStockPropensity(all.BufferStock, all.Consumer, h: 1.5);
        BufferStockEvents.ConsumersDecideBufferStockSpending(all.BufferStock, all.Consumer);

        for (int j = 0; j < 103; j++)
        {
            Assert.Equal(Bits(alone[j].BufferStock.Propensity[0]), Bits(all.BufferStock.Propensity[j]));
            Assert.Equal(Bits(alone[j].Consumer.IncomeToSpend[0]), Bits(all.Consumer.IncomeToSpend[j]));
            Assert.Equal(Bits(alone[j].Consumer.Savings[0]), Bits(all.Consumer.Savings[j]));
            Assert.Equal(Bits(alone[j].BufferStock.PrevIncome[0]), Bits(all.BufferStock.PrevIncome[j]));
        }

        static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);
    }

    [Fact]
    public void FirmsComputeRnDIntensity_SigmaDecaysWithFragility_IntensityPerSales()
    {
        var sim = Tiny.Economy(firms: 3);
        sim.Borrower.WageBill.AsSpan().Fill(2.0);
        sim.Borrower.NetWorth.AsSpan().Fill(4.0);
        sim.Borrower.NetWorth[2] = -1.0;                 // fragility 0 where A ≤ 0
        sim.Borrower.NetProfit.AsSpan().Fill(3.0);
        sim.Borrower.NetProfit[1] = -1.0;                // no R&D without profit
        sim.Producer.Price.AsSpan().Fill(2.0);
        sim.Producer.Production.AsSpan().Fill(5.0);

        RnDEvents.FirmsComputeRnDIntensity(sim.RnD, sim.Borrower, sim.Producer, sigmaMin: 0.0, sigmaMax: 0.1, sigmaDecay: -1.0);

        Assert.Equal(0.5, sim.RnD.Fragility[0]);
        Assert.Equal(0.06065306597126335, sim.RnD.Sigma[0], 15);
        Assert.Equal(0.018195919791379002, sim.RnD.RnDIntensity[0], 15);
        Assert.Equal((0.0, 0.0), (sim.RnD.Sigma[1], sim.RnD.RnDIntensity[1]));
        Assert.Equal((0.0, 0.1), (sim.RnD.Fragility[2], sim.RnD.Sigma[2]));
    }

    [Fact]
    public void FirmsApplyProductivityGrowth_OnlyPositiveIntensityDraws()
    {
        var sim = Tiny.Economy(firms: 2, seed: 4);
        sim.RnD.RnDIntensity[1] = 0.02;
        double z = new Rng(4).Exponential(0.02);

        RnDEvents.FirmsApplyProductivityGrowth(sim.RnD, sim.Producer, sim.Rng);

        Assert.Equal([0.0, z], sim.RnD.ProductivityIncrement);
        Assert.Equal([0.5, 0.5 + z], sim.Producer.LaborProductivity);
    }

    [Fact]
    public void FirmsDeductRnDExpenditure_ScalesNetProfit()
    {
        var sim = Tiny.Economy(firms: 1);
        sim.Borrower.NetProfit[0] = 10.0;
        sim.RnD.Sigma[0] = 0.1;

        RnDEvents.FirmsDeductRnDExpenditure(sim.RnD, sim.Borrower);

        Assert.Equal(9.0, sim.Borrower.NetProfit[0], 14);
    }
}
