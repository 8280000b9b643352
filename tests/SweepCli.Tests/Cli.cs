using SweepDomain.Evaluation;
using SweepTestKit;

namespace SweepCli.Tests;

/// <summary>What one in-process run of the CLI returned and printed.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>
/// Runs the <c>sweep</c> command line in-process through <see cref="SweepApp"/> with the test kit's catalog and an
/// evaluator of the test's choosing, capturing standard output and error. Output is never a terminal here, so
/// progress comes as plain lines.
/// </summary>
public sealed class Cli
{
    public IScenarioEvaluator Evaluator { get; init; } = new RecordingEvaluator();

    public IMetricEvaluator? Metrics { get; init; }

    /// <summary>The scenarios; the test kit's unless a test needs the real model's.</summary>
    public IScenarioCatalog Catalog { get; init; } = TestScenarios.Catalog;

    public Dictionary<string, string> Environment { get; } = [];

    public CancellationToken CancellationToken { get; init; }

    /// <summary>Where the remote commands' HTTP requests go: a <see cref="FakeApi"/>, or the network when null.</summary>
    public HttpMessageHandler? Http { get; init; }

    /// <summary>Times the waits between retries; by default they take no time.</summary>
    public InstantClock Clock { get; init; } = new();

    /// <summary>The time the run reads instead of <see cref="Clock"/>, when set (a <see cref="FrozenClock"/> makes timings 0).</summary>
    public TimeProvider? Time { get; init; }

    public static Task<CliResult> RunAsync(params string[] args) => new Cli().Run(args);

    public async Task<CliResult> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var services = new CliServices(Catalog, Evaluator, Metrics, name => Environment.GetValueOrDefault(name), ProcessorCount: 2, HttpHandler: Http, Time: Time ?? Clock);
        int code = await SweepApp.RunAsync(args, services, new CliConsole(stdout, stderr, IsTerminal: false), CancellationToken);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>A clock that never moves: every measured time is 0 and every page says it was written at the same instant.</summary>
public sealed class FrozenClock : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public override long GetTimestamp() => 0;
}

/// <summary>A fresh folder under the temp directory, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sweepcli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string this[string name] => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        File.WriteAllText(this[name], text);
        return this[name];
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a leftover temp folder does no harm
        }
    }
}
