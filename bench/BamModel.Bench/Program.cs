using BamModel.Bench;
using BenchmarkDotNet.Running;

// `-- --filter '*'` runs the BenchmarkDotNet suite; `-- profile [scenario] [runs]` runs the model in a plain loop
// (for a sampling profiler) and prints the time per run.
if (args.Length > 0 && args[0] == "profile")
{
    ProfileLoop.Run(args.Length > 1 ? args[1] : "baseline", args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return;
}

if (args.Length > 0 && args[0] == "micro")
{
    MicroLoop.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(SimulationBenchmarks).Assembly).Run(args);
