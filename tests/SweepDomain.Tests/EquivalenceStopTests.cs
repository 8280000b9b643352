using SweepDomain.Parameters;
using SweepDomain.Requests;
using SweepDomain.Sweep;
using SweepTestKit;

namespace SweepDomain.Tests;

public class EquivalenceStopTests
{
    private static SweepPlan Quadratic(string stage, string tiers, double? equivalence, ValidationErrors? errors = null)
    {
        errors ??= new ValidationErrors();
        var plan = SweepRequestValidator.Validate(new SweepRequest
        {
            Scenario = TestScenarios.Quadratic,
            Stages = [new StageInput(stage)],
            Periods = 10,
            StabilityTiers = tiers,
            Equivalence = equivalence,
        }, TestScenarios.Catalog, errors);
        return plan!;
    }

    [Fact]
    public async Task Equivalence_stop_ends_the_stage_at_the_first_look_when_every_survivor_is_within_the_margin_and_keeps_the_incumbent()
    {
        // quadratic: every config gets the same wobble on a seed, so x = 0.49 and 0.51 differ from the incumbent x = 0.5
        // by the same amount on every seed (+0.0039 and -0.0041 before the std factor). The first look (10 seeds) shows
        // both within ±0.005: p = 1 / 4000 each, below 0.05 / (2 survivors × 10 looks) = 0.0025.
        var plan = Quadratic("A:x=0.49,0.5,0.51", "10:10,10:100", equivalence: 0.005);
        var plain = Quadratic("A:x=0.49,0.5,0.51", "10:10,10:100", equivalence: null);

        var (stopped, evaluations) = await EvidencePlans.RunAsync(plan);
        var (full, plainEvaluations) = await EvidencePlans.RunAsync(plain);

        Assert.Equal(30, evaluations);          // 3 screened + 3 × 9 to the first look
        Assert.Equal(300, plainEvaluations);    // 3 + 3 × 9 + 3 × 90
        Assert.Equal("{x: 0.5}", stopped.Result.WinnerParams.ToString());
        Assert.Equal("{x: 0.49}", full.Result.WinnerParams.ToString());
        var stop = stopped.Result.Stop!;
        Assert.Equal("equivalence", stop.Rule);
        var e = stop.Equivalence!;
        Assert.Equal((1, 1, 10, 0.005, "combined", 10, 0.0025), (e.Tier, e.Block, e.Seeds, e.Margin, e.Score, e.Looks, e.TestAlpha));
        Assert.All(e.Tests, t => Assert.Equal(1.0 / 4000, t.P, 15));
        Assert.StartsWith("equivalence stop in tier 1 block 1 at 10 seeds: every one of the 2 other survivors lies within ±0.005 of the incumbent on combined", stop.Text);
        Assert.Equal("tiers", full.Result.Stop!.Rule);
    }

    [Fact]
    public async Task Equivalence_stop_does_not_stop_when_a_survivor_may_lie_outside_the_margin()
    {
        // x = 0.45 is 0.0175 below the incumbent on every seed: never within ±0.005, so the tiers run to the end.
        var plan = Quadratic("A:x=0.45,0.5", "10:10,10:30", equivalence: 0.005);

        var (stage, evaluations) = await EvidencePlans.RunAsync(plan);

        Assert.Equal(2 + 2 * 29, evaluations);
        Assert.Equal("tiers", stage.Result.Stop!.Rule);
        Assert.Equal("the last tier ran to 30 seeds", stage.Result.Stop.Text);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.01)]
    [InlineData(0.6)]
    public void Equivalence_margin_outside_zero_to_one_half_is_rejected_naming_the_field(double margin)
    {
        var errors = new ValidationErrors();
        Quadratic("A:x=0.49,0.5", "10:10", margin, errors);

        Assert.Contains("equivalence", errors.ToString());
        Assert.Contains($"got {margin}", errors.ToString());
    }

    [Fact]
    public void Looks_count_one_per_block_from_the_screening_seed_to_the_last_tier()
    {
        // default tiers, blocks of 10: 1..10 (1 look), 10..20 (1), 20..100 (8).
        var plan = Quadratic("A:x=0.49,0.5", "100:10,50:20,10:100", equivalence: 0.005);
        Assert.Equal(10, TieredStability.Looks(plan));
        Assert.Equal(4, TieredStability.Looks(plan with { RaceBlock = 50 }));   // 1..10, 10..20, 20..50, 50..100
    }
}
