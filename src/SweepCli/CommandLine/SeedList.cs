using System.Globalization;
using SweepDomain;

namespace SweepCli.CommandLine;

/// <summary>Seed lists such as <c>0-19</c> or <c>0-4,7,10-12</c>: ranges are inclusive, items are separated by commas.</summary>
internal static class SeedList
{
    public const int MaxSeeds = 100_000;

    /// <summary>The seeds in the order written, or null with errors under <paramref name="flag"/>.</summary>
    public static IReadOnlyList<int>? Parse(string text, ValidationErrors errors, string flag = "--seeds")
    {
        int before = errors.Count;
        var seeds = new List<int>();
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(flag, "No seeds given. Write a list such as 0-19 or 0-4,7.");
            return null;
        }

        foreach (string raw in text.Split(','))
        {
            string item = raw.Trim();
            int dash = item.IndexOf('-', Math.Min(1, item.Length));   // from 1, so a leading '-' is not a range
            bool isRange = dash > 0;
            string first = isRange ? item[..dash] : item, last = isRange ? item[(dash + 1)..] : item;
            if (!TrySeed(first, out int from) || !TrySeed(last, out int to))
            {
                errors.Add(flag, $"'{item}' in '{text}' is not a seed (a whole number >= 0) or a range such as 0-19.");
                continue;
            }

            if (to < from)
            {
                errors.Add(flag, $"The range '{item}' in '{text}' runs backwards; write {to}-{from}.");
                continue;
            }

            if (seeds.Count + (long)(to - from) + 1 > MaxSeeds)
            {
                errors.Add(flag, $"'{text}' names more than {MaxSeeds} seeds.");
                return null;
            }

            seeds.AddRange(Enumerable.Range(from, to - from + 1));
        }

        foreach (int seed in seeds.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key).Take(5))
        {
            errors.Add(flag, $"Seed {seed} appears more than once in '{text}'.");
        }

        return errors.Count == before ? seeds : null;
    }

    private static bool TrySeed(string text, out int seed) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out seed) && text.Trim().Length > 0;
}
