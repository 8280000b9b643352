using BamModel;
using SweepDomain.Parameters;

namespace BamScenarios.Tests;

/// <summary>The sweep's schemas say what the model's parameter lists say, and reject what the model rejects.</summary>
public class SchemaTranslationTests
{
    private static readonly ScenarioSchema BufferStock = new BamScenarioCatalog().Find("buffer_stock")!;

    [Fact]
    public void Schema_TypesDefaultsAndRanges_FollowTheSpec()
    {
        Assert.Equal((ParamType.Int, ParamValue.Int(4), 1.0, (double?)null), Shape(BufferStock.Find("max_M")!));
        Assert.Equal((ParamType.Float, ParamValue.Float(0.1), 0.0, (double?)1.0), Shape(BufferStock.Find("h_rho")!));
        Assert.Equal((ParamType.Float, ParamValue.Float(1.2), 0.0, (double?)null), Shape(BufferStock.Find("new_firm_price_markup")!));
        Assert.True(double.IsNaN(BufferStock.Find("net_worth_init")!.Default.AsDouble));
        Assert.Equal((ParamType.Choice, ParamValue.Text("loyalty")), (BufferStock.Find("consumer_matching")!.Type, BufferStock.Find("consumer_matching")!.Default));
        Assert.Equal(["all_firms", "vacancies_only"], BufferStock.Find("job_search_method")!.Choices);
        Assert.Equal(BamModel.BamScenarios.Parameters("buffer_stock")!.Select(p => (p.Name, p.Description, p.RangeText)),
            BufferStock.Parameters.Select(p => (p.Name, p.Description, p.RangeText)));
    }

    [Theory]
    [InlineData("baseline")]
    [InlineData("growth_plus")]
    [InlineData("buffer_stock")]
    public void Schema_MinimumPeriods_IsTheBurnInOf500PlusTheTargetsWindowOf500(string scenario)
    {
        Assert.Equal(1000, new BamScenarioCatalog().Find(scenario)!.MinimumPeriods);
    }

    [Fact]
    public void ReservedNames_AreTheSweepsReservedNames()
    {
        Assert.Equal(ScenarioSchema.ReservedNames, BamModel.BamScenarios.ReservedNames);
    }

    public static TheoryData<ParamValue> Values => new()
    {
        ParamValue.Int(0), ParamValue.Int(1), ParamValue.Int(4), ParamValue.Int(-3),
        ParamValue.Float(0.0), ParamValue.Float(0.5), ParamValue.Float(1.0), ParamValue.Float(2.0), ParamValue.Float(1.5),
        ParamValue.Float(-0.5), ParamValue.Float(0.005), ParamValue.Float(double.NaN), ParamValue.Float(double.PositiveInfinity),
        ParamValue.Text("random"), ParamValue.Text("vacancies_only"), ParamValue.Text("two"),
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Check_EveryParameter_SameVerdictAndSentenceAsTheSweep(ParamValue value)
    {
        foreach (var model in BamModel.BamScenarios.Parameters("buffer_stock")!)
        {
            var plain = SchemaTranslation.ToOverrides(ParamSet.Of((model.Name, value)))[0].Value;

            Assert.Equal(BufferStock.Find(model.Name)!.Check(value), model.Check(plain));
        }
    }

    [Fact]
    public void ToOverrides_KeepsOrderAndKinds()
    {
        var overrides = SchemaTranslation.ToOverrides(ParamSet.Of(("max_M", 2), ("beta", 1.0), ("consumer_matching", "random")));

        Assert.Equal([("max_M", (object)2L), ("beta", 1.0), ("consumer_matching", "random")], overrides);
    }

    private static (ParamType, ParamValue, double?, double?) Shape(ParameterSpec p) => (p.Type, p.Default, p.Min, p.Max);
}
