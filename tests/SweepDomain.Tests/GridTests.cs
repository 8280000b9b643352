using SweepDomain.Parameters;
using SweepDomain.Stages;

namespace SweepDomain.Tests;

public class GridTests
{
    [Fact]
    public void Combinations_LastAxisVariesFastest_FixedEntriesFirst()
    {
        var axes = new[] { new GridAxis("a", [1, 2]), new GridAxis("b", ["x", "y", "z"]) };

        var combos = Grid.Combinations(axes, ParamSet.Of(("c", 0)));

        Assert.Equal(
            [
                "{c: 0, a: 1, b: x}", "{c: 0, a: 1, b: y}", "{c: 0, a: 1, b: z}",
                "{c: 0, a: 2, b: x}", "{c: 0, a: 2, b: y}", "{c: 0, a: 2, b: z}",
            ],
            combos.Select(c => c.ToString()));
    }

    [Fact]
    public void Combinations_EmptyGrid_GiveTheFixedSetOnce()
    {
        var combos = Grid.Combinations([], ParamSet.Of(("c", 0)));

        Assert.Equal(["{c: 0}"], combos.Select(c => c.ToString()));
    }

    [Fact]
    public void Combinations_FixedOverlappingTheGrid_IsAnError()
    {
        Assert.Throws<ArgumentException>(() => Grid.Combinations([new GridAxis("a", [1])], ParamSet.Of(("a", 0))));
    }
}
