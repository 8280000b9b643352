using System.Diagnostics;
using BamModel.Recording;

namespace BamModel.Bench;

/// <summary>
/// Runs whole 1000-period simulations in a loop (for a sampling profiler) and prints the median and the fastest
/// run: on a shared machine the fastest run is the best estimate of the undisturbed time.
/// </summary>
internal static class ProfileLoop
{
    public static void Run(string scenario, int runs)
    {
        var series = new RunSeries();
        BamRunner.Run(scenario, [], 0, 1000, series);   // warm-up and JIT
        var times = new double[runs];
        for (int seed = 1; seed <= runs; seed++)
        {
            long start = Stopwatch.GetTimestamp();
            BamRunner.Run(scenario, [], seed, 1000, series);
            times[seed - 1] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        Console.WriteLine($"{scenario}: {runs} runs of 1000 periods: median {times[runs / 2]:F2} ms, fastest {times[0]:F2} ms per run");
    }
}
