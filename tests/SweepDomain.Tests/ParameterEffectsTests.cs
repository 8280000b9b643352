using SweepDomain.Parameters;
using SweepDomain.Stages;
using SweepDomain.Sweep;

namespace SweepDomain.Tests;

/// <summary>The importance ranking, main effects and heatmap, pinned on cases whose answer is known.</summary>
public class ParameterEffectsTests
{
    private static CandidateReport Report(int index, ParamSet p, double score) =>
        new(index, p, false, score, 0, 0, 0, [score], [0], score, 0, 1, score, 0, null);

    /// <summary>score = 3a + b on the full 3 x 3 grid a, b in {-1, 0, 1}: the variance is 9·var(a) + var(b), so a explains 0.9 and b 0.1.</summary>
    private static (StageSpec Stage, List<CandidateReport> Candidates) Additive()
    {
        var stage = new StageSpec("A", [new GridAxis("b", [-1, 0, 1]), new GridAxis("a", [-1, 0, 1])], "A:b=-1,0,1 a=-1,0,1");
        var candidates = new List<CandidateReport>();
        foreach (int b in new[] { -1, 0, 1 })
        {
            foreach (int a in new[] { -1, 0, 1 })
            {
                candidates.Add(Report(candidates.Count, ParamSet.Of(("b", b), ("a", a)), 3 * a + b));
            }
        }

        candidates.Add(Report(9, ParamSet.Of(("b", 5), ("a", 5)), 100));   // the incumbent, added after the grid: left out
        return (stage, candidates);
    }

    [Fact]
    public void An_additive_score_on_a_full_grid_gives_each_parameter_its_exact_variance_share_most_important_first()
    {
        var (stage, candidates) = Additive();

        var effects = ParameterEffects.Of(stage, candidates)!;

        Assert.Equal(9, effects.Candidates);
        Assert.Equal(["a", "b"], effects.Importance.Select(i => i.Name));
        Assert.Equal(0.9, effects.Importance[0].Share, 12);
        Assert.Equal(0.1, effects.Importance[1].Share, 12);
        Assert.Equal(0.25, effects.Importance[0].NoiseFloor, 12);   // (3 groups - 1) / (9 candidates - 1)
        Assert.Contains("an estimate", effects.Method);
    }

    [Fact]
    public void The_main_effect_of_each_value_is_its_mean_with_a_95_percent_t_interval()
    {
        var (stage, candidates) = Additive();

        var a = ParameterEffects.Of(stage, candidates)!.MainEffects.Single(e => e.Name == "a");

        Assert.Equal(["-1", "0", "1"], a.Levels.Select(l => l.Value));
        Assert.Equal([-3.0, 0.0, 3.0], a.Levels.Select(l => l.Mean!.Value));
        // scores -4, -3, -2: sd 1, se 1/sqrt(3), t(0.975, 2) = 4.302653: -3 -/+ 2.484138
        Assert.Equal(-5.484138, a.Levels[0].CiLow!.Value, 5);
        Assert.Equal(-0.515862, a.Levels[0].CiHigh!.Value, 5);
        Assert.All(a.Levels, l => Assert.Equal(3, l.Count));
    }

    [Fact]
    public void The_heatmap_crosses_the_two_most_important_parameters()
    {
        var (stage, candidates) = Additive();

        var map = ParameterEffects.Of(stage, candidates)!.Heatmap!;

        Assert.Equal(("a", "b"), (map.X, map.Y));
        Assert.Equal([-4.0, -1.0, 2.0], map.Means[0].Select(m => m!.Value));   // b = -1 across a = -1, 0, 1
        Assert.Equal([-2.0, 1.0, 4.0], map.Means[2].Select(m => m!.Value));    // b = 1
    }

    [Fact]
    public void A_range_is_binned_on_its_unit_scale_and_a_parameter_without_effect_scores_near_its_noise_floor()
    {
        var stage = new StageSpec("R", [], "R[sobol 64]:x=0..1 n=1..4", new StageDesign(64, 0,
            [new RangeAxis("x", 0, 1, RangeScale.Linear, false), new RangeAxis("n", 1, 4, RangeScale.Linear, true)]));
        // 64 points: x = (i + 0.5) / 64 drives the score; n cycles 1..4 and does nothing.
        var candidates = Enumerable.Range(0, 64)
            .Select(i => Report(i, ParamSet.Of(("x", (i + 0.5) / 64), ("n", 1 + i % 4)), (i + 0.5) / 64))
            .ToList();

        var effects = ParameterEffects.Of(stage, candidates)!;

        var x = effects.Importance.Single(i => i.Name == "x");
        var n = effects.Importance.Single(i => i.Name == "n");
        Assert.Equal(8, x.Groups);
        Assert.Equal(4, n.Groups);
        Assert.True(x.Share > 0.98, $"x explains {x.Share}");   // 8 bins of a linear trend: 1 - 1/64 = 0.984
        Assert.True(n.Share < 0.01, $"n explains {n.Share}");
        Assert.Equal(["0..0.125", "0.125..0.25"], effects.MainEffects.Single(e => e.Name == "x").Levels.Take(2).Select(l => l.Value));
        Assert.Equal(["1", "2", "3", "4"], effects.MainEffects.Single(e => e.Name == "n").Levels.Select(l => l.Value));
    }
}
