using BamModel.Recording;
using BamValidation.Metrics;
using BamValidation.Scoring;

namespace BamValidation.Scenarios;

/// <summary>Computes a scenario's scalars from one run into <paramref name="values"/>; never throws on degenerate data.</summary>
internal delegate void ScalarComputer(RunSeries series, int burnIn, MetricWorkspace workspace, ScalarTable values);

/// <summary>
/// A scenario as the validation sees it (validation.md §3.11): its name, its metric specs in the fixed spec order,
/// the burn-in of its targets file, and the function that reduces a run to scalars.
/// </summary>
public sealed class ValidationScenario
{
    internal ValidationScenario(string name, IReadOnlyList<MetricSpec> metrics, ScalarComputer computeScalars, int burnInPeriods = BurnIn.DefaultPeriods)
    {
        Name = name;
        Metrics = metrics;
        ComputeScalars = computeScalars;
        BurnInPeriods = burnInPeriods;
        double total = 0.0;
        foreach (var metric in metrics)
        {
            total += metric.Weight;
        }

        TotalWeight = total;
    }

    public string Name { get; }

    public IReadOnlyList<MetricSpec> Metrics { get; }

    /// <summary>The unadjusted burn-in B0 (<c>metadata.validation.burn_in_periods</c>).</summary>
    public int BurnInPeriods { get; }

    /// <summary>
    /// The fewest periods the metrics were written for: the burn-in plus the post-burn-in window of the targets
    /// (<see cref="BurnIn.TargetWindowPeriods"/>). Below it the burn-in shrinks to half the run and the windows shorten.
    /// </summary>
    public int MinimumPeriods => BurnInPeriods + BurnIn.TargetWindowPeriods;

    public double TotalWeight { get; }

    internal ScalarComputer ComputeScalars { get; }
}
