using System.CommandLine;
using System.CommandLine.Help;
using SweepCli.Commands;
using SweepCli.CommandLine;

namespace SweepCli;

/// <summary>
/// The <c>sweep</c> command line: parses the arguments, runs one command with the injected services and returns its
/// exit code. Bad flags are reported with exit code 2 before anything runs. Tests call this in-process.
/// </summary>
public static class SweepApp
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliServices services, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = Build(services, console);
        var (rewritten, legacyError) = LegacyArgs.Rewrite(args, root.Subcommands.Select(c => c.Name).ToList());
        if (legacyError is not null)
        {
            console.Error.WriteLine($"error: {legacyError}");
            return ExitCodes.BadInput;
        }

        var parse = root.Parse(rewritten);
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            ReportParseErrors(parse, console, args.Contains("--json"));
            return ExitCodes.BadInput;
        }

        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,   // Program handles Ctrl-C and cancels the token
        };
        return await parse.InvokeAsync(configuration, cancellationToken);
    }

    internal static RootCommand Build(CliServices services, CliConsole console)
    {
        var common = new CommonOptions();
        var root = new RootCommand(
            "Structured parameter sweeps of the BAM model. Each stage grids a few parameters, tests the candidates on more and more " +
            "seeds, and carries its winner forward. The original's form 'sweep --phase sweep --scenario ... --stages ...' also works.")
        {
            RunCommand.Create(services, console, common),
            EvaluateCommand.Create(services, console, common),
            ScenariosCommand.Create(services, console, common),
            ServeEvaluatorCommand.Create(services, console, common),
            RemoteCommands.Submit(services, console, common),
            RemoteCommands.Status(services, console, common),
            RemoteCommands.Fetch(services, console, common),
            RemoteCommands.Cancel(services, console, common),
        };
        root.Options.Add(common.Json);
        root.Options.Add(common.Quiet);
        root.Options.Add(common.Verbose);
        return root;
    }

    private static void ReportParseErrors(ParseResult parse, CliConsole console, bool json)
    {
        string command = parse.CommandResult.Command is RootCommand ? "sweep" : $"sweep {parse.CommandResult.Command.Name}";
        foreach (var error in parse.Errors)
        {
            console.Error.WriteLine($"error: {error.Message}");
        }

        console.Error.WriteLine($"Run '{command} --help' to see every option and its default. Nothing was run.");
        if (json)
        {
            var messages = parse.Errors.Select(e => e.Message).ToArray();
            console.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { status = "invalid", errors = new Dictionary<string, string[]> { ["arguments"] = messages } }, CliOutput.JsonOptions));
        }
    }
}
