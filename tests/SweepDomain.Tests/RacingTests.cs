using SweepDomain.Evaluation;
using SweepDomain.Parameters;
using SweepDomain.Sweep;

namespace SweepDomain.Tests;

public class RacingTests
{
    [Fact]
    public async Task Racing_drops_candidates_significantly_below_the_leader_and_keeps_the_plain_winner()
    {
        var (plain, plainEvaluations) = await EvidencePlans.RunAsync(EvidencePlans.Noisy(EvidencePlans.TwelveCandidates, "8:20,4:100"));
        var (raced, racedEvaluations) = await EvidencePlans.RunAsync(EvidencePlans.Noisy(EvidencePlans.TwelveCandidates, "8:20,4:100", racing: true));

        Assert.Equal("{x: 0.3, n: 4}", plain.Result.WinnerParams.ToString());
        Assert.Equal("{x: 0.3, n: 4}", raced.Result.WinnerParams.ToString());
        Assert.Equal(584, plainEvaluations);     // 13 screened; tier 1: 9 × 19 (the incumbent joins the top 8); tier 2: 5 × 80
        Assert.Equal(524, racedEvaluations);     // tier 2 drops the incumbent after its second block, at 40 seeds

        // Every candidate passes every seed, so the pass rates are uncertain alike and only the incumbent {x: 0.5, n: 2},
        // 0.10 below the leader {x: 0.3, n: 4} (index 7) on the combined score, is dropped: paired bootstrap of the combined
        // score with a pseudo-seed failing each side, Holm over 4 rivals.
        var (loser, drop) = Assert.Single(raced.Candidates.Where(c => c.Dropped is not null).Select(c => (c, c.Dropped!)));
        Assert.Equal(12, loser.Index);
        Assert.Equal((2, 2, 40, 7, "combined"), (drop.Tier, drop.Block, drop.Seeds, drop.Leader, drop.Score));
        Assert.Equal(-0.1003125, drop.MeanDifference, 12);
        Assert.Equal(-0.09657520148, drop.ScoreDifference, 10);
        Assert.Equal(0.014, drop.AdjustedP, 15);
        Assert.Equal(40, loser.SeedScores.Count);

        var summary = raced.Result.Racing!;
        Assert.Equal((10, 0.05, 1, 524, 584L, 60L), (summary.BlockSize, summary.Alpha, summary.Dropped, summary.Requested, summary.PlainTiersAtMost, summary.Saved));
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
        // x = 0.3 against x = 0.9 (0.36 apart) and the incumbent 0.5 (0.05 apart): the first test at 10 seeds drops 0.9;
        // the incumbent lasts until 50 seeds, and then the winner gets no more: 3 screened + 3 × 9 + 2 × 40, against at
        // most 3 + 3 × 9 + 3 × 90 with the plain tiers.
        var (raced, evaluations) = await EvidencePlans.RunAsync(EvidencePlans.Noisy("A:x=0.3,0.9", "10:10,10:100", racing: true));

        Assert.Equal(110, evaluations);
        Assert.Equal("{x: 0.3}", raced.Result.WinnerParams.ToString());
        Assert.Equal(50, raced.Result.NSeeds);
        Assert.Equal(300, raced.Result.Racing!.PlainTiersAtMost);
        Assert.Equal(2, raced.Result.Racing.Dropped);
    }

    private static Candidate Make(int index, Func<int, double> score, Func<int, bool>? fails = null, int seeds = 20) => new(index, ParamSet.Empty, false,
        [.. Enumerable.Range(0, seeds).Select(s => new EvaluationScore(score(s), 10, 0, fails?.Invoke(s) == true ? 1 : 0))]);

