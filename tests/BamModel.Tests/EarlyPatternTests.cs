using BamModel.Recording;

namespace BamModel.Tests;

/// <summary>The qualitative early pattern of bam-model §10.1, Appendix C (baseline defaults, seed 0).</summary>
public class EarlyPatternTests
{
    private static readonly RunSeries Series = RunBaseline();

    private static RunSeries RunBaseline()
    {
        var series = new RunSeries();
        BamRunner.Run("baseline", [], 0, 14, series);
        return series;
    }

    [Fact]
    public void Period1_EveryFirmExpandsToSixWorkers_600Vacancies()
    {
        Assert.Equal(600, Series.Vacancies[0]);
        Assert.InRange(Series.Employed[0], 450, 499);
    }

    [Fact]
    public void FullEmploymentFromPeriod2()
    {
        for (int t = 2; t <= 12; t++)
        {
            Assert.Equal(500, Series.Employed[t - 1]);
        }
    }

    [Fact]
    public void GhostFirmsExitEveryPeriodEarlyOn_TheSameNumberUntilContractsExpire()
    {
        int first = Series.FirmBankruptcies[0];

        Assert.InRange(first, 1, 10);
        for (int t = 2; t <= 8; t++)
        {
            Assert.Equal(first, Series.FirmBankruptcies[t - 1]);   // entrants cannot hire at full employment
        }
    }

    [Fact]
    public void NoLoansInTheFirstPeriods()
    {
        Assert.Equal(0, Series.LoanStart[12]);
    }

    [Fact]
    public void ContractExpiry_VacancySpikeInPeriod9()
    {
        Assert.InRange(Series.Vacancies[8], 400, 600);
        for (int t = 2; t <= 8; t++)
        {
            Assert.True(Series.Vacancies[t - 1] < 150, $"period {t}: {Series.Vacancies[t - 1]} vacancies");
        }

        Assert.True(Series.Vacancies[9] < 150);
    }

    [Fact]
    public void MinimumWage_FirstRevisedInPeriod5()
    {
        var sim = new Simulation(new SimulationConfig { Seed = 0 });
        double initial = sim.Economy.MinWage;
        var wages = new double[10];
        for (int t = 1; t <= 9; t++)
        {
            sim.Step();
            wages[t] = sim.Economy.MinWage;
        }

        Assert.Equal(0.5 / 3 * 0.5, initial, 15);
        Assert.All(wages[1..5], w => Assert.Equal(initial, w));
        Assert.NotEqual(initial, wages[5]);
        Assert.Equal(initial * (1 + Series.Inflation[4]), wages[5], 15);
        Assert.All(wages[6..9], w => Assert.Equal(wages[5], w));
        Assert.NotEqual(wages[5], wages[9]);
    }

    [Fact]
    public void Inflation_ZeroForTheFirstFourPeriods()
    {
        Assert.All(Series.Inflation[..4], x => Assert.Equal(0.0, x));
        Assert.NotEqual(0.0, Series.Inflation[4]);
    }
}
