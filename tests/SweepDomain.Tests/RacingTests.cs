using SweepDomain.Evaluation;
using SweepDomain.Parameters;
using SweepDomain.Sweep;

namespace SweepDomain.Tests;

public class RacingTests
{
    [Fact]
    public async Task Racing_drops_candidates_significantly_below_the_leader_and_keeps_the_plain_winner()
    {
        var (plain, plainEvaluations) = await EvidencePlans.RunAsync(EvidencePlans.Noisy(EvidencePlans.TwelveCandidates, "8:10,4:30"));
        var (raced, racedEvaluations) = await EvidencePlans.RunAsync(EvidencePlans.Noisy(EvidencePlans.TwelveCandidates, "8:10,4:30", racing: true));

        Assert.Equal("{x: 0.3, n: 4}", plain.Result.WinnerParams.ToString());
        Assert.Equal("{x: 0.3, n: 4}", raced.Result.WinnerParams.ToString());
        Assert.Equal(194, plainEvaluations);     // 13 screened; tier 1: 9 × 9 (the incumbent joins the top 8); tier 2: 5 × 20
        Assert.Equal(164, racedEvaluations);     // tier 1 drops 4 at 10 seeds; tier 2 runs 4, then 3 after its first block

        // Dropped after tier 1's only block (10 seeds), against the leader {x: 0.3, n: 4} (index 7), Holm over 7 rivals.
        var drops = raced.Candidates.Where(c => c.Dropped is not null).ToDictionary(c => c.Index, c => c.Dropped!);
        Assert.Equal([2, 4, 6, 8, 12], drops.Keys.Order());
        Assert.Equal(new RaceDrop(1, 1, 10, 7, -0.04067, 0.010326309891706888), drops[2] with { MeanDifference = Math.Round(drops[2].MeanDifference, 12) });
        Assert.Equal((1, 1, 10), (drops[12].Tier, drops[12].Block, drops[12].Seeds));   // the incumbent races like the others
        Assert.Equal(-0.09983, drops[12].MeanDifference, 12);
        Assert.Equal((2, 1, 20), (drops[4].Tier, drops[4].Block, drops[4].Seeds));      // tier 2's first block ends at 20 seeds
        Assert.Equal(0.006236737381703722, drops[4].AdjustedP, 15);
        Assert.Equal([10, 20, 10, 10, 10], new[] { 2, 4, 6, 8, 12 }.Select(i => raced.Candidates[i].SeedScores.Count));

        var summary = raced.Result.Racing!;
        Assert.Equal((10, 0.05, 5, 164, 194L, 30L), (summary.BlockSize, summary.Alpha, summary.Dropped, summary.Requested, summary.PlainTiersAtMost, summary.Saved));
        Assert.Null(plain.Result.Racing);
    }

    [Fact]
    public async Task Racing_never_drops_a_candidate_on_fewer_than_ten_seeds()
    {
        var (plain, plainEvaluations) = await EvidencePlans.RunAsync(EvidencePlans.Noisy(EvidencePlans.TwelveCandidates, "8:5,4:9"));
        var (raced, racedEvaluations) = await EvidencePlans.RunAsync(EvidencePlans.Noisy(EvidencePlans.TwelveCandidates, "8:5,4:9", racing: true, block: 2));

        Assert.Equal(plainEvaluations, racedEvaluations);
        Assert.All(raced.Candidates, c => Assert.Null(c.Dropped));
        Assert.Equal(plain.Result.WinnerParams, raced.Result.WinnerParams);
        Assert.Equal(plain.Result.SeedScores, raced.Result.SeedScores);
    }

    [Fact]
    public async Task Race_ends_when_one_candidate_is_left()
    {
        // x = 0.3 against x = 0.9 (0.36 apart): the first test at 10 seeds drops 0.9 and the incumbent 0.5, and the
        // winner gets no more seeds: 3 screened + 3 × 9, against at most 3 + 3 × 9 + 3 × 90 with the plain tiers.
        var (raced, evaluations) = await EvidencePlans.RunAsync(EvidencePlans.Noisy("A:x=0.3,0.9", "10:10,10:100", racing: true));

        Assert.Equal(30, evaluations);
        Assert.Equal("{x: 0.3}", raced.Result.WinnerParams.ToString());
        Assert.Equal(10, raced.Result.NSeeds);
        Assert.Equal(300, raced.Result.Racing!.PlainTiersAtMost);
        Assert.Equal(2, raced.Result.Racing.Dropped);
    }

    [Fact]
    public void Race_compares_each_rival_with_the_leader_on_common_seeds_with_Holm()
    {
        // Leader scores 0.9 + s/1000 on seed s; the worse rival is 0.04 or 0.06 lower (t = -16.583, df = 11), the equal
        // one 0.01 higher or lower (mean difference 0, p = 1). Holm doubles the smaller p: 2 × 3.9465931483e-9 (mpmath).
        var plan = EvidencePlans.Noisy("A:x=0.1,0.2", "3:20", racing: true);
        Candidate Make(int index, Func<int, double> score) => new(index, ParamSet.Empty, false,
            [.. Enumerable.Range(0, 12).Select(s => new EvaluationScore(score(s), 10, 0, 0))]);
        var leader = Make(0, s => 0.9 + s / 1000.0);
        var worse = Make(1, s => 0.85 + s / 1000.0 + (s % 2 == 0 ? 0.01 : -0.01));
        var equal = Make(2, s => 0.9 + s / 1000.0 + (s % 2 == 0 ? 0.01 : -0.01));

        var drops = TieredStability.Race([leader, worse, equal], plan, tier: 1, block: 2);

        var (loser, drop) = Assert.Single(drops);
        Assert.Equal(1, loser.Index);
        Assert.Equal((1, 2, 12, 0), (drop.Tier, drop.Block, drop.Seeds, drop.Leader));
        Assert.Equal(-0.05, drop.MeanDifference, 12);
        Assert.Equal(7.8931862966037973e-9, drop.AdjustedP, tolerance: 1e-16);
    }

    [Theory]
    [InlineData(1, 20, 10, 10)]
    [InlineData(10, 20, 10, 20)]
    [InlineData(20, 100, 10, 30)]
    [InlineData(95, 100, 10, 100)]
    [InlineData(1, 100, 25, 25)]
    public void Blocks_end_at_multiples_of_the_block_size_or_at_the_tier(int seeds, int tierSeeds, int blockSize, int expected)
    {
        Assert.Equal(expected, TieredStability.BlockEnd(seeds, tierSeeds, blockSize));
    }
}
