namespace BamValidation.Scoring;

/// <summary>
/// The result of one run (validation.md §3.7): the metric results in spec order, the flat weighted mean score and
/// the status counts. A run passes when no metric FAILs. <see cref="Note"/> explains a degenerate run (a collapse,
/// a window too short for the burn-in, metrics that came out NaN) and is null otherwise.
/// </summary>
public sealed record ValidationScore(
    string Scenario,
    IReadOnlyList<MetricResult> MetricResults,
    double TotalScore,
    int NPass,
    int NWarn,
    int NFail,
    string? Note = null)
{
    public bool Passed => NFail == 0;

    /// <summary>The result of the metric called <paramref name="name"/>, or null.</summary>
    public MetricResult? Find(string name)
    {
        foreach (var result in MetricResults)
        {
            if (result.Name == name)
            {
                return result;
            }
        }

        return null;
    }
}
