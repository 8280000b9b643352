using SweepCli;
using SweepTestKit;

namespace SweepDashboard.Tests.Support;

/// <summary>The <c>sweep</c> command line in-process on the test-kit scenarios, as its own tests run it.</summary>
public static class KitCli
{
    public static Task<(int ExitCode, string Out, string Error)> RunAsync(HttpMessageHandler? http, params string[] args) =>
        RunAsync(http, new RecordingEvaluator(), CancellationToken.None, args);

    /// <summary>The command line with <paramref name="evaluator"/> as the model, stopped (as by Ctrl-C) by <paramref name="cancellationToken"/>.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(HttpMessageHandler? http, SweepDomain.Evaluation.IScenarioEvaluator evaluator, CancellationToken cancellationToken, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var services = new CliServices(TestScenarios.Catalog, evaluator, ProcessorCount: 2, HttpHandler: http);
        int code = await SweepApp.RunAsync(args, services, new CliConsole(stdout, stderr, IsTerminal: false), cancellationToken);
        return (code, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>A fresh folder under the temp directory, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("sweep-dashboard-tests-").FullName;

    public string this[string name] => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
