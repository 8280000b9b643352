using BamValidation.Numerics;

namespace BamValidation.Tests.Numerics;

public class PeakFinderTests
{
    private static int[] Find(double[] x, int distance = 1, double prominence = 0.0, bool negate = false)
    {
        var peaks = new int[x.Length / 2 + 1];
        int n = PeakFinder.Find(x, distance, prominence, negate, peaks, new int[x.Length / 2 + 1]);
        return peaks[..n];
    }

    [Fact]
    public void LocalMaxima_StrictNeighbours()
    {
        Assert.Equal([1, 3], Find([0, 2, 1, 3, 0]));
    }

    [Fact]
    public void LocalMaxima_PlateauCountsOnceAtItsMiddleRoundingDown()
    {
        Assert.Equal([2], Find([0, 1, 1, 1, 0]));
        Assert.Equal([1], Find([0, 1, 1, 0]));
    }

    [Fact]
    public void LocalMaxima_EdgesAndPlateauRunningToTheEnd_AreNotPeaks()
    {
        Assert.Empty(Find([5, 1, 2, 2]));
        Assert.Empty(Find([3, 2, 1]));
    }

    [Fact]
    public void DistanceFilter_KeepsTheHigherOfTwoClosePeaks()
    {
        var x = new double[50];
        x[5] = 1.0;
        x[15] = 2.0;
        x[30] = 0.5;
        x[38] = 0.5;

        Assert.Equal([15, 38], Find(x, distance: 20));
    }

    [Fact]
    public void DistanceFilter_RemovedPeaksDoNotShadowOthers()
    {
        // 20 (highest) removes 5 and 38; 45 is 25 away from 20, and 38 no longer shadows it.
        var x = new double[60];
        x[5] = 1.0;
        x[20] = 3.0;
        x[38] = 2.0;
        x[45] = 1.5;

        Assert.Equal([20, 45], Find(x, distance: 20));
    }

    [Fact]
    public void Prominence_UsesTheHigherOfTheTwoBaseMinima()
    {
        // Peak at 2 (height 1.0): left min 0.0, right min before the higher peak 0.8 → prominence 0.2.
        double[] x = [0.0, 0.5, 1.0, 0.8, 2.0, 0.0];

        Assert.Equal([4], Find(x, prominence: 0.3));
        Assert.Equal([2, 4], Find(x, prominence: 0.19));
    }

    [Fact]
    public void Negate_FindsTroughs()
    {
        Assert.Equal([2], Find([3, 2, 1, 2, 3], negate: true));
    }
}
