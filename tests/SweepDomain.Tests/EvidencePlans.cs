using SweepDomain.Parameters;
using SweepDomain.Requests;
using SweepDomain.Sweep;
using SweepTestKit;

namespace SweepDomain.Tests;

/// <summary>Validated plans on the <c>noisy</c> test scenario, whose candidates differ from seed to seed.</summary>
internal static class EvidencePlans
{
    public static SweepPlan Noisy(string stage, string tiers, bool racing = false, string? policy = null, ParamSet? baseParams = null, int? block = null)
    {
        var errors = new ValidationErrors();
        var plan = SweepRequestValidator.Validate(new SweepRequest
        {
            Scenario = TestScenarios.Noisy,
            Stages = [new StageInput(stage)],
            Base = baseParams,
            Periods = 10,
            StabilityTiers = tiers,
            Racing = racing,
            RaceBlock = block,
            CarryForward = policy,
        }, TestScenarios.Catalog, errors);
        Assert.True(errors.IsEmpty, errors.ToString());
        return plan!;
    }

    public static async Task<(StageOutcome Stage, int Evaluations)> RunAsync(SweepPlan plan)
    {
        var evaluator = new RecordingEvaluator();
        var outcome = await new SweepEngine(evaluator).RunAsync(plan);
        return (Assert.Single(outcome.Stages), evaluator.Seen.Count);
    }

    /// <summary>The thirteen candidates of <c>A:x=0.1,0.2,0.25,0.3,0.35,0.5 n=3,4</c> plus the incumbent {x: 0.5, n: 2}.</summary>
    public const string TwelveCandidates = "A:x=0.1,0.2,0.25,0.3,0.35,0.5 n=3,4";
}
