using System.Globalization;
using SweepDomain;
using SweepDomain.Requests;

namespace SweepCli.CommandLine;

/// <summary><c>--limit NAME=VALUE</c>: the CLI's way to change a sweep limit (the Function App's are settings).</summary>
internal static class LimitFlags
{
    public const string Flag = "--limit";

    /// <summary>Every limit with its default, for the help text: <c>MaxEvaluations=200000, ...</c>.</summary>
    public static string Defaults => string.Join(", ", SweepLimits.Names.Select(n => $"{n}={SweepLimits.Default.Get(n).ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>The default limits with each <c>NAME=VALUE</c> applied; a bad item is an input error on <c>--limit</c>.</summary>
    public static SweepLimits Read(IEnumerable<string> items, ValidationErrors errors)
    {
        var limits = SweepLimits.Default with { RaisedBy = name => $"{Flag} {name}=<n>" };
        foreach (string item in items)
        {
            string[] parts = item.Split('=', 2);
            string? name = SweepLimits.Names.FirstOrDefault(n => string.Equals(n, parts[0].Trim(), StringComparison.OrdinalIgnoreCase));
            if (parts.Length != 2 || name is null)
            {
                errors.Add(Flag, $"'{item}' is not NAME=VALUE with a known limit; the limits are {Defaults}.");
            }
            else if (!long.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value < 1)
            {
                errors.Add(Flag, $"'{item}': the value of {name} must be a whole number of at least 1.");
            }
            else
            {
                limits = limits.With(name, value);
            }
        }

        return limits;
    }
}
