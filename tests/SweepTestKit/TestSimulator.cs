namespace SweepTestKit;

/// <summary>
/// Where the test simulator is: <c>tests/simulator/sim.py</c>, a small Python model (standard library only) that
/// speaks the evaluator protocol and misbehaves on command. Tests run it with Debian's python3.
/// </summary>
public static class TestSimulator
{
    public static string Script => Path.Combine(RepositoryRoot(), "tests", "simulator", "sim.py");

    /// <summary>The command line that starts one worker, as <c>--evaluator</c> takes it.</summary>
    public static string Command(params string[] flags) => string.Join(' ', new[] { "python3", $"'{Script}'" }.Concat(flags));

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SweepFunctions.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (SweepFunctions.sln) above " + AppContext.BaseDirectory);
    }
}
