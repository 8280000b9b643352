using System.Diagnostics;

namespace SweepLibrary.Tests;

/// <summary>The repository's folders, and child processes run with their output captured.</summary>
internal static class Repo
{
    public static readonly string Root = FindRoot();

    public static string PythonClient => Path.Combine(Root, "clients", "python");

    /// <summary>Debian's python3 (what CI installs), else the first python3 on the PATH.</summary>
    public static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>The sweep command as this test build has it: <c>dotnet sweep.dll</c> beside the tests.</summary>
    public static string SweepCommand => $"dotnet {Path.Combine(AppContext.BaseDirectory, "sweep.dll")}";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SweepFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SweepFunctions.sln not found above " + AppContext.BaseDirectory);
    }

    public sealed record Finished(int ExitCode, string Out, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
    }

    /// <summary>Runs <paramref name="file"/> with <paramref name="args"/> in <paramref name="folder"/>, at most ten minutes.</summary>
    public static async Task<Finished> RunAsync(string file, IEnumerable<string> args, string folder, IDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new Finished(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>One Python unittest module of the client, with the client on the path.</summary>
    public static Task<Finished> PythonTestsAsync(string module, IDictionary<string, string?> environment)
    {
        var env = new Dictionary<string, string?>(environment) { ["PYTHONPATH"] = PythonClient, ["PYTHONDONTWRITEBYTECODE"] = "1" };
        return RunAsync(Python, ["-m", "unittest", "-v", module], Path.Combine(PythonClient, "tests"), env);
    }
}
