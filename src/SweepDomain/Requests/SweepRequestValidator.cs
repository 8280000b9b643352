using SweepDomain.Evaluation;
using SweepDomain.Parameters;
using SweepDomain.Selection;
using SweepDomain.Stages;
using SweepDomain.Sweep;

namespace SweepDomain.Requests;

/// <summary>
/// Turns a <see cref="SweepRequest"/> into a <see cref="SweepPlan"/>, or reports every problem at once. HTTP, the
/// scheduler and the CLI all call this before any work starts, so they reject the same inputs with the same words.
/// </summary>
public static class SweepRequestValidator
{
    /// <summary>The widest equivalence margin: scores lie in [0, 1], so a margin of 1 calls every pair equivalent.</summary>
    public const double MaxEquivalence = 0.5;

    public const string DefaultScenario = "baseline";

    /// <summary>
    /// The plan, or null with <paramref name="errors"/> filled. The base must already be resolved. Nothing in a request
    /// that passes can exceed <paramref name="limits"/> (default <see cref="SweepLimits.Default"/>).
    /// </summary>
    public static SweepPlan? Validate(SweepRequest request, IScenarioCatalog catalog, ValidationErrors errors, SweepLimits? limits = null)
    {
        limits ??= SweepLimits.Default;
        int before = errors.Count;
        string scenario = string.IsNullOrWhiteSpace(request.Scenario) ? DefaultScenario : request.Scenario.Trim();
        var schema = catalog.Find(scenario);
        if (schema is null)
        {
            errors.Add("scenario", $"Unknown scenario '{scenario}'. Known scenarios: {string.Join(", ", catalog.Names)}.");
        }

        ScenarioSchema? crossSchema = null;
        if (!string.IsNullOrWhiteSpace(request.CrossScenario))
        {
            crossSchema = catalog.Find(request.CrossScenario.Trim());
            if (crossSchema is null)
            {
                errors.Add("crossScenario", $"Unknown cross scenario '{request.CrossScenario}'. Known scenarios: {string.Join(", ", catalog.Names)}.");
            }
            else if (crossSchema.Scenario == scenario)
            {
                errors.Add("crossScenario", $"'{request.CrossScenario}' is the sweep's own scenario: a cross-scenario check needs another one. Leave it out, or name one of: " +
                                            $"{string.Join(", ", catalog.Names.Where(n => n != crossSchema.Scenario))}.");
                crossSchema = null;
            }
        }

        var stages = schema is null ? [] : ValidateStages(request.Stages, schema, errors, limits);
        var baseParams = request.Base ?? ParamSet.Empty;
        if (schema is not null)
        {
            ValidateBase(baseParams, schema, errors);
        }

        int periods = request.Periods ?? SweepPlan.DefaultPeriods;
        if (periods < 1)
        {
            errors.Add("periods", $"Must be a whole number of at least 1; got {periods}.");
        }
        else
        {
            limits.Check(nameof(SweepLimits.MaxPeriods), periods, "Each simulation would run this many periods", "periods", errors);
        }

        var tiers = StabilityTier.Parse(request.StabilityTiers ?? StabilityTier.DefaultText, errors);
        var rankBy = RankByNames.Parse(request.RankBy ?? RankBy.Combined.ToText(), errors);
        double k = request.KFactor ?? SweepPlan.DefaultKFactor;
        if (!double.IsFinite(k))
        {
            errors.Add("kFactor", $"Must be a finite number; got {k}.");
        }

        int crossSeeds = request.CrossSeeds ?? SweepPlan.DefaultCrossSeeds;
        if (crossSeeds < 2)
        {
            errors.Add("crossSeeds", $"Must be at least 2 (a std needs two seeds); got {crossSeeds}.");
        }

        if (request.InstanceId is { } id && !InstanceIds.IsValid(id))
        {
            errors.Add("instanceId", $"'{id}' is not a valid id: use 1 to {InstanceIds.MaxLength} letters, digits, '-' or '_'.");
        }

        var carryForward = CarryForwardNames.Parse(request.CarryForward ?? CarryForward.Best.ToText(), errors);
        double alpha = request.Alpha ?? SweepPlan.DefaultAlpha;
        if (!(alpha > 0 && alpha <= 0.5))
        {
            errors.Add("alpha", $"Must be a significance level above 0 and at most 0.5; got {alpha}.");
        }

        bool racing = request.Racing ?? false;
        int raceBlock = request.RaceBlock ?? SweepPlan.DefaultRaceBlock;
        if (request.RaceBlock is { } block)
        {
            int mostSeeds = tiers is null ? int.MaxValue : SweepCost.MaxSeeds(tiers);
            if (!racing)
            {
                errors.Add("raceBlock", $"Is only used when racing; got {block} with racing off. Set \"racing\": true (--racing) or leave raceBlock out.");
            }
            else if (block < 2)
            {
                errors.Add("raceBlock", $"Must be at least 2 seeds (a block is tested with a paired test); got {block}.");
            }
            else if (block > mostSeeds)
            {
                errors.Add("raceBlock", $"Block of {block} seeds is larger than every tier (the most seeds a tier gives is {mostSeeds}), so nothing would race; use at most {mostSeeds}.");
            }
        }

        if (request.Equivalence is { } margin && !(margin > 0 && margin <= MaxEquivalence))
        {
            errors.Add("equivalence", $"Must be a margin on the ranking's score above 0 and at most {MaxEquivalence}; got {margin}.");
        }

        if (errors.Count > before)
        {
            return null;
        }

        var plan = new SweepPlan(schema!, stages, baseParams, periods, tiers!, rankBy!.Value, k, crossSchema, crossSeeds, carryForward!.Value, alpha, racing, raceBlock, request.Equivalence);
        limits.CheckPlan(plan, errors);
        return errors.Count > before ? null : plan;
    }

    private static IReadOnlyList<StageSpec> ValidateStages(IReadOnlyList<StageInput>? inputs, ScenarioSchema schema, ValidationErrors errors, SweepLimits limits)
    {
        if (inputs is null || inputs.Count == 0)
        {
            errors.Add("stages", "At least one stage is required, e.g. \"behavioral:beta=0.5,1.0,2.5 max_M=2,4\".");
            return [];
        }

        if (!limits.Check(nameof(SweepLimits.MaxStages), inputs.Count, "The request has this many stages", "stages", errors))
        {
            return [];
        }

        return StageParser.ParseAll(inputs, schema, errors, limits: limits);
    }

    private static void ValidateBase(ParamSet baseParams, ScenarioSchema schema, ValidationErrors errors)
    {
        foreach (var (name, value) in baseParams)
        {
            var spec = schema.Find(name);
            if (ScenarioSchema.ReservedNames.Contains(name))
            {
                errors.Add("base", $"'{name}' cannot be part of the base: the sweep sets seeds and periods itself.");
            }
            else if (spec is null)
            {
                string? hint = schema.Suggest(name);
                errors.Add("base", $"Unknown parameter '{name}' in the base for scenario '{schema.Scenario}'." + (hint is null ? "" : $" Did you mean '{hint}'?"));
            }
            else if (spec.Check(value) is { } problem)
            {
                errors.Add("base", problem);
            }
        }
    }
}
