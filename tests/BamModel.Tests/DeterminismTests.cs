using BamModel.Recording;

namespace BamModel.Tests;

public class DeterminismTests
{
    [Theory]
    [InlineData("baseline")]
    [InlineData("growth_plus")]
    [InlineData("buffer_stock")]
    public void Run_SameSeedTwice_IdenticalSeries(string scenario)
    {
        var first = new RunSeries();
        var second = new RunSeries();

        BamRunner.Run(scenario, [], 42, 200, first);
        BamRunner.Run(scenario, [], 42, 200, second);

        AssertSame(first, second);
    }

    [Fact]
    public void Run_DifferentSeeds_DifferentSeries()
    {
        var a = new RunSeries();
        var b = new RunSeries();

        BamRunner.Run("baseline", [], 1, 50, a);
        BamRunner.Run("baseline", [], 2, 50, b);

        Assert.NotEqual(a.AvgPrice, b.AvgPrice);
    }

    [Fact]
    public void Run_OnSeveralThreadsAtOnce_SameAsSerial()
    {
        string[] scenarios = ["baseline", "growth_plus", "buffer_stock", "baseline", "growth_plus", "buffer_stock", "baseline", "growth_plus"];
        var serial = scenarios.Select((s, i) => RunOnce(s, i)).ToArray();
        var parallel = new RunSeries[scenarios.Length];

        Parallel.For(0, scenarios.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = RunOnce(scenarios[i], i));

        for (int i = 0; i < scenarios.Length; i++)
        {
            AssertSame(serial[i], parallel[i]);
        }
    }

    private static RunSeries RunOnce(string scenario, int seed)
    {
        var series = new RunSeries();
        BamRunner.Run(scenario, [], seed, 150, series);
        return series;
    }

    private static void AssertSame(RunSeries a, RunSeries b)
    {
        Assert.Equal(a.T, b.T);
        Assert.Equal(a.AvgPrice, b.AvgPrice);
        Assert.Equal(a.Inflation, b.Inflation);
        Assert.Equal(a.Production, b.Production);
        Assert.Equal(a.LaborProductivity, b.LaborProductivity);
        Assert.Equal(a.NetWorth, b.NetWorth);
        Assert.Equal(a.Employed, b.Employed);
        Assert.Equal(a.FirmBankruptcies, b.FirmBankruptcies);
        Assert.Equal(a.LoanStart, b.LoanStart);
        Assert.Equal(a.LoanPrincipal.AsSpan(0, a.LoanCount).ToArray(), b.LoanPrincipal.AsSpan(0, b.LoanCount).ToArray());
        Assert.Equal(a.FinalSavings, b.FinalSavings);
    }
}
