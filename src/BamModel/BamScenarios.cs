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

    /// <summary>Names no override may use: the run takes the seed and the number of periods as its own arguments.</summary>
    public static IReadOnlyList<string> ReservedNames => ModelParameters.ReservedNames;

    private static readonly IReadOnlyList<ModelParameter> BaselineParameters = ModelParameters.Core;
    private static readonly IReadOnlyList<ModelParameter> GrowthPlusParameters = [.. ModelParameters.Core, .. ModelParameters.RnD];
    private static readonly IReadOnlyList<ModelParameter> BufferStockParameters =
        [.. ModelParameters.Core, .. ModelParameters.RnD, .. ModelParameters.BufferStock];

    /// <summary>The parameters <paramref name="scenario"/> uses, in documentation order; null for an unknown scenario.</summary>
    public static IReadOnlyList<ModelParameter>? Parameters(string scenario) => scenario switch
    {
        Baseline => BaselineParameters,
        GrowthPlus => GrowthPlusParameters,
        BufferStock => BufferStockParameters,
        _ => null,
    };

    /// <summary>
    /// Validates <paramref name="overrides"/> (plain values, see <see cref="ModelParameter"/>) and builds the
    /// configuration of <paramref name="scenario"/>. Any name of the three scenarios' lists is accepted; an extension
    /// parameter the scenario does not use is ignored.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown scenario.</exception>
    /// <exception cref="ParameterException">Unknown or reserved name, wrong type, or a value out of range.</exception>
    public static SimulationConfig CreateConfig(string scenario, IReadOnlyList<(string Name, object Value)> overrides, int seed)
    {
        if (Parameters(scenario) is null)
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
