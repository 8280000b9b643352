using BamModel.Recording;

namespace BamModel.Tests;

/// <summary>Comparative statics that clearly hold in the model, averaged over a few seeds.</summary>
public class DirectionalTests
{
    private const int Periods = 400, From = 200;

    [Fact]
    public void FewerJobApplications_RaiseUnemployment()
    {
        double four = MeanUnemployment([]);
        double one = MeanUnemployment([("max_M", 1)]);

        Assert.True(one > four + 0.03, $"max_M = 1: {one:F4}, max_M = 4: {four:F4}");
    }

    [Fact]
    public void ApplyingOnlyToFirmsWithVacancies_LowersUnemployment()
    {
        double all = MeanUnemployment([("max_M", 2)]);
        double targeted = MeanUnemployment([("max_M", 2), ("job_search_method", "vacancies_only")]);

        Assert.True(targeted < all - 0.01, $"vacancies_only: {targeted:F4}, all_firms: {all:F4}");
    }

    [Fact]
    public void LargerRnDShare_FasterProductivityGrowth()
    {
        double low = MeanProductivity([("sigma_max", 0.05)]);
        double high = MeanProductivity([("sigma_max", 0.2)]);

        Assert.True(high > 1.5 * low, $"sigma_max 0.2: {high:F2}, 0.05: {low:F2}");
    }

    private static double MeanUnemployment(IReadOnlyList<(string Name, object Value)> overrides)
    {
        var series = new RunSeries();
        double total = 0;
        for (int seed = 0; seed < 3; seed++)
        {
            BamRunner.Run("baseline", overrides, seed, Periods, series);
            for (int t = From; t < Periods; t++)
            {
                total += 1.0 - series.Employed[t] / 500.0;
            }
        }

        return total / (3 * (Periods - From));
    }

    private static double MeanProductivity(IReadOnlyList<(string Name, object Value)> overrides)
    {
        var series = new RunSeries();
        double total = 0;
        for (int seed = 0; seed < 3; seed++)
        {
            BamRunner.Run("growth_plus", overrides, seed, Periods, series);
            total += series.Row(series.LaborProductivity, Periods - 1).ToArray().Average();
        }

        return total / 3;
    }
}
