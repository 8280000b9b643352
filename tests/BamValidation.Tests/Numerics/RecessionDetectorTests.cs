using BamValidation.Numerics;

namespace BamValidation.Tests.Numerics;

public class RecessionDetectorTests
{
    /// <summary>Log GDP growing 0.002 per period, with V-shaped dips (start, bottom, end, depth).</summary>
    private static double[] Economy(int t, params (int Start, int Bottom, int End, double Depth)[] dips)
    {
        var logGdp = new double[t];
        for (int p = 0; p < t; p++)
        {
            double dip = 0.0;
            foreach (var (start, bottom, end, depth) in dips)
            {
                if (p >= start && p <= bottom)
                {
                    dip = -depth * (p - start) / (bottom - start);
                }
                else if (p > bottom && p <= end)
                {
                    dip = -depth * (end - p) / (end - bottom);
                }
            }

            logGdp[p] = 5.0 + 0.002 * p + dip;
        }

        return logGdp;
    }

    private static bool[] Flag(double[] logGdp)
    {
        var flags = new bool[logGdp.Length];
        RecessionDetector.Flag(logGdp, flags, new double[logGdp.Length], new int[logGdp.Length], new int[logGdp.Length], new int[logGdp.Length]);
        return flags;
    }

    [Fact]
    public void Flag_OneDip_FlagsFromPeakToTroughPlusTen()
    {
        // Smoothed, the peak is at 199 and the trough at 220: flags 199 .. 220 + 10 − 1.
        var flags = Flag(Economy(400, (200, 220, 260, 0.12)));

        Assert.True(flags[199] && flags[229]);
        Assert.False(flags[198] || flags[230]);
        Assert.Equal((1, 31.0), RecessionDetector.Episodes(flags, 0));
    }

    [Fact]
    public void Episodes_CountOnlyFromTheBurnIn_AndCutRunsCrossingIt()
    {
        var flags = Flag(Economy(400, (200, 220, 260, 0.12)));

        Assert.Equal((1, 10.0), RecessionDetector.Episodes(flags, 220));
        Assert.Equal((0, 0.0), RecessionDetector.Episodes(flags, 300));
    }

    [Fact]
    public void Flag_ShortSeries_FlagsNothing()
    {
        Assert.All(Flag([1, 2, 3, 2, 1, 2, 3, 2, 1]), f => Assert.False(f));
    }

    [Fact]
    public void Flag_GapsShorterThanTen_AreBridged()
    {
        var flags = Flag(Economy(400, (100, 110, 120, 0.06), (125, 135, 160, 0.1)));

        Assert.Equal(1, RecessionDetector.Episodes(flags, 0).Count);
    }

    [Fact]
    public void Flag_DistantDips_AreSeparateEpisodes()
    {
        var flags = Flag(Economy(500, (100, 110, 120, 0.06), (300, 320, 360, 0.12)));

        Assert.Equal(2, RecessionDetector.Episodes(flags, 0).Count);
    }
}
