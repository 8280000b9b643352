namespace SweepDomain.Evidence;

/// <summary>Holm's step-down correction of p-values for multiple comparisons (family-wise error rate).</summary>
public static class Holm
{
    /// <summary>
    /// The adjusted p-values, in the order given: sorted ascending, the i-th smallest (0-based) is multiplied by m − i,
    /// kept monotone with the ones before it, and capped at 1. A family member is significant at level alpha when its
    /// adjusted p-value is below alpha.
    /// </summary>
    public static IReadOnlyList<double> Adjust(IReadOnlyList<double> pValues)
    {
        int m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ThenBy(i => i).ToArray();
        var adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++)
        {
            running = Math.Max(running, Math.Min(1, (m - rank) * pValues[order[rank]]));
            adjusted[order[rank]] = running;
        }

        return adjusted;
    }
}
