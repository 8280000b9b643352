using BamModel.Recording;

namespace BamModel.Tests;

public class AllocationTests
{
    [Theory]
    [InlineData("baseline")]
    [InlineData("growth_plus")]
    [InlineData("buffer_stock")]
    public void Step_AfterWarmUp_AllocatesNothing(string scenario)
    {
        var sim = new Simulation(BamScenarios.CreateConfig(scenario, [], 0));
        for (int t = 0; t < 50; t++)
        {
            sim.Step();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int t = 0; t < 100; t++)
        {
            sim.Step();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Step_WithRecording_AllocatesNothing()
    {
        var sim = new Simulation(BamScenarios.CreateConfig("buffer_stock", [], 0));
        var series = new RunSeries();
        series.Reset(200, 100, 500, 0.02);
        series.ReserveLoans(200 * 100);
        sim.Recorder = new SeriesRecorder(sim, series);
        for (int t = 0; t < 50; t++)
        {
            sim.Step();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int t = 0; t < 100; t++)
        {
            sim.Step();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }
}
