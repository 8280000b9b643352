namespace SweepDomain.Parameters;

/// <summary>
/// The parameters a scenario accepts, in documentation order. The stage parser and request validator use it to
/// reject unknown names and wrong types before a sweep starts; the memo uses it to normalise configs.
/// </summary>
public sealed record ScenarioSchema(string Scenario, IReadOnlyList<ParameterSpec> Parameters)
{
    /// <summary>Names that may never be swept: the sweep sets them itself (sweep-semantics §1.2).</summary>
    public static readonly IReadOnlyList<string> ReservedNames = ["seed", "n_periods"];

    /// <summary>
    /// The fewest periods the scenario's validation was written for (its burn-in plus its metrics' windows), or null
    /// when the model does not say. A sweep with fewer periods is warned about, never refused.
    /// </summary>
    public int? MinimumPeriods { get; init; }

    public ParameterSpec? Find(string name) => Parameters.FirstOrDefault(p => p.Name == name);

    /// <summary>The known name closest to <paramref name="name"/> by edit distance, or null when none is close.</summary>
    public string? Suggest(string name)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var p in Parameters)
        {
            int d = EditDistance.Between(name.ToLowerInvariant(), p.Name.ToLowerInvariant());
            if (d < bestDistance)
            {
                (best, bestDistance) = (p.Name, d);
            }
        }

        return bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    /// <summary>
    /// The full effective configuration: every parameter's default overlaid with <paramref name="overrides"/>,
    /// sorted by name, ints of float parameters widened to floats. Two param sets that run the same simulation
    /// have the same normal form (sweep-semantics §9 item 4).
    /// </summary>
    public ParamSet Normalise(ParamSet overrides)
    {
        var entries = new SortedDictionary<string, ParamValue>(StringComparer.Ordinal);
        foreach (var p in Parameters)
        {
            entries[p.Name] = p.Default;
        }

        foreach (var (name, value) in overrides)
        {
            var spec = Find(name);
            entries[name] = spec?.Type == ParamType.Float && value.Kind == ParamKind.Int ? ParamValue.Float(value.AsDouble) : value;
        }

        return ParamSet.From(entries);
    }
}
