using BamModel.Events;
using BamModel.Tests.Support;

namespace BamModel.Tests;

public class PlanningTests
{
    [Fact]
    public void FirmsPlanPrice_CutBelowBreakeven_RaisesToFloor()
    {
        var sim = Tiny.Economy(firms: 1);
        sim.Producer.Price[0] = 1.0;
        sim.Producer.Inventory[0] = 2.0;
        sim.Producer.BreakevenPrice[0] = 1.2;

        Planning.FirmsPlanPrice(sim.Producer, avgMktPrice: 0.9, hEta: 0.1, sim.Rng);

        Assert.Equal(1.2, sim.Producer.Price[0]);
    }

    [Fact]
    public void FirmsPlanPrice_SoldOutAndBelowAverage_RaisesByTheShock()
    {
        var sim = Tiny.Economy(firms: 2, seed: 11);
        sim.Producer.Price[0] = 0.8;
        sim.Producer.Price[1] = 0.8;
        sim.Producer.BreakevenPrice[0] = 0.5;
        sim.Producer.BreakevenPrice[1] = 0.5;
        var shocks = new Rng(11);
        double eta0 = shocks.Uniform(0, 0.1), eta1 = shocks.Uniform(0, 0.1);

        Planning.FirmsPlanPrice(sim.Producer, avgMktPrice: 1.0, hEta: 0.1, sim.Rng);

        Assert.Equal(0.8 * (1 + eta0), sim.Producer.Price[0]);
        Assert.Equal(0.8 * (1 + eta1), sim.Producer.Price[1]);
    }

    [Fact]
    public void FirmsPlanPrice_NeitherRule_KeepsPriceBelowBreakeven()
    {
        var sim = Tiny.Economy(firms: 2);
        sim.Producer.Price[0] = 0.5;             // sold out but at or above P̄: no rule applies
        sim.Producer.Price[1] = 0.3;             // unsold and below P̄: no rule applies
        sim.Producer.Inventory[1] = 1.0;
        sim.Producer.BreakevenPrice.AsSpan().Fill(2.0);

        Planning.FirmsPlanPrice(sim.Producer, avgMktPrice: 0.4, hEta: 0.1, sim.Rng);

        Assert.Equal(0.5, sim.Producer.Price[0]);
        Assert.Equal(0.3, sim.Producer.Price[1]);
    }

    [Fact]
    public void FirmsPlanPrice_FourFirmsAtATimeAndTheRest_EachRuleAsForOneFirm()
    {
        // Firms 0–3 take the four-lane path, firm 4 the scalar one; P̄ = 1.
        var sim = Tiny.Economy(firms: 5, seed: 13);
        double[] price = [0.8, 1.5, 1.02, 0.7, 1.1];
        double[] inventory = [0.0, 2.0, 2.0, 3.0, 0.0];
        double[] breakeven = [0.5, 0.5, 1.05, 2.0, 0.5];
        price.CopyTo(sim.Producer.Price, 0);
        inventory.CopyTo(sim.Producer.Inventory, 0);
        breakeven.CopyTo(sim.Producer.BreakevenPrice, 0);
        var shocks = new Rng(13);
        double[] eta = [.. Enumerable.Range(0, 5).Select(_ => shocks.Uniform(0, 0.1))];

        Planning.FirmsPlanPrice(sim.Producer, avgMktPrice: 1.0, hEta: 0.1, sim.Rng);

        Assert.Equal(0.8 * (1 + eta[0]), sim.Producer.Price[0]);    // sold out, below P̄: raise
        Assert.Equal(1.5 * (1 - eta[1]), sim.Producer.Price[1]);    // unsold, above P̄: cut
        Assert.Equal(1.05, sim.Producer.Price[2]);                  // cut, floored at the breakeven price
        Assert.Equal(0.7, sim.Producer.Price[3]);                   // unsold but below P̄: kept, unfloored
        Assert.Equal(1.1, sim.Producer.Price[4]);                   // sold out but above P̄: kept
    }

    [Fact]
    public void FirmsPlanBreakevenPrice_WageBillPlusInterestOverDesiredOutput()
    {
        var sim = Tiny.Economy(firms: 2);
        sim.Employer.WageBill[0] = 3.0;
        sim.LoanBook.Append(borrower: 0, lender: 0, principal: 10.0, rate: 0.05);
        sim.Producer.DesiredProduction[0] = 7.0;
        sim.Employer.WageBill[1] = 1.0;
        sim.Producer.DesiredProduction[1] = 0.0;   // divided by EPS, not by zero

        Planning.FirmsPlanBreakevenPrice(sim.Producer, sim.Employer, sim.LoanBook, capFactor: double.NaN);

        Assert.Equal(3.5 / 7.0, sim.Producer.BreakevenPrice[0], 15);
        Assert.Equal(1.0 / Constants.Eps, sim.Producer.BreakevenPrice[1]);
    }

