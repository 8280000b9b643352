using System.CommandLine;
using SweepCli.CommandLine;
using SweepCli.Remote;
using SweepDomain;
using SweepDomain.Requests;
using SweepLibrary.Output;

namespace SweepCli.Commands;

/// <summary>
/// <c>submit</c>, <c>status</c>, <c>fetch</c> and <c>cancel</c>: the same sweep sent to a deployed Function App, and
/// its results brought back into the files a local run writes.
/// </summary>
internal static class RemoteCommands
{
    public static Command Submit(CliServices services, CliConsole console, CommonOptions common)
    {
        var remote = new RemoteOptions();
        var sweep = new SweepFlags();
        var requestFile = new Argument<string?>("request")
        {
            Description = "Optional request JSON ({scenario, stages, base, ...}, as the HTTP API takes it); flags given override its fields [default: none]",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var instanceId = new Option<string?>("--instance-id") { Description = "Id for the sweep (letters, digits, '-', '_') [default: chosen by the service]", HelpName = "id" };
        var wait = new Option<bool>("--wait") { Description = "Follow the sweep until it ends, then fetch its results into --output [default: off]" };
        var poll = new Option<string>("--poll-interval") { Description = "Seconds between status queries with --wait", DefaultValueFactory = _ => "10", HelpName = "seconds" };
        var output = OutputOption("Folder the results are fetched into with --wait");

        var command = new Command("submit", "Send a sweep to a deployed Function App (POST /api/sweeps). Validated here first, with the same rules as 'run'.") { requestFile };
        remote.AddTo(command);
        sweep.AddTo(command);
        foreach (Option option in new Option[] { instanceId, wait, poll, output })
        {
            command.Options.Add(option);
        }

        command.SetGuardedAction(common, console, async (parse, cli, cancellationToken) =>
        {
            var errors = new ValidationErrors();
            using var client = remote.CreateClient(parse, services, cli, errors);
            var basis = parse.GetValue(requestFile) is { } file ? ReadRequestFile(file, errors) : new SweepRequest();
            var request = sweep.ReadOverrides(parse, basis ?? new SweepRequest(), errors);
            request = request with { InstanceId = parse.GetValue(instanceId) ?? request.InstanceId };
            double? interval = ArgValues.Double(parse.GetValue(poll), "--poll-interval", errors);
            if (basis is not null)
            {
                // Without the file's content the request is incomplete, and its "faults" (no stages, ...) would mislead.
                // The service applies its own limits.
                SweepRequestValidator.Validate(request, services.Catalog, errors, SweepLimits.Unlimited);
            }

            errors.ThrowIfAny();

            var submitted = new RemoteSubmit(client!, cli, services.Clock) { Waiting = parse.GetValue(wait) };
            string id = await submitted.StartAsync(request, cancellationToken);
            return parse.GetValue(wait)
                ? await submitted.WaitAndFetchAsync(id, TimeSpan.FromSeconds(Math.Max(0.01, interval!.Value)), new OutputFolder(parse.GetValue(output)!), request.Scenario, cancellationToken)
                : ExitCodes.Ok;
        });
        return command;
    }

    public static Command Status(CliServices services, CliConsole console, CommonOptions common)
    {
        var remote = new RemoteOptions();
        var id = IdArgument();
        var command = new Command("status", "Show where a submitted sweep stands (GET /api/sweeps/{id}): progress, finished stages, winner.") { id };
        remote.AddTo(command);
        command.SetGuardedAction(common, console, async (parse, cli, cancellationToken) =>
        {
            using var client = ClientFor(parse, remote, services, cli, id);
            var sweep = await client.GetAsync(parse.GetValue(id)!, cancellationToken);
            if (cli.Json)
            {
                cli.WriteJson(sweep);
            }
            else
            {
                RemoteText.Print(sweep, cli);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Fetch(CliServices services, CliConsole console, CommonOptions common)
    {
        var remote = new RemoteOptions();
        var id = IdArgument();
        var output = OutputOption("Folder to write the results into (the same files a local run writes)");
        var scenario = new Option<string>("--scenario")
        {
            Description = "Prefix of the file names when the service does not name the sweep's scenario (an older service)",
            DefaultValueFactory = _ => SweepRequestValidator.DefaultScenario,
            HelpName = "name",
        };
        var command = new Command("fetch", "Download a sweep's results into the files a local run writes: stage files, final winner, report, summary, charts, page.") { id };
        remote.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(scenario);
        command.SetGuardedAction(common, console, async (parse, cli, cancellationToken) =>
        {
            using var client = ClientFor(parse, remote, services, cli, id);
            var folder = new OutputFolder(parse.GetValue(output)!);
            var result = await new ResultFetcher(client, cli.Warn, services.Clock).FetchAsync(parse.GetValue(id)!, folder, parse.GetValue(scenario)!, cancellationToken);
            RemoteText.Fetched(result, folder, cli);
            if (result.Sweep.IsFinished && !result.Sweep.IsCompleted)
            {
                // It will never complete: the finished stages are all there is, and the exit code says so.
                cli.Console.Error.WriteLine($"error: {RemoteText.Ended(result.Sweep)}");
                return ExitCodes.Failure;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Cancel(CliServices services, CliConsole console, CommonOptions common)
    {
        var remote = new RemoteOptions();
        var id = IdArgument();
        var command = new Command("cancel", "Stop a submitted sweep (POST /api/sweeps/{id}/cancel); its finished stages stay in storage.") { id };
        remote.AddTo(command);
        command.SetGuardedAction(common, console, async (parse, cli, cancellationToken) =>
        {
            using var client = ClientFor(parse, remote, services, cli, id);
            var answer = await client.CancelAsync(parse.GetValue(id)!, cancellationToken);
            if (cli.Json)
            {
                cli.WriteJson(answer);
            }
            else
            {
                cli.Text.WriteLine($"Cancellation requested for sweep '{parse.GetValue(id)}'; its finished stages stay in storage.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Argument<string> IdArgument() => new("id") { Description = "The sweep id that 'submit' printed" };

    private static Option<string> OutputOption(string description) => new("--output", "--output-dir")
    {
        Description = description,
        DefaultValueFactory = _ => "output",
        HelpName = "folder",
    };

    private static SweepApiClient ClientFor(ParseResult parse, RemoteOptions remote, CliServices services, CliOutput cli, Argument<string> id)
    {
        var errors = new ValidationErrors();
        var client = remote.CreateClient(parse, services, cli, errors);
        if (!InstanceIds.IsValid(parse.GetValue(id)!))
        {
            errors.Add("id", $"'{parse.GetValue(id)}' is not a sweep id: use 1 to {InstanceIds.MaxLength} letters, digits, '-' or '_'.");
        }

        errors.ThrowIfAny();
        return client!;
    }

    /// <summary>
    /// The request file's content, or null with the reason under "request file": not found, a folder, not readable,
    /// not valid JSON, or a field the API does not take.
    /// </summary>
    private static SweepRequest? ReadRequestFile(string path, ValidationErrors errors)
    {
        const string field = "request file";
        string text;
        try
        {
            if (Directory.Exists(path))
            {
                errors.Add(field, $"'{path}' is a folder, not a request file.");
                return null;
            }

            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            errors.Add(field, $"'{path}' was not found (looked for {Path.GetFullPath(path)}).");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.Add(field, $"'{path}' cannot be read: {e.Message}");
            return null;
        }

        var fileErrors = new ValidationErrors();
        var request = SweepRequestJson.Parse(text, fileErrors);
        foreach (var (name, messages) in fileErrors.ToDictionary())
        {
            foreach (string message in messages)
            {
                errors.Add(field, name == "body" ? message.Replace("The body", $"'{path}'", StringComparison.Ordinal) : $"'{path}', field {name}: {message}");
            }
        }

        return request;
    }
}
