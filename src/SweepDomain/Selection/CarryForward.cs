namespace SweepDomain.Selection;

/// <summary>Which candidate a stage carries forward to the next one.</summary>
public enum CarryForward
{
    /// <summary>The original's rule: the top of the final ranking wins; the incumbent wins ties.</summary>
    Best,

    /// <summary>The incumbent stays unless a candidate ranked above it beats it significantly (paired t, Holm).</summary>
    Significant,
}

public static class CarryForwardNames
{
    public static readonly IReadOnlyList<string> All = ["best", "significant"];

    public static string ToText(this CarryForward policy) => All[(int)policy];

    /// <summary>Reads a policy name; null with an error naming the field and the value when it is unknown.</summary>
    public static CarryForward? Parse(string? text, ValidationErrors errors, string field = "carryForward")
    {
        int index = All.ToList().IndexOf((text ?? "").Trim().ToLowerInvariant());
        if (index >= 0)
        {
            return (CarryForward)index;
        }

        errors.Add(field, $"Unknown carry-forward policy '{text}'. Use one of: {string.Join(", ", All)}.");
        return null;
    }
}