    [Theory]
    [InlineData(1.5, 3.0)]     // cap applies: min(1e9, 2 × 1.5)
    [InlineData(1.0, 1e9)]     // cap_factor ≤ 1 is ignored
    public void FirmsPlanBreakevenPrice_CapFactor_CapsAtPriceMultiple(double capFactor, double expected)
    {
        var sim = Tiny.Economy(firms: 1);
        sim.Employer.WageBill[0] = 1.0;
        sim.Producer.Price[0] = 2.0;

        Planning.FirmsPlanBreakevenPrice(sim.Producer, sim.Employer, sim.LoanBook, capFactor);

        Assert.Equal(expected, sim.Producer.BreakevenPrice[0], 6);
    }

    [Fact]
    public void FirmsDecideDesiredProduction_ExactComparisons_PickUpDownOrKeep()
    {
        var sim = Tiny.Economy(firms: 4, seed: 3);
        sim.Producer.ProductionPrev.AsSpan().Fill(10.0);
        sim.Producer.Price.AsSpan().Fill(1.0);
        sim.Producer.Inventory[1] = 1e-12;     // > 0 exactly, with P < P̄ below: down
        sim.Producer.Price[1] = 0.9;
        sim.Producer.Price[2] = 0.9;           // sold out but below P̄: keep
        sim.Producer.Inventory[3] = 1.0;       // unsold but at P̄: keep
        sim.Producer.Production.AsSpan().Fill(5.0);
        var shocks = new Rng(3);
        double rho0 = shocks.Uniform(0, 0.1), rho1 = shocks.Uniform(0, 0.1);

        Planning.FirmsDecideDesiredProduction(sim.Producer, avgMktPrice: 1.0, hRho: 0.1, sim.Rng);

        Assert.Equal(10.0 * (1 + rho0), sim.Producer.DesiredProduction[0]);
        Assert.Equal(10.0 * (1 - rho1), sim.Producer.DesiredProduction[1]);
        Assert.Equal(10.0, sim.Producer.DesiredProduction[2]);
        Assert.Equal(10.0, sim.Producer.DesiredProduction[3]);
        Assert.Equal(sim.Producer.DesiredProduction, sim.Producer.ExpectedDemand);
        Assert.All(sim.Producer.Production, y => Assert.Equal(0.0, y));
    }

    [Theory]
    [InlineData(2.6, 0.5, 6)]
    [InlineData(2.5, 0.5, 5)]
    [InlineData(0.0, 0.5, 0)]
    public void FirmsDecideDesiredLabor_CeilOfExactDivision(double desired, double productivity, int expected)
    {
        var sim = Tiny.Economy(firms: 1);
        sim.Producer.DesiredProduction[0] = desired;
        sim.Producer.LaborProductivity[0] = productivity;

        Planning.FirmsDecideDesiredLabor(sim.Producer, sim.Employer);

        Assert.Equal(expected, sim.Employer.DesiredLabor[0]);
    }

    [Fact]
    public void FirmsDecideVacancies_NeverNegative()
    {
        var sim = Tiny.Economy(firms: 2);
        sim.Employer.DesiredLabor[0] = 5;
        sim.Employer.CurrentLabor[0] = 2;
        sim.Employer.DesiredLabor[1] = 1;
        sim.Employer.CurrentLabor[1] = 3;

        Planning.FirmsDecideVacancies(sim.Employer);

        Assert.Equal([3, 0], sim.Employer.NVacancies);
    }

    [Fact]
    public void FirmsFireExcessWorkers_FiresExactlyTheExcess()
    {
        var sim = Tiny.Economy(firms: 2, households: 6);
        for (int j = 0; j < 4; j++)
        {
            Tiny.Employ(sim, j, firm: 0, wage: 1.0);
        }

        Tiny.Employ(sim, 4, firm: 1, wage: 1.0);
        sim.Employer.DesiredLabor[0] = 1;
        sim.Employer.DesiredLabor[1] = 1;

        Planning.FirmsFireExcessWorkers(sim.Employer, sim.Worker, sim.Rng);

        Assert.Equal(1, sim.Employer.CurrentLabor[0]);
        Assert.Equal(1, sim.Employer.CurrentLabor[1]);
        int[] fired = [.. Enumerable.Range(0, 4).Where(j => sim.Worker.Fired[j])];
        Assert.Equal(3, fired.Length);
        Assert.All(fired, j => Assert.Equal((-1, 0, 0.0), (sim.Worker.Employer[j], sim.Worker.EmployerPrev[j], sim.Worker.Wage[j])));
        Assert.Equal(1, sim.Worker.Employer[4]);
    }
}
