using BamModel.Events;
using BamModel.Tests.Support;

namespace BamModel.Tests;

public class GoodsMarketTests
{
    private static Simulation OneShopper(double budget, double inventory0, double inventory1)
    {
        var sim = Tiny.Economy(firms: 2, households: 1, maxZ: 2);
        sim.Producer.Price[0] = 0.3;
        sim.Producer.Price[1] = 0.5;
        sim.Producer.Inventory[0] = inventory0;
        sim.Producer.Inventory[1] = inventory1;
        sim.Consumer.IncomeToSpend[0] = budget;
        sim.Consumer.ShopVisitsTargets[0] = 0;
        sim.Consumer.ShopVisitsTargets[1] = 1;
        sim.Consumer.ShopVisitsHead[0] = 0;
        return sim;
    }

    [Fact]
    public void GoodsMarketRound_SellOut_InventoryExactlyZero()
    {
        var sim = OneShopper(budget: 10.0, inventory0: 1.7, inventory1: 100.0);

        GoodsMarket.GoodsMarketRound(sim.Consumer, sim.Producer, sim.Rng);

        Assert.Equal(0.0, sim.Producer.Inventory[0]);
        Assert.Equal(100.0 - (10.0 - 1.7 * 0.3) / 0.5, sim.Producer.Inventory[1], 12);
        Assert.Equal(0.0, sim.Consumer.IncomeToSpend[0], 12);
    }

    [Fact]
    public void GoodsMarketRound_ShopWithStockAtEps_IsSkipped()
    {
        var sim = OneShopper(budget: 1.0, inventory0: Constants.Eps, inventory1: 100.0);

        GoodsMarket.GoodsMarketRound(sim.Consumer, sim.Producer, sim.Rng);

        Assert.Equal(Constants.Eps, sim.Producer.Inventory[0]);
        Assert.Equal(98.0, sim.Producer.Inventory[1], 12);
    }

    [Fact]
    public void GoodsMarketRound_NoStockAnywhere_ReturnsWithoutDrawing()
    {
        var sim = OneShopper(budget: 1.0, inventory0: 0.0, inventory1: 0.5e-9);

        GoodsMarket.GoodsMarketRound(sim.Consumer, sim.Producer, sim.Rng);

        Assert.Equal(1.0, sim.Consumer.IncomeToSpend[0]);
        Assert.Equal(new Rng(7).NextUInt64(), sim.Rng.NextUInt64());
    }

    [Fact]
    public void ConsumersCalcPropensity_TanhRule_MeanTakenBeforeTheClamp()
    {
        var sim = Tiny.Economy(households: 3);
        sim.Consumer.Savings[0] = -1.0;
        sim.Consumer.Savings[1] = 2.0;
        sim.Consumer.Savings[2] = 2.0;          // mean 1.0 including the negative value

        GoodsMarket.ConsumersCalcPropensity(sim.Consumer, beta: 2.5);

        Assert.Equal(0.0, sim.Consumer.Savings[0]);
        Assert.Equal(1.0, sim.Consumer.Propensity[0]);
        Assert.Equal(0.5228811167076256, sim.Consumer.Propensity[1], 14);
    }

    [Fact]
    public void ConsumersDecideIncomeToSpend_SpendsPropensityOfWealth()
    {
        var sim = Tiny.Economy(households: 1);
        sim.Consumer.Savings[0] = 2.0;
        sim.Consumer.Income[0] = 1.0;
        sim.Consumer.Propensity[0] = 0.5;

        GoodsMarket.ConsumersDecideIncomeToSpend(sim.Consumer);

        Assert.Equal((1.5, 1.5, 0.0), (sim.Consumer.IncomeToSpend[0], sim.Consumer.Savings[0], sim.Consumer.Income[0]));
    }

    [Fact]
    public void ConsumersDecideFirmsToVisit_Loyalty_ForcedFirstOnPriceTieAndKeptWhenLargest()
    {
        var sim = Tiny.Economy(firms: 10, households: 1, maxZ: 2);
        sim.Producer.Price.AsSpan().Fill(1.0);
        sim.Producer.Production.AsSpan().Fill(1.0);
        sim.Producer.Production[7] = 5.0;
        sim.Consumer.LargestProdPrev[0] = 7;
        sim.Consumer.IncomeToSpend[0] = 1.0;

        GoodsMarket.ConsumersDecideFirmsToVisit(sim.Consumer, sim.Producer, ConsumerMatching.Loyalty, sim.Rng);

        Assert.Equal(7, sim.Consumer.ShopVisitsTargets[0]);
        Assert.NotEqual(7, sim.Consumer.ShopVisitsTargets[1]);
        Assert.Equal((0, 7), (sim.Consumer.ShopVisitsHead[0], sim.Consumer.LargestProdPrev[0]));
    }

    [Fact]
    public void ConsumersDecideFirmsToVisit_Loyalty_MovesToTheLargerProducer()
    {
        var sim = Tiny.Economy(firms: 10, households: 1, maxZ: 2);
        sim.Producer.Price.AsSpan().Fill(1.0);
        sim.Producer.Production.AsSpan().Fill(9.0);
        sim.Producer.Production[7] = 1.0;
        sim.Consumer.LargestProdPrev[0] = 7;
        sim.Consumer.IncomeToSpend[0] = 1.0;

        GoodsMarket.ConsumersDecideFirmsToVisit(sim.Consumer, sim.Producer, ConsumerMatching.Loyalty, sim.Rng);

        Assert.Equal(sim.Consumer.ShopVisitsTargets[1], sim.Consumer.LargestProdPrev[0]);
    }

    [Fact]
    public void ConsumersDecideFirmsToVisit_NoBudget_EmptyQueueAndLoyaltyUnchanged()
    {
        var sim = Tiny.Economy(firms: 10, households: 1, maxZ: 2);
        sim.Consumer.LargestProdPrev[0] = 7;
        sim.Consumer.IncomeToSpend[0] = Constants.Eps;

        GoodsMarket.ConsumersDecideFirmsToVisit(sim.Consumer, sim.Producer, ConsumerMatching.Loyalty, sim.Rng);

        Assert.Equal([-1, -1], sim.Consumer.ShopVisitsTargets);
        Assert.Equal((-1, 7), (sim.Consumer.ShopVisitsHead[0], sim.Consumer.LargestProdPrev[0]));
    }

    [Fact]
    public void ConsumersFinalizePurchases_UnspentBudgetReturnsToSavings()
    {
        var sim = Tiny.Economy(households: 1);
        sim.Consumer.Savings[0] = 1.0;
        sim.Consumer.IncomeToSpend[0] = 0.25;

        GoodsMarket.ConsumersFinalizePurchases(sim.Consumer);

        Assert.Equal((1.25, 0.0), (sim.Consumer.Savings[0], sim.Consumer.IncomeToSpend[0]));
    }
}
