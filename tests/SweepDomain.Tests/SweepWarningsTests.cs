using SweepDomain.Requests;
using SweepDomain.Sweep;
using SweepTestKit;

namespace SweepDomain.Tests;

public class SweepWarningsTests
{
    private static SweepPlan Plan(int periods, string? cross = null, string tiers = "2:2")
    {
        var errors = new ValidationErrors();
        var plan = SweepRequestValidator.Validate(
            new SweepRequest { Scenario = TestScenarios.Quadratic, CrossScenario = cross, Stages = [new("A:x=0.1")], Periods = periods, StabilityTiers = tiers },
            TestScenarios.Catalog, errors);
        Assert.True(errors.IsEmpty, errors.ToString());
        return plan!;
    }

    [Fact]
    public void Periods_below_the_scenarios_minimum_are_warned_about_and_still_accepted()
    {
        Assert.Equal(
            ["4 periods are fewer than the 5 that the metrics of scenario 'quadratic' need (their burn-in and windows): the burn-in and windows shrink, " +
             "metrics may fail on every seed, and the sweep tunes toward a horizon the validation was not written for."],
            SweepWarnings.Of(Plan(4)));
    }

    [Fact]
    public void Periods_at_the_scenarios_minimum_give_no_warning()
    {
        Assert.Empty(SweepWarnings.Of(Plan(5)));
    }

    [Fact]
    public void A_short_horizon_is_warned_about_for_the_cross_scenario_too_after_the_tier_advice()
    {
        var warnings = SweepWarnings.Of(Plan(4, cross: TestScenarios.Other, tiers: "2:2,3:1"));

        Assert.Equal(3, warnings.Count);
        Assert.StartsWith("Tier 2 (3:1) does not narrow tier 1 (2:2)", warnings[0]);
        Assert.StartsWith("4 periods are fewer than the 5 that the metrics of scenario 'quadratic' need", warnings[1]);
        Assert.StartsWith("4 periods are fewer than the 5 that the metrics of scenario 'other' need", warnings[2]);
    }

    [Fact]
    public void A_scenario_that_states_no_minimum_gives_no_horizon_warning()
    {
        var schema = TestScenarios.Schema(TestScenarios.Quadratic) with { MinimumPeriods = null };

        Assert.Null(SweepWarnings.ShortHorizon(schema, 1));
    }
}
