using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SweepCli.Tests;

/// <summary>The real <c>sweep</c> program (the BAM model) as a child process, stopped by a real SIGINT, as Ctrl-C stops it.</summary>
public sealed class SigintTests
{
    private const int Sigint = 2;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    [Fact]
    public async Task Sigint_during_stage_B_exits_130_with_a_summary_of_stage_A_and_resume_then_finishes_the_sweep()
    {
        using var folder = new TempFolder();
        string[] args = ["run", "--scenario", "baseline", "--periods", "200", "--stability-tiers", "8:50", "--workers", "1", "--output", folder.Path,
                         "--stages", "A:beta=1.0,2.5", "B:max_M=1,2,3,4,5,6,7,8"];
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "sweep")) { RedirectStandardOutput = true, RedirectStandardError = true };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var sweep = Process.Start(start)!;
        var stdout = sweep.StandardOutput.ReadToEndAsync();
        var stderr = sweep.StandardError.ReadToEndAsync();
        var deadline = Stopwatch.StartNew();
        while (!File.Exists(folder["baseline_sweep_stage_A.json"]) && !sweep.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(50);
        }

        Assert.Equal(0, kill(sweep.Id, Sigint));
        await sweep.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);

        string error = await stderr;
        Assert.True(sweep.ExitCode == 130, $"exit {sweep.ExitCode}\n{await stdout}\n{error}");
        Assert.Contains($"To finish it: sweep {string.Join(' ', args)} --resume", error);
        Assert.Contains("Interrupted after stage 1 of 2", File.ReadAllText(folder["baseline_sweep_summary.md"]));
        Assert.False(File.Exists(folder["baseline_sweep.json"]));

        start.ArgumentList.Add("--resume");
        using var resumed = Process.Start(start)!;
        var resumedOut = resumed.StandardOutput.ReadToEndAsync();
        string resumedError = await resumed.StandardError.ReadToEndAsync();
        await resumed.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        Assert.True(resumed.ExitCode == 0, $"exit {resumed.ExitCode}\n{await resumedOut}\n{resumedError}");
        Assert.Contains("Stage 'A' (1/2) finished in an earlier run; not run again.", await resumedOut);
        Assert.True(File.Exists(folder["baseline_sweep.json"]));
        Assert.DoesNotContain("Interrupted", File.ReadAllText(folder["baseline_sweep_summary.md"]));
    }
}
