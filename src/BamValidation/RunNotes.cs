using BamModel.Recording;
using BamValidation.Scenarios;

namespace BamValidation;

/// <summary>The explanation attached to a degenerate run's score.</summary>
internal static class RunNotes
{
    private const int MaxNamesListed = 5;

    /// <summary>Null for a healthy run; otherwise the collapse, a too-short window, and the metrics that are NaN.</summary>
    public static string? Describe(ValidationScenario scenario, RunSeries series, ReadOnlySpan<double> actuals)
    {
        var parts = new List<string>(4);
        if (series.Collapsed)
        {
            parts.Add($"economy collapsed at period {series.T}");
        }

        int burnIn = BurnIn.Adjust(scenario.BurnInPeriods, series.NPeriodsRequested);
        if (series.T <= burnIn)
        {
            parts.Add($"{series.T} period(s) recorded, none after the burn-in of {burnIn}");
        }

        var nan = new List<string>();
        for (int i = 0; i < actuals.Length; i++)
        {
            if (double.IsNaN(actuals[i]))
            {
                nan.Add(scenario.Metrics[i].Name);
            }
        }

        if (nan.Count > 0)
        {
            string listed = string.Join(", ", nan.Take(MaxNamesListed)) + (nan.Count > MaxNamesListed ? ", …" : "");
            parts.Add($"{nan.Count} metric(s) NaN: {listed}");
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}
