using System.Globalization;

namespace SweepDomain.Selection;

/// <summary>
/// One stability tier: keep the best <paramref name="Configs"/> candidates and bring each up to
/// <paramref name="Seeds"/> seeds in total, the screening seed included (sweep-semantics §3.3).
/// </summary>
// Stored in durable histories (the orchestration's input). System.Text.Json matches members by name, so adding or
// reordering members is safe and a missing member reads as its default. The hazard is a change of what the engine does
// with these values: that changes how an old history replays, so it must raise SweepEngineVersion (docs/deploy.md).
public sealed record StabilityTier(int Configs, int Seeds)
{
    /// <summary>The original's default: top 100 × 10 seeds, top 50 × 20, top 10 × 100.</summary>
    public static readonly IReadOnlyList<StabilityTier> Defaults = [new(100, 10), new(50, 20), new(10, 100)];

    public const string DefaultText = "100:10,50:20,10:100";

    public override string ToString() => $"{Configs}:{Seeds}";

    public static string Format(IReadOnlyList<StabilityTier> tiers) => string.Join(',', tiers);

    /// <summary>
    /// Parses <c>configs:seeds</c> pairs separated by commas (spaces around parts allowed, sweep-semantics §6.2).
    /// Both numbers must be integers of at least 1. Returns null and adds errors when the text is invalid.
    /// </summary>
    public static IReadOnlyList<StabilityTier>? Parse(string text, ValidationErrors errors, string field = "stabilityTiers")
    {
        int before = errors.Count;
        var tiers = new List<StabilityTier>();
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, "No stability tiers given. Write configs:seeds pairs such as 100:10,50:20,10:100.");
            return null;
        }

        foreach (string pair in text.Split(','))
        {
            string[] parts = pair.Split(':');
            if (parts.Length != 2 || !TryPositive(parts[0], out int configs) || !TryPositive(parts[1], out int seeds))
            {
                errors.Add(field, $"Tier '{pair.Trim()}' in '{text}' is not configs:seeds with two whole numbers of at least 1.");
                continue;
            }

            tiers.Add(new StabilityTier(configs, seeds));
        }

        return errors.Count == before ? tiers : null;
    }

    /// <summary>Advice (not an error) when tiers do not narrow: configs should not grow, seeds should not shrink.</summary>
    public static IEnumerable<string> Warnings(IReadOnlyList<StabilityTier> tiers)
    {
        for (int i = 1; i < tiers.Count; i++)
        {
            if (tiers[i].Configs > tiers[i - 1].Configs || tiers[i].Seeds < tiers[i - 1].Seeds)
            {
                yield return $"Tier {i + 1} ({tiers[i]}) does not narrow tier {i} ({tiers[i - 1]}): usually configs shrink and seeds grow.";
            }
        }
    }

    private static bool TryPositive(string text, out int value) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value >= 1;
}
