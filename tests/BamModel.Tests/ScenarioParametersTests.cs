using BamModel.Recording;

namespace BamModel.Tests;

public class ScenarioParametersTests
{
    [Fact]
    public void Names_AreTheThreeScenariosInOrder()
    {
        Assert.Equal(["baseline", "growth_plus", "buffer_stock"], BamScenarios.Names);
        Assert.Null(BamScenarios.Parameters("nope"));
    }

    [Theory]
    [InlineData("baseline", 32)]
    [InlineData("growth_plus", 35)]
    [InlineData("buffer_stock", 36)]
    public void Parameters_ListOnlyTheParametersTheScenarioUses(string scenario, int count)
    {
        var parameters = BamScenarios.Parameters(scenario)!;

        Assert.Equal(count, parameters.Count);
        Assert.Equal(scenario != "baseline", Find(parameters, "sigma_decay") is not null);
        Assert.Equal(scenario == "buffer_stock", Find(parameters, "buffer_stock_h") is not null);
        foreach (string excluded in new[] { "n_periods", "seed", "goods_kernel", "pipeline_path", "logging" })
        {
            Assert.Null(Find(parameters, excluded));
        }
    }

    [Fact]
    public void Parameters_TypesDefaultsAndRanges_FollowTheSpec()
    {
        var parameters = BamScenarios.Parameters("buffer_stock")!;

        Assert.Equal((ParameterType.Int, (object)4L, 1.0, (double?)null), Shape(Find(parameters, "max_M")!));
        Assert.Equal((ParameterType.Float, (object)0.1, 0.0, (double?)1.0), Shape(Find(parameters, "h_rho")!));
        Assert.Equal((ParameterType.Float, (object)1.2, 0.0, (double?)null), Shape(Find(parameters, "new_firm_price_markup")!));
        Assert.True(double.IsNaN((double)Find(parameters, "net_worth_init")!.Default));
        Assert.Contains("net_worth_ratio", Find(parameters, "net_worth_init")!.Description);
        Assert.Equal(1.0, Find(parameters, "cap_factor")!.Min);
        Assert.Equal(["all_firms", "vacancies_only"], Find(parameters, "job_search_method")!.Choices);
        Assert.Equal(["loyalty", "random"], Find(parameters, "consumer_matching")!.Choices);
        Assert.All(parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
    }

    [Fact]
    public void Parameters_DefaultsMatchTheConfigDefaults()
    {
        var parameters = BamScenarios.Parameters("buffer_stock")!;
        var fromDefaults = BamScenarios.CreateConfig("buffer_stock", parameters.Select(p => (p.Name, p.Default)).ToList(), 0);

        Assert.Equal(BamScenarios.CreateConfig("buffer_stock", [], 0), fromDefaults);
    }

    [Theory]
    [InlineData("max_M", 2.0, "Parameter 'max_M' is an integer; got the float 2.0 (write 2). Valid range: >= 1.")]
    [InlineData("h_rho", 1.5, "Parameter 'h_rho' = 1.5 is outside its valid range [0, 1].")]
    [InlineData("h_rhoo", 0.1, "Unknown parameter 'h_rhoo' = 0.1. Did you mean 'h_rho'? Valid names: n_firms, ")]
    [InlineData("beta", double.PositiveInfinity, "Parameter 'beta' must be a finite number; got Infinity. Valid range: >= 0.")]
    public void Run_BadOverride_MessageSaysWhatIsWrong(string name, double value, string message)
    {
        var error = Assert.Throws<ParameterException>(() => BamRunner.Run("growth_plus", [(name, value)], 0, 10, new RunSeries()));

        Assert.StartsWith(message, error.Message);
    }

    [Theory]
    [InlineData("max_M", "two", "Parameter 'max_M' must be a number; got 'two'. Valid range: >= 1.")]
    [InlineData("consumer_matching", "sometimes", "Parameter 'consumer_matching' must be one of loyalty, random; got sometimes.")]
    public void Run_BadTextOverride_MessageSaysWhatIsWrong(string name, string value, string message)
    {
        var error = Assert.Throws<ParameterException>(() => BamRunner.Run("baseline", [(name, value)], 0, 10, new RunSeries()));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Run_IntTooLargeForThePort_Throws()
    {
        var error = Assert.Throws<ParameterException>(() => BamRunner.Run("baseline", [("theta", 3_000_000_000L)], 0, 10, new RunSeries()));

        Assert.Equal("Parameter 'theta' = 3000000000 is too large for this port (at most 2147483647).", error.Message);
    }

    [Theory]
    [InlineData("h_rhoo", 0.1, "h_rhoo", "h_rho")]           // unknown name, with a suggestion
    [InlineData("max_M", 2.0, "max_M", ">= 1")]              // a float for an int parameter
    [InlineData("h_rho", 1.5, "1.5", "[0, 1]")]               // outside the range
    [InlineData("beta", -0.5, "-0.5", ">= 0")]
    [InlineData("cap_factor", 0.5, "0.5", ">= 1")]
    public void Run_BadOverride_ThrowsNamingParameterValueAndRange(string name, double value, string mentioned, string range)
    {
        IReadOnlyList<(string Name, object Value)> overrides = [(name, value)];

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
        var error = Assert.Throws<ParameterException>(() => BamRunner.Run("baseline", [(name, 5)], 0, 10, new RunSeries()));

        Assert.Contains(name, error.Message);
    }

    [Fact]
    public void Run_ChoiceOutsideTheList_Throws()
    {
        var error = Assert.Throws<ParameterException>(() =>
            BamRunner.Run("baseline", [("consumer_matching", "sometimes")], 0, 10, new RunSeries()));

        Assert.Contains("loyalty, random", error.Message);
    }

    [Fact]
    public void Run_ZeroPeriods_Throws()
    {
        var error = Assert.Throws<ParameterException>(() => BamRunner.Run("baseline", [], 0, 0, new RunSeries()));

        Assert.Equal("n_periods", error.ParameterName);
    }

    [Fact]
    public void Run_ExtensionParameterForBaseline_IsAcceptedAndIgnored()
    {
        var plain = new RunSeries();
        var withExtra = new RunSeries();

        BamRunner.Run("baseline", [], 3, 30, plain);
        BamRunner.Run("baseline", [("sigma_max", 0.2), ("buffer_stock_h", 3)], 3, 30, withExtra);

        Assert.Equal(plain.AvgPrice, withExtra.AvgPrice);
    }

    [Fact]
    public void Run_IntegerForFloatParameter_IsAccepted()
    {
        var series = new RunSeries();

        BamRunner.Run("growth_plus", [("max_leverage", 5), ("max_loan_to_net_worth", 0)], 0, 20, series);

        Assert.Equal(20, series.T);
    }

    [Fact]
    public void CreateConfig_OverridesReachTheConfig()
    {
        var config = BamScenarios.CreateConfig("growth_plus",
            [("n_firms", 50), ("theta", 6), ("beta", 1.0), ("job_search_method", "vacancies_only"), ("sigma_decay", -2.0)], seed: 9);

        Assert.Equal((50, 6, 1.0, JobSearchMethod.VacanciesOnly, -2.0, 9L), (config.NFirms, config.Theta, config.Beta, config.JobSearchMethod, config.SigmaDecay, config.Seed));
        Assert.True(config.EnableRnD);
        Assert.False(config.EnableBufferStock);
    }

    private static (ParameterType, object, double?, double?) Shape(ModelParameter p) => (p.Type, p.Default, p.Min, p.Max);

    private static ModelParameter? Find(IReadOnlyList<ModelParameter> parameters, string name) => parameters.FirstOrDefault(p => p.Name == name);
}
