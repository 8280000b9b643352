using System.Text.RegularExpressions;

namespace SweepDomain.Requests;

/// <summary>Sweep ids: they name blob folders and durable instances, so they are restricted to a safe alphabet.</summary>
public static partial class InstanceIds
{
    public const int MaxLength = 100;

    public static bool IsValid(string id) => id.Length is >= 1 and <= MaxLength && Safe().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex Safe();
}
