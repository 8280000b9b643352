using BamModel.Recording;
using SweepDomain.Parameters;

namespace BamModel.Tests;

public class ScenarioSchemaTests
{
    [Fact]
    public void Names_AreTheThreeScenariosInOrder()
    {
        Assert.Equal(["baseline", "growth_plus", "buffer_stock"], BamScenarios.Names);
        Assert.Null(BamScenarios.Schema("nope"));
    }

    [Theory]
    [InlineData("baseline", 32)]
    [InlineData("growth_plus", 35)]
    [InlineData("buffer_stock", 36)]
    public void Schema_ListsOnlyTheParametersTheScenarioUses(string scenario, int count)
    {
        var schema = BamScenarios.Schema(scenario)!;

        Assert.Equal(count, schema.Parameters.Count);
        Assert.Equal(scenario != "baseline", schema.Find("sigma_decay") is not null);
        Assert.Equal(scenario == "buffer_stock", schema.Find("buffer_stock_h") is not null);
        foreach (string excluded in new[] { "n_periods", "seed", "goods_kernel", "pipeline_path", "logging" })
        {
            Assert.Null(schema.Find(excluded));
        }
    }

    [Fact]
    public void Schema_TypesDefaultsAndRanges_FollowTheSpec()
    {
        var schema = BamScenarios.Schema("buffer_stock")!;

        Assert.Equal((ParamType.Int, ParamValue.Int(4), 1.0, (double?)null), Shape(schema.Find("max_M")!));
        Assert.Equal((ParamType.Float, ParamValue.Float(0.1), 0.0, (double?)1.0), Shape(schema.Find("h_rho")!));
        Assert.Equal((ParamType.Float, ParamValue.Float(1.2), 0.0, (double?)null), Shape(schema.Find("new_firm_price_markup")!));
        Assert.True(double.IsNaN(schema.Find("net_worth_init")!.Default.AsDouble));
        Assert.Contains("net_worth_ratio", schema.Find("net_worth_init")!.Description);
        Assert.Equal(1.0, schema.Find("cap_factor")!.Min);
        Assert.Equal(["all_firms", "vacancies_only"], schema.Find("job_search_method")!.Choices);
        Assert.Equal(["loyalty", "random"], schema.Find("consumer_matching")!.Choices);
        Assert.All(schema.Parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
    }

    [Fact]
    public void Schema_DefaultsMatchTheConfigDefaults()
    {
        var schema = BamScenarios.Schema("buffer_stock")!;
        var fromDefaults = BamScenarios.CreateConfig("buffer_stock", ParamSet.From(schema.Parameters.Select(p => KeyValuePair.Create(p.Name, p.Default))), 0);

        Assert.Equal(BamScenarios.CreateConfig("buffer_stock", ParamSet.Empty, 0), fromDefaults);
    }

    [Theory]
    [InlineData("h_rhoo", 0.1, "h_rhoo", "h_rho")]           // unknown name, with a suggestion
    [InlineData("max_M", 2.0, "max_M", ">= 1")]              // a float for an int parameter
    [InlineData("h_rho", 1.5, "1.5", "[0, 1]")]               // outside the range
    [InlineData("beta", -0.5, "-0.5", ">= 0")]
    [InlineData("cap_factor", 0.5, "0.5", ">= 1")]
    public void Run_BadOverride_ThrowsNamingParameterValueAndRange(string name, double value, string mentioned, string range)
    {
        var overrides = ParamSet.Of((name, ParamValue.Float(value)));

        var error = Assert.Throws<ParameterException>(() => BamRunner.Run("baseline", overrides, 0, 10, new RunSeries()));

        Assert.Equal(name, error.ParameterName);
        Assert.Contains(name, error.Message);
        Assert.Contains(mentioned, error.Message);
        Assert.Contains(range, error.Message);
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("n_periods")]
    public void Run_ReservedName_Throws(string name)
    {
        var error = Assert.Throws<ParameterException>(() => BamRunner.Run("baseline", ParamSet.Of((name, 5)), 0, 10, new RunSeries()));

        Assert.Contains(name, error.Message);
    }

    [Fact]
    public void Run_ChoiceOutsideTheList_Throws()
    {
        var error = Assert.Throws<ParameterException>(() =>
            BamRunner.Run("baseline", ParamSet.Of(("consumer_matching", "sometimes")), 0, 10, new RunSeries()));

        Assert.Contains("loyalty, random", error.Message);
    }

    [Fact]
    public void Run_ZeroPeriods_Throws()
    {
        var error = Assert.Throws<ParameterException>(() => BamRunner.Run("baseline", ParamSet.Empty, 0, 0, new RunSeries()));

        Assert.Equal("n_periods", error.ParameterName);
    }

    [Fact]
    public void Run_ExtensionParameterForBaseline_IsAcceptedAndIgnored()
    {
        var plain = new RunSeries();
        var withExtra = new RunSeries();

        BamRunner.Run("baseline", ParamSet.Empty, 3, 30, plain);
        BamRunner.Run("baseline", ParamSet.Of(("sigma_max", 0.2), ("buffer_stock_h", 3)), 3, 30, withExtra);

        Assert.Equal(plain.AvgPrice, withExtra.AvgPrice);
    }

    [Fact]
    public void Run_IntegerForFloatParameter_IsAccepted()
    {
        var series = new RunSeries();

        BamRunner.Run("growth_plus", ParamSet.Of(("max_leverage", 5), ("max_loan_to_net_worth", 0)), 0, 20, series);

        Assert.Equal(20, series.T);
    }

    [Fact]
    public void CreateConfig_OverridesReachTheConfig()
    {
        var config = BamScenarios.CreateConfig("growth_plus",
            ParamSet.Of(("n_firms", 50), ("theta", 6), ("beta", 1.0), ("job_search_method", "vacancies_only"), ("sigma_decay", -2.0)), seed: 9);

        Assert.Equal((50, 6, 1.0, JobSearchMethod.VacanciesOnly, -2.0, 9L), (config.NFirms, config.Theta, config.Beta, config.JobSearchMethod, config.SigmaDecay, config.Seed));
        Assert.True(config.EnableRnD);
        Assert.False(config.EnableBufferStock);
    }

    private static (ParamType, ParamValue, double?, double?) Shape(ParameterSpec p) => (p.Type, p.Default, p.Min, p.Max);
}
