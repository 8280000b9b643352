using BamModel.Events;
using BamModel.Tests.Support;

namespace BamModel.Tests;

public class LaborMarketTests
{
    [Fact]
    public void LaborMarketRound_OneVacancyThreeApplicants_HiresExactlyOneAtTheOffer()
    {
        var sim = Tiny.Economy(firms: 1, households: 3, maxM: 1);
        sim.Employer.NVacancies[0] = 1;
        sim.Employer.WageOffer[0] = 0.7;
        for (int j = 0; j < 3; j++)
        {
            Tiny.Queue(sim, j, 0);
        }

        sim.Worker.RebuildSeekers();

        LaborMarket.LaborMarketRound(sim.Worker, sim.Employer, theta: 8, sim.Rng);

        int hired = Assert.Single(Enumerable.Range(0, 3), j => sim.Worker.Employer[j] == 0);
        Assert.Equal((0.7, 8), (sim.Worker.Wage[hired], sim.Worker.PeriodsLeft[hired]));
        Assert.Equal((1, 0), (sim.Employer.CurrentLabor[0], sim.Employer.NVacancies[0]));
        Assert.All(sim.Worker.JobAppsHead, h => Assert.Equal(-1, h));
    }

    [Fact]
    public void LaborMarketRound_BatchMatching_EachApplicantWinsWithEqualChance()
    {
        int[] wins = new int[3];
        for (int seed = 0; seed < 3000; seed++)
        {
            var sim = Tiny.Economy(firms: 1, households: 3, maxM: 1, seed: seed);
            sim.Employer.NVacancies[0] = 1;
            for (int j = 0; j < 3; j++)
            {
                Tiny.Queue(sim, j, 0);
            }

            sim.Worker.RebuildSeekers();
            LaborMarket.LaborMarketRound(sim.Worker, sim.Employer, theta: 8, sim.Rng);
            wins[Array.IndexOf(sim.Worker.Employer, 0)]++;
        }

        Assert.All(wins, w => Assert.InRange(w, 900, 1100));
    }

    [Fact]
    public void LaborMarketRound_WastedApplication_StillAdvancesTheHead()
    {
        var sim = Tiny.Economy(firms: 2, households: 1, maxM: 2);
        sim.Employer.NVacancies[1] = 1;
        Tiny.Queue(sim, 0, 0, 1);            // firm 0 has no vacancy
        sim.Worker.RebuildSeekers();

        LaborMarket.LaborMarketRound(sim.Worker, sim.Employer, theta: 8, sim.Rng);

        Assert.Equal(-1, sim.Worker.Employer[0]);
        Assert.Equal(1, sim.Worker.JobAppsHead[0]);
        Assert.Equal(-1, sim.Worker.JobAppsTargets[0]);   // the slot read is cleared

        LaborMarket.LaborMarketRound(sim.Worker, sim.Employer, theta: 8, sim.Rng);

        Assert.Equal(1, sim.Worker.Employer[0]);
    }

    [Fact]
    public void LaborMarketRound_CapacityReadAtStartOfRound_RejectedTryNextTargetNextRound()
    {
        var sim = Tiny.Economy(firms: 2, households: 4, maxM: 2);
        sim.Employer.NVacancies[0] = 2;
        sim.Employer.NVacancies[1] = 5;
        for (int j = 0; j < 4; j++)
        {
            Tiny.Queue(sim, j, 0, 1);
        }

        sim.Worker.RebuildSeekers();

        LaborMarket.LaborMarketRound(sim.Worker, sim.Employer, theta: 8, sim.Rng);

        Assert.Equal((2, 0), (sim.Employer.CurrentLabor[0], sim.Employer.NVacancies[0]));
        Assert.Equal(0, sim.Employer.CurrentLabor[1]);

        LaborMarket.LaborMarketRound(sim.Worker, sim.Employer, theta: 8, sim.Rng);

        Assert.Equal((2, 3), (sim.Employer.CurrentLabor[1], sim.Employer.NVacancies[1]));
    }

