using SweepDomain.Parameters;

namespace SweepDomain.Tests;

public class CarryForwardTests
{
    private static readonly ParamSet Base = ParamSet.Of(("x", 0.32), ("n", 4));

    [Fact]
    public async Task Best_carries_the_top_of_the_ranking_even_when_its_lead_is_noise()
    {
        var (stage, _) = await EvidencePlans.RunAsync(EvidencePlans.Noisy("A:x=0.29,0.3,0.31", "3:30", baseParams: Base));

        Assert.Equal("{n: 4, x: 0.3}", stage.Result.WinnerParams.ToString());
        Assert.True(stage.Result.Improved);
        Assert.Equal(
            "winner vs incumbent: +0.0130 (95% CI -0.0013 .. +0.0273, n = 30), p = 0.073: not significant at alpha 0.05",
            stage.Result.Verdict);
        var decision = stage.Result.Decision!;
        Assert.Equal("best", decision.Policy);
        Assert.Equal("best: the top of the final ranking wins; the incumbent wins ties", decision.Rule);
        Assert.Equal("{n: 4, x: 0.3} ranks first (combined 0.9851 on 30 seeds; the incumbent combined 0.9709 on 30 seeds)", decision.Reason);
    }

    [Fact]
    public async Task Significant_keeps_the_incumbent_when_no_candidate_beats_it_after_Holm()
    {
        var (stage, _) = await EvidencePlans.RunAsync(EvidencePlans.Noisy("A:x=0.29,0.3,0.31", "3:30", policy: "significant", baseParams: Base));

        Assert.Equal("{n: 4, x: 0.32}", stage.Result.WinnerParams.ToString());
        Assert.False(stage.Result.Improved);
        Assert.Equal("winner is the incumbent, kept; against the best other candidate {n: 4, x: 0.3}: -0.0130 (95% CI -0.0273 .. +0.0013, n = 30), p = 0.073: not significant at alpha 0.05", stage.Result.Verdict);
        var decision = stage.Result.Decision!;
        Assert.Equal("significant", decision.Policy);
        Assert.StartsWith("significant: the incumbent stays unless a candidate ranked above it beats it at alpha 0.05 (paired t-test on common seeds, two-sided, Holm-corrected over the ", decision.Rule);
        Assert.Equal(
            "the incumbent is kept: no candidate ranked above it beats it; the top, {n: 4, x: 0.3}, differs by +0.0130 (95% CI -0.0013 .. +0.0273, n = 30), Holm-adjusted p = 0.22, not below alpha 0.05",
            decision.Reason);
    }

    [Fact]
    public async Task Significant_carries_a_candidate_that_beats_the_incumbent_after_Holm()
    {
        var (stage, _) = await EvidencePlans.RunAsync(EvidencePlans.Noisy("A:x=0.29,0.3,0.31", "3:30", policy: "significant", baseParams: ParamSet.Of(("x", 0.27), ("n", 4))));

        Assert.Equal("{n: 4, x: 0.3}", stage.Result.WinnerParams.ToString());
        Assert.Equal(
            "winner vs incumbent: +0.0193 (95% CI +0.0066 .. +0.0319, n = 30), p = 0.0041: significant at alpha 0.05 (better)",
            stage.Result.Verdict);
        Assert.Equal(
            "{n: 4, x: 0.3} beats the incumbent: +0.0193 (95% CI +0.0066 .. +0.0319, n = 30), Holm-adjusted p = 0.012, below alpha 0.05",
            stage.Result.Decision!.Reason);
    }

    [Fact]
    public async Task Every_ranked_candidate_is_compared_with_the_winner_and_the_incumbent()
    {
        var (stage, _) = await EvidencePlans.RunAsync(EvidencePlans.Noisy("A:x=0.29,0.3,0.31", "3:30", baseParams: Base));

        var byX = stage.Candidates.ToDictionary(c => c.Params.ToString());
        var winner = byX["{n: 4, x: 0.3}"];
        var incumbent = byX["{n: 4, x: 0.32}"];
        Assert.Null(winner.VersusWinner);
        Assert.Null(incumbent.VersusIncumbent);
        Assert.Equal(0.0130, winner.VersusIncumbent!.MeanDifference, 4);
        Assert.Equal(-0.0130, incumbent.VersusWinner!.MeanDifference, 4);
        Assert.Equal(30, winner.VersusIncumbent.Seeds);
        Assert.All(stage.Candidates.Where(c => c.FinalRank is not null && c != winner), c => Assert.NotNull(c.VersusWinner));

        // Screening, then the one tier: the mean and 95 % interval on 1 and on 30 seeds.
        Assert.Equal([0, 1], winner.ByTier!.Select(t => t.Tier));
        Assert.Equal([1, 30], winner.ByTier!.Select(t => t.Seeds));
        Assert.Null(winner.ByTier![0].CiLow);
        Assert.Equal(winner.Mean, winner.ByTier[1].Mean, 12);
        Assert.True(winner.ByTier[1].CiLow < winner.Mean && winner.Mean < winner.ByTier[1].CiHigh);
    }
}
