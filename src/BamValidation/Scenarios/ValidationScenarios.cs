namespace BamValidation.Scenarios;

/// <summary>The three validation scenarios, by name.</summary>
public static class ValidationScenarios
{
    public static IReadOnlyList<ValidationScenario> All { get; } =
        [BaselineScenario.Definition, GrowthPlusScenario.Definition, BufferStockScenario.Definition];

    /// <summary>The scenario called <paramref name="name"/>, or null.</summary>
    public static ValidationScenario? Find(string name)
    {
        foreach (var scenario in All)
        {
            if (scenario.Name == name)
            {
                return scenario;
            }
        }

        return null;
    }

    /// <summary>The scenario called <paramref name="name"/>; an unknown name is an <see cref="ArgumentException"/>.</summary>
    public static ValidationScenario Get(string name) =>
        Find(name) ?? throw new ArgumentException($"Unknown scenario '{name}'. Known: baseline, growth_plus, buffer_stock.", nameof(name));
}
