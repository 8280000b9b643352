using BamModel.Tests.Support;

namespace BamModel.Tests;

public class InvariantTests
{
    public static TheoryData<string, string> Configurations => new()
    {
        { "baseline", "" },
        { "growth_plus", "" },
        { "buffer_stock", "" },
        { "baseline", "max_M=1;job_search_method=vacancies_only" },
        { "baseline", "consumer_matching=random;max_Z=4;max_H=3" },
        { "baseline", "theta=1;max_loan_to_net_worth=0;max_leverage=0" },
        { "growth_plus", "n_firms=20;n_households=90;n_banks=3;cap_factor=1.5" },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void ModelInvariants_HoldAfterEveryPeriod(string scenario, string overrides)
    {
        var sim = new Simulation(BamScenarios.CreateConfig(scenario, Parse(overrides), seed: 3));

        for (int t = 0; t < 150 && !sim.Collapsed; t++)
        {
            sim.Step();
            ModelInvariants.AssertHold(sim);
        }

        Assert.False(sim.Collapsed);
    }

    private static List<(string Name, object Value)> Parse(string text)
    {
        var set = new List<(string Name, object Value)>();
        foreach (string pair in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = pair.Split('=');
            object value = int.TryParse(parts[1], out int i) ? i
                : double.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out double d) ? d
                : parts[1];
            set.Add((parts[0], value));
        }

        return set;
    }
}
