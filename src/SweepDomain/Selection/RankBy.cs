namespace SweepDomain.Selection;

/// <summary>How a tier orders its candidates (sweep-semantics §3.4).</summary>
public enum RankBy
{
    /// <summary>Combined score, descending.</summary>
    Combined,

    /// <summary>Pass rate desc, then the screening seed's FAIL count asc, then combined desc.</summary>
    Stability,

    /// <summary>Mean score, descending.</summary>
    Mean,
}

public static class RankByNames
{
    public static readonly IReadOnlyList<string> All = ["combined", "stability", "mean"];

    public static string ToText(this RankBy rankBy) => All[(int)rankBy];

    /// <summary>
    /// Reads a strategy name. The cross-eval names (stability-first, score-first, balanced) are rejected rather than
    /// silently meaning "combined" as in the original (sweep-semantics §9 item 8).
    /// </summary>
    public static RankBy? Parse(string? text, ValidationErrors errors, string field = "rankBy")
    {
        int index = All.ToList().IndexOf((text ?? "").Trim().ToLowerInvariant());
        if (index >= 0)
        {
            return (RankBy)index;
        }

        errors.Add(field, $"Unknown ranking '{text}'. Use one of: {string.Join(", ", All)}." +
                          (text is "stability-first" or "score-first" or "balanced" ? " That name belongs to the cross-eval phase, not to the sweep." : ""));
        return null;
    }
}
