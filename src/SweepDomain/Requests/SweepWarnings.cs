using System.Globalization;
using SweepDomain.Selection;
using SweepDomain.Sweep;

namespace SweepDomain.Requests;

/// <summary>
/// Advice about a valid plan, given before any work: the CLI prints it, the report records it, the HTTP API answers it.
/// Nothing here refuses a sweep.
/// </summary>
public static class SweepWarnings
{
    /// <summary>Every warning about <paramref name="plan"/>: tiers that do not narrow, then a horizon too short for the scenarios' metrics.</summary>
    public static IReadOnlyList<string> Of(SweepPlan plan)
    {
        var warnings = StabilityTier.Warnings(plan.Tiers).ToList();
        warnings.AddRange(new[] { plan.Schema, plan.CrossSchema }.OfType<Parameters.ScenarioSchema>()
            .Select(schema => ShortHorizon(schema, plan.Periods))
            .OfType<string>());
        return warnings;
    }

    /// <summary>A warning when the base <paramref name="baseName"/> was written for another scenario than the sweep's, else null.</summary>
    public static string? ForeignBase(string baseName, string? baseScenario, string scenario) =>
        baseScenario is not null && baseScenario != scenario
            ? $"The base '{baseName}' comes from a sweep of scenario '{baseScenario}', not '{scenario}': its winner was tuned for another scenario."
            : null;

    /// <summary>A warning when <paramref name="periods"/> is below what <paramref name="schema"/>'s metrics need, else null.</summary>
    public static string? ShortHorizon(Parameters.ScenarioSchema schema, int periods) =>
        schema.MinimumPeriods is { } minimum && periods < minimum
            ? string.Create(CultureInfo.InvariantCulture,
                $"{periods:N0} periods are fewer than the {minimum:N0} that the metrics of scenario '{schema.Scenario}' need (their burn-in and windows): ") +
              "the burn-in and windows shrink, metrics may fail on every seed, and the sweep tunes toward a horizon the validation was not written for."
            : null;
}