    [Fact]
    public void WorkersDecideFirmsToApply_SortsByWageDescending_LoyalWorkerPutsPreviousEmployerFirst()
    {
        var sim = Tiny.Economy(firms: 3, households: 3, maxM: 3);
        sim.Employer.WageOffer[0] = 0.3;
        sim.Employer.WageOffer[1] = 0.2;
        sim.Employer.WageOffer[2] = 0.1;
        sim.Worker.EmployerPrev.AsSpan().Fill(2);
        sim.Worker.ContractExpired[1] = true;        // loyal
        sim.Worker.ContractExpired[2] = true;
        sim.Worker.Fired[2] = true;                  // fired workers are never loyal

        LaborMarket.WorkersDecideFirmsToApply(sim.Worker, sim.Employer, JobSearchMethod.AllFirms, sim.Rng);

        Assert.Equal([0, 1, 2, 2, 0, 1, 0, 1, 2], sim.Worker.JobAppsTargets);
        Assert.Equal([0, 3, 6], sim.Worker.JobAppsHead);
        Assert.All(sim.Worker.ContractExpired, f => Assert.False(f));
        Assert.All(sim.Worker.Fired, f => Assert.False(f));
    }

    [Fact]
    public void WorkersDecideFirmsToApply_LoyalWorker_PreviousEmployerFirstDespiteLowestOffer()
    {
        var sim = Tiny.Economy(firms: 50, households: 1, maxM: 2, seed: 5);
        for (int i = 0; i < 50; i++)
        {
            sim.Employer.WageOffer[i] = 1.0 + i;
        }

        sim.Worker.EmployerPrev[0] = 0;   // the lowest offer: first only through loyalty
        sim.Worker.ContractExpired[0] = true;

        LaborMarket.WorkersDecideFirmsToApply(sim.Worker, sim.Employer, JobSearchMethod.AllFirms, sim.Rng);

        Assert.Equal(0, sim.Worker.JobAppsTargets[0]);
        Assert.NotEqual(0, sim.Worker.JobAppsTargets[1]);
    }

    [Fact]
    public void WorkersDecideFirmsToApply_VacanciesOnly_SamplesOnlyFirmsWithVacancies()
    {
        var sim = Tiny.Economy(firms: 5, households: 4, maxM: 4);
        sim.Employer.NVacancies[1] = 1;
        sim.Employer.NVacancies[3] = 2;

        LaborMarket.WorkersDecideFirmsToApply(sim.Worker, sim.Employer, JobSearchMethod.VacanciesOnly, sim.Rng);

        for (int j = 0; j < 4; j++)
        {
            var row = sim.Worker.JobAppsTargets.AsSpan(j * 4, 4).ToArray();
            Assert.Equal([1, 3], row[..2].Order());
            Assert.Equal([-1, -1], row[2..]);
        }
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(9, true)]
    [InlineData(4, false)]
    [InlineData(6, false)]
    public void AdjustMinimumWage_RevisesEveryFourthPeriodFromFive(int period, bool revised)
    {
        var sim = Tiny.Economy(households: 1);
        for (int t = 1; t < period; t++)
        {
            sim.Economy.AppendPrice(0.5);     // the history holds `period` values at period `period`
        }

        sim.Economy.AppendInflation(0.10);
        double before = sim.Economy.MinWage;
        Tiny.Employ(sim, 0, firm: 0, wage: before);

        LaborMarket.AdjustMinimumWage(sim.Economy, sim.Worker);

        double expected = revised ? before * 1.10 : before;
        Assert.Equal(expected, sim.Economy.MinWage);
        Assert.Equal(expected, sim.Worker.Wage[0]);
    }

