using BamValidation.Numerics;

namespace BamValidation.Tests.Numerics;

public class HelperAlgorithmTests
{
    [Fact]
    public void IqrFilter_DropsPairsWithAnOutlierOnEitherSide()
    {
        double[] x = [1, 2, 3, 4, 100, 2.5];
        double[] y = [1, 2, 3, 4, 2, -50];
        var keptX = new double[6];
        var keptY = new double[6];

        int kept = IqrFilter.Apply(x, y, keptX, keptY, new double[6]);

        Assert.Equal(4, kept);
        Assert.Equal([1.0, 2, 3, 4], keptX[..4]);
        Assert.Equal([1.0, 2, 3, 4], keptY[..4]);
    }

    [Fact]
    public void IqrFilter_FewerThanFourPairs_KeepsAll()
    {
        var keptX = new double[3];
        var keptY = new double[3];

        int kept = IqrFilter.Apply([1, 2, 1000], [1, 2, 3], keptX, keptY, new double[3]);

        Assert.Equal(3, kept);
    }

    [Fact]
    public void MovingAverage_KeepsTwoRawValuesAtEachEnd()
    {
        var output = new double[7];

        MovingAverage.Centred5([1, 2, 3, 4, 5, 6, 70], output);

        Assert.Equal([1.0, 2, 3, 4, 17.6, 6, 70], output);
    }

    [Fact]
    public void DetrendedCorrelation_RemovesSharedTrend()
    {
        double[] x = Enumerable.Range(0, 40).Select(t => 0.1 * t + Math.Sin(t)).ToArray();
        double[] y = Enumerable.Range(0, 40).Select(t => -2.0 * t + Math.Sin(t)).ToArray();

        double r = DetrendedCorrelation.Compute(x, y, new double[40], new double[40]);

        Assert.Equal(1.0, r, 10);
    }

    [Fact]
    public void DetrendedCorrelation_ShortOrDegenerate_IsZero()
    {
        Assert.Equal(0.0, DetrendedCorrelation.Compute([1, 2, 3], [1, 2, 3], new double[3], new double[3]));
        double[] line = Enumerable.Range(0, 20).Select(t => (double)t).ToArray();
        Assert.Equal(0.0, DetrendedCorrelation.Compute(line, line, new double[20], new double[20]));
    }

    [Theory]
    [InlineData(new double[] { 1, 1, 1, 1 }, 0.0)]
    [InlineData(new double[] { 0, 0, 0, 1 }, 0.75)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 0.25)]
    [InlineData(new double[] { 0, 0 }, 0.0)]
    [InlineData(new double[] { }, 0.0)]
    public void Gini_KnownValues(double[] values, double expected)
    {
        Assert.Equal(expected, Gini.Coefficient(values, new double[values.Length]), 12);
    }

    [Fact]
    public void TentShape_LaplaceQuantiles_FitAlmostPerfectly()
    {
        // Quantiles of a Laplace law: ln(rank) is exactly linear in g on each side.
        var g = new List<double>();
        for (int r = 1; r <= 100; r++)
        {
            g.Add(-0.02 * Math.Log(100.0 / r));
            g.Add(0.02 * Math.Log(100.0 / r) + 1e-9);
        }

        double r2 = TentShape.RSquared(g.ToArray(), new double[g.Count]);

        Assert.True(r2 > 0.999, $"R² = {r2}");
    }

    [Fact]
    public void TentShape_TooFewValuesOrOneSided_IsZero()
    {
        Assert.Equal(0.0, TentShape.RSquared(Enumerable.Range(1, 19).Select(i => i - 10.0).ToArray(), new double[19]));
        Assert.Equal(0.0, TentShape.RSquared(Enumerable.Range(1, 40).Select(i => i - 5.5).ToArray(), new double[40]));
    }

    [Fact]
    public void CcdfFit_ExactDistribution_ScoresNearOne()
    {
        // Exponential quantiles at the empirical plotting positions.
        int n = 200;
        var data = new double[n];
        var cdf = new double[n];
        for (int i = 0; i < n; i++)
        {
            double p = (i + 1.0) / (n + 1.0);
            data[i] = -Math.Log(1 - p);
            cdf[i] = 1 - Math.Exp(-data[i]);
        }

        double r2 = CcdfFit.RSquared(data, cdf);

        Assert.True(r2 > 0.99, $"R² = {r2}");
    }

    [Fact]
    public void CcdfFit_FewerThanTenUsablePoints_IsZero()
    {
        double[] data = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        double[] cdf = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

        Assert.Equal(0.0, CcdfFit.RSquared(data, cdf));
    }
}