    [Fact]
    public void Race_keeps_a_rival_whose_mean_is_significantly_lower_when_its_combined_score_is_not()
    {
        // The leader by combined: mean 0.90 (0.89 / 0.91 alternating) but seed 3 fails, pass rate 0.95, combined 0.8465.
        // The rival: 0.05 lower on every seed (a paired t-test gives p < 1e-30), no failing seed, combined 0.8415.
        // Drawn twice or more in a resample (probability 0.264), the failing seed puts the rival ahead: p is far from 0.05.
        var plan = EvidencePlans.Noisy("A:x=0.1,0.2", "3:20", racing: true);
        var leader = Make(0, s => s % 2 == 0 ? 0.89 : 0.91, s => s == 3);
        var rival = Make(1, s => s % 2 == 0 ? 0.84 : 0.86);
        Assert.Equal([0, 1], Ranking.Rank([rival, leader], plan.RankBy, plan.KFactor).Select(c => c.Index));

        Assert.Empty(TieredStability.Race([leader, rival], plan, tier: 1, block: 2));
    }

    [Fact]
    public void Race_drops_a_rival_below_the_leader_on_every_resample_with_the_smallest_bootstrap_p_times_Holm()
    {
        // Leader 0.9 + s/1000 on seed s; the worse rival 0.34 or 0.36 lower, the equal one has the leader's scores with seeds swapped in pairs. The worse
        // one is below on every resample, even one that draws the leader's failing pseudo-seed four times in 13: p = 1 / 4000, doubled by Holm over the two rivals.
        var plan = EvidencePlans.Noisy("A:x=0.1,0.2", "3:20", racing: true);
        var leader = Make(0, s => 0.9 + s / 1000.0, seeds: 12);
        var worse = Make(1, s => 0.55 + s / 1000.0 + (s % 2 == 0 ? 0.01 : -0.01), seeds: 12);
        var equal = Make(2, s => 0.9 + (s ^ 1) / 1000.0, seeds: 12);   // the leader's scores, pairs of seeds swapped

        var drops = TieredStability.Race([leader, worse, equal], plan, tier: 1, block: 2);

        var (loser, drop) = Assert.Single(drops);
        Assert.Equal(1, loser.Index);
        Assert.Equal((1, 2, 12, 0, "combined"), (drop.Tier, drop.Block, drop.Seeds, drop.Leader, drop.Score));
        Assert.Equal(-0.35, drop.MeanDifference, 12);
        Assert.Equal(2.0 / 4000, drop.AdjustedP, 15);
    }

    [Fact]
    public void Race_keeps_a_rival_whose_lower_pass_rate_rests_on_three_failing_seeds_in_twenty()
    {
        // The shape that dropped a plain winner: at 20 seeds the leader passes every seed, the rival (mean 0.005 higher)
        // fails 3. Resampled as they are, the leader's pass rate of 20 in 20 has no spread, and the rival ranks above
        // only on resamples that draw none of its 3 failing seeds ((17/20)^20, about 4 %): dropped. With a pseudo-seed
        // failing only the leader and one failing only the rival, the leader's pass rate can fall too, and the rival stays.
        var plan = EvidencePlans.Noisy("A:x=0.1,0.2", "3:20", racing: true);
        var leader = Make(0, s => 0.834 + (s % 3 - 1) / 100.0);
        var rival = Make(1, s => 0.839 + (s % 3 - 1) / 100.0, s => s is 4 or 9 or 15);

        Assert.Empty(TieredStability.Race([leader, rival], plan, tier: 2, block: 1));
    }

    [Fact]
    public void Race_by_stability_keeps_a_rival_with_a_higher_mean_and_drops_one_failing_more_seeds()
    {
        // Ranked by stability the leader passes every seed. The first rival has a higher mean but fails seeds 5 and 6 of 20
        // (neither is drawn in 12 % of the resamples, which then rank it first by its higher combined score); the second fails every odd seed, so it ranks below on every resample.
        var plan = EvidencePlans.Noisy("A:x=0.1,0.2", "3:20", racing: true) with { RankBy = Selection.RankBy.Stability };
        var leader = Make(0, s => 0.80 + s / 1000.0);
        var higherMean = Make(1, s => 0.85 + s / 1000.0, s => s is 5 or 6);
        var failing = Make(2, s => 0.85 + s / 1000.0, s => s % 2 == 1);

        var drops = TieredStability.Race([leader, higherMean, failing], plan, tier: 2, block: 1);

        Assert.Equal([2], drops.Select(d => d.Loser.Index));
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