    [Fact]
    public void CalcInflationRate_YearOnYear_ZeroForFirstFourPeriods()
    {
        var eco = Tiny.Economy().Economy;             // history [0.5]
        LaborMarket.CalcInflationRate(eco);
        Assert.Equal(0.0, eco.Inflation);

        foreach (double p in new[] { 0.6, 0.7, 0.8, 0.55 })
        {
            eco.AppendPrice(p);
        }

        LaborMarket.CalcInflationRate(eco);           // (P̄_4 − P̄_0) / P̄_0

        Assert.Equal((0.55 - 0.5) / 0.5, eco.Inflation, 15);
    }

    [Fact]
    public void FirmsDecideWageOffer_ShockOnlyWithVacancies_FloorForAll()
    {
        var sim = Tiny.Economy(firms: 2, seed: 9);
        sim.Employer.WageOffer[0] = 1.0;
        sim.Employer.WageOffer[1] = 0.01;
        sim.Employer.NVacancies[0] = 3;
        double xi0 = new Rng(9).Uniform(0, 0.05);

        LaborMarket.FirmsDecideWageOffer(sim.Employer, minWage: 0.05, hXi: 0.05, sim.Rng);

        Assert.Equal(1.0 * (1 + xi0), sim.Employer.WageOffer[0]);
        Assert.Equal(0.05, sim.Employer.WageOffer[1]);
    }

    [Fact]
    public void WorkersUpdateContracts_ThetaTwo_LeavesAfterSecondProductionKeepingWageBill()
    {
        var sim = Tiny.Economy(firms: 1, households: 1);
        Tiny.Employ(sim, 0, firm: 0, wage: 0.3, periodsLeft: 2);
        sim.Employer.WageBill[0] = 0.3;

        Production.WorkersUpdateContracts(sim.Worker, sim.Employer);

        Assert.Equal((0, 1), (sim.Worker.Employer[0], sim.Worker.PeriodsLeft[0]));

        Production.WorkersUpdateContracts(sim.Worker, sim.Employer);

        Assert.Equal((-1, 0, 0.0), (sim.Worker.Employer[0], sim.Worker.EmployerPrev[0], sim.Worker.Wage[0]));
        Assert.True(sim.Worker.ContractExpired[0]);
        Assert.Equal(0, sim.Employer.CurrentLabor[0]);
        Assert.Equal(0.3, sim.Employer.WageBill[0]);
    }

    [Fact]
    public void WorkersUpdateContracts_EightAtATimeAndTheRest_EndOnlyTheLastPeriod()
    {
        // 19 workers: two groups of eight take the vector path, the last three the scalar one. Worker j is
        // unemployed when j % 4 == 3; the others start with j % 3 periods left (0 is counted as 1).
        var sim = Tiny.Economy(firms: 2, households: 19);
        for (int j = 0; j < 19; j++)
        {
            if (j % 4 != 3)
            {
                Tiny.Employ(sim, j, firm: j % 2, wage: 1.0 + j, periodsLeft: j % 3);
            }
        }

        Production.WorkersUpdateContracts(sim.Worker, sim.Employer);

        int[] ended = [0, 1, 4, 6, 9, 10, 12, 13, 16, 18];     // employed with 0 or 1 period left
        int[] unemployed = [3, 7, 11, 15];
        for (int j = 0; j < 19; j++)
        {
            if (ended.Contains(j))
            {
                Assert.Equal((-1, j % 2, 0.0, true, 0), (sim.Worker.Employer[j], sim.Worker.EmployerPrev[j], sim.Worker.Wage[j], sim.Worker.ContractExpired[j], sim.Worker.PeriodsLeft[j]));
            }
            else if (unemployed.Contains(j))
            {
                Assert.Equal((-1, 0), (sim.Worker.Employer[j], sim.Worker.PeriodsLeft[j]));
            }
            else
            {
                Assert.Equal((j % 2, 1, false), (sim.Worker.Employer[j], sim.Worker.PeriodsLeft[j], sim.Worker.ContractExpired[j]));
            }
        }

        Assert.Equal([3, 2], sim.Employer.CurrentLabor);   // 15 employed, 10 leave: 2, 8 and 14 stay at firm 0, 5 and 17 at firm 1
    }
}
