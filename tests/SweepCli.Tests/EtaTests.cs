using SweepCli.Progress;
using SweepLibrary.Output;

namespace SweepCli.Tests;

/// <summary>The original's <c>format_eta</c> cases (sweep-semantics §8, §11), as seconds = avg × remaining / workers.</summary>
public sealed class EtaTests
{
    [Theory]
    [InlineData(5 * 6.0 / 1, "30s")]
    [InlineData(10 * 60.0 / 2, "5m 00s")]
    [InlineData(100 * 360.0 / 1, "10h 00m")]
    [InlineData(0, "0s")]
    [InlineData(59.6, "60s")]
    [InlineData(61.9, "1m 01s")]
    public void Format_Seconds_ReadsLikeTheOriginal(double seconds, string expected)
    {
        Assert.Equal(expected, Eta.Format(seconds));
    }

    [Theory]
    [InlineData(4, 100, 10.0, "unknown")]   // fewer than five runs measured
    [InlineData(5, 100, 10.0, "3m 10s")]    // 2 s per run, 95 left
    [InlineData(2, 2, 10.0, "0s")]          // done
    [InlineData(1, 3, 0.0, "unknown")]
    public void Estimate_FromMeasuredRate_WaitsForFiveRuns(int done, int total, double elapsedSeconds, string expected)
    {
        Assert.Equal(expected, Eta.Estimate(done, total, TimeSpan.FromSeconds(elapsedSeconds)));
    }
}
