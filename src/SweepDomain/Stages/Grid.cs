using SweepDomain.Parameters;

namespace SweepDomain.Stages;

/// <summary>Grid combinations (sweep-semantics §2).</summary>
public static class Grid
{
    /// <summary>
    /// The Cartesian product of <paramref name="axes"/> in odometer order (the last axis varies fastest). Each
    /// combination holds the <paramref name="fixedParams"/> first, in their order, then the grid entries in axis
    /// order. An empty grid gives one combination (the fixed set); an axis with no values gives none.
    /// </summary>
    public static IReadOnlyList<ParamSet> Combinations(IReadOnlyList<GridAxis> axes, ParamSet fixedParams)
    {
        var overlap = axes.Select(a => a.Name).Where(fixedParams.Contains).ToList();
        if (overlap.Count > 0)
        {
            throw new ArgumentException($"Fixed parameters overlap the grid: {string.Join(", ", overlap)}.", nameof(fixedParams));
        }

        long total = axes.Aggregate(1L, (n, a) => Sweep.SweepCost.Multiply(n, a.Values.Count));
        if (total > Array.MaxLength)
        {
            throw new ArgumentException($"The grid has {total} combinations, too many to list; the sweep limits reject such a stage first.", nameof(axes));
        }

        int count = (int)total;
        var result = new List<ParamSet>(count);
        var digits = new int[axes.Count];
        for (int c = 0; c < count; c++)
        {
            var entries = fixedParams.ToList();
            for (int a = 0; a < axes.Count; a++)
            {
                entries.Add(KeyValuePair.Create(axes[a].Name, axes[a].Values[digits[a]]));
            }

            result.Add(ParamSet.From(entries));
            for (int a = axes.Count - 1; a >= 0 && ++digits[a] == axes[a].Values.Count; a--)
            {
                digits[a] = 0;
            }
        }

        return result;
    }
}
