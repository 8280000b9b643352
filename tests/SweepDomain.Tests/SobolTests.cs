using SweepDomain.Designs;

namespace SweepDomain.Tests;

/// <summary>
/// The Sobol generator against the unscrambled points of SciPy's <c>scipy.stats.qmc.Sobol(d, scramble=False)</c>,
/// which uses Joe and Kuo's <c>new-joe-kuo-6.21201</c> direction numbers (https://web.maths.unsw.edu.au/~fkuo/sobol/)
/// in Gray-code order. The expected numbers are worked out by hand from those direction numbers: point n is the XOR of
/// v_j = m_j / 2^j over the set bits j of n ^ (n >> 1). Dimension 1 has m = 1, 1, 1, 1; dimension 2 (s=1, a=0, m_1=1)
/// has m = 1, 3, 5, 15; dimension 3 (s=2, a=1, m = 1, 3) has m = 1, 3, 3, 9; dimension 4 (s=3, a=1, m = 1, 3, 1) has
/// m = 1, 3, 1, 5; dimension 7 (s=4, a=4, m = 1, 3, 5, 13). SciPy's documentation shows the first 8 points of d = 2
/// and d = 3 as below.
/// </summary>
public class SobolTests
{
    [Fact]
    public void Unscrambled_points_of_dimensions_1_to_4_are_scipys()
    {
        double[][] expected =
        [
            [0, 0, 0, 0],
            [0.5, 0.5, 0.5, 0.5],
            [0.75, 0.25, 0.25, 0.25],
            [0.25, 0.75, 0.75, 0.75],
            [0.375, 0.375, 0.625, 0.875],
            [0.875, 0.875, 0.125, 0.375],
            [0.625, 0.125, 0.875, 0.625],
            [0.125, 0.625, 0.375, 0.125],
            [0.1875, 0.3125, 0.9375, 0.4375],
        ];
        var sobol = Sobol.Unscrambled(4);

        for (int n = 0; n < expected.Length; n++)
        {
            Assert.Equal(expected[n], sobol.Point(n));
        }
    }

    [Fact]
    public void Unscrambled_dimension_7_uses_its_own_initial_direction_numbers()
    {
        var sobol = Sobol.Unscrambled(7);

        Assert.Equal([0, 0.5, 0.25, 0.75, 0.375, 0.4375], new[] { 0, 1, 2, 3, 4, 8 }.Select(n => sobol.Point(n)[6]));
    }

    [Fact]
    public void Scrambled_points_are_the_same_for_the_same_seed_and_differ_for_another()
    {
        var a = Sobol.Scrambled(3, new DesignRandom(DesignRandom.SeedOf("A[sobol 8]:x=0..1", "sobol")));
        var b = Sobol.Scrambled(3, new DesignRandom(DesignRandom.SeedOf("A[sobol 8]:x=0..1", "sobol")));
        var c = Sobol.Scrambled(3, new DesignRandom(DesignRandom.SeedOf("B[sobol 8]:x=0..1", "sobol")));

        Assert.Equal(a.Point(5), b.Point(5));
        Assert.NotEqual(a.Point(5), c.Point(5));
        Assert.NotEqual([0.0, 0.0, 0.0], a.Point(0));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(21)]
    public void Scrambled_first_16_points_put_exactly_one_point_in_each_sixteenth_of_every_axis(int dimensions)
    {
        // A scrambled (0, m, 1) projection keeps the net's balance: 2^4 points, one in each interval [k/16, (k+1)/16).
        var sobol = Sobol.Scrambled(dimensions, new DesignRandom(42));
        var points = Enumerable.Range(0, 16).Select(sobol.Point).ToList();

        for (int d = 0; d < dimensions; d++)
        {
            Assert.Equal(Enumerable.Range(0, 16), points.Select(p => (int)(p[d] * 16)).Order());
        }
    }

    [Fact]
    public void More_dimensions_than_the_embedded_table_are_refused()
    {
        Assert.Equal(37, Sobol.MaxDimensions);
        Assert.Throws<ArgumentOutOfRangeException>(() => Sobol.Unscrambled(38));
    }
}
