using SweepDomain.Parameters;

namespace BamModel;

/// <summary>
/// The three validation scenarios (bam-model §5.3) and the parameters each accepts (bam-model §1.7, §3).
/// baseline has no extension, growth_plus adds R&amp;D, buffer_stock adds R&amp;D and buffer-stock consumption.
/// </summary>
public static class BamScenarios
{
    public const string Baseline = "baseline", GrowthPlus = "growth_plus", BufferStock = "buffer_stock";

    /// <summary>The three scenario names, in that order.</summary>
    public static IReadOnlyList<string> Names { get; } = [Baseline, GrowthPlus, BufferStock];

    private static readonly ScenarioSchema BaselineSchema = new(Baseline, ModelParameters.Core);
    private static readonly ScenarioSchema GrowthPlusSchema = new(GrowthPlus, [.. ModelParameters.Core, .. ModelParameters.RnD]);
    private static readonly ScenarioSchema BufferStockSchema =
        new(BufferStock, [.. ModelParameters.Core, .. ModelParameters.RnD, .. ModelParameters.BufferStock]);

    /// <summary>The parameters <paramref name="scenario"/> uses, in documentation order; null for an unknown scenario.</summary>
    public static ScenarioSchema? Schema(string scenario) => scenario switch
    {
        Baseline => BaselineSchema,
        GrowthPlus => GrowthPlusSchema,
        BufferStock => BufferStockSchema,
        _ => null,
    };

    /// <summary>
    /// Validates <paramref name="overrides"/> and builds the configuration of <paramref name="scenario"/>.
    /// Any name of the three schemas is accepted; an extension parameter the scenario does not use is ignored.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown scenario.</exception>
    /// <exception cref="ParameterException">Unknown or reserved name, wrong type, or a value out of range.</exception>
    public static SimulationConfig CreateConfig(string scenario, ParamSet overrides, int seed)
    {
        if (Schema(scenario) is null)
        {
            throw new ArgumentException(
                $"Unknown scenario '{scenario}'; expected one of {string.Join(", ", Names)}.", nameof(scenario));
        }

        var config = new SimulationConfig
        {
            Seed = seed,
            EnableRnD = scenario is GrowthPlus or BufferStock,
            EnableBufferStock = scenario is BufferStock,
        };
        foreach (var (name, value) in overrides)
        {
            config = ModelParameters.Apply(config, name, value);
        }

        return config;
    }
}
