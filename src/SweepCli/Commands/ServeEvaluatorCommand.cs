using System.CommandLine;
using System.Net;
using System.Text;
using SweepCli.CommandLine;
using SweepDomain.Evaluation;
using SweepHosting.Evaluation;
using SweepHosting.Evaluation.Protocol;
using EvaluateBatch = SweepHosting.Evaluation.Protocol.EvaluateCommand;

namespace SweepCli.Commands;

/// <summary>
/// <c>sweep serve-evaluator</c>: the built-in model speaking the evaluator protocol (docs/evaluator-protocol.md), on
/// stdin/stdout as one process worker, or over HTTP (<c>GET /describe</c>, <c>POST /evaluate</c>) with <c>--http</c>.
/// It is the protocol's conformance test: a sweep through it gives the built-in path's results.
/// </summary>
internal static class ServeEvaluatorCommand
{
    public static readonly EvaluatorIdentity Identity = new("serve-evaluator", EvaluatorIdentity.BuiltIn.ToString());

    public static Command Create(CliServices services, CliConsole console, CommonOptions common)
    {
        var http = new Option<string?>("--http")
        {
            Description = "Serve the HTTP protocol on this prefix instead of stdin/stdout, e.g. http://127.0.0.1:8077/ [default: stdin/stdout]",
            HelpName = "prefix",
        };
        var workers = new Option<string?>("--workers")
        {
            Description = $"With --http: evaluations of one batch run in parallel [default: all cores, {services.Cores} here]",
            HelpName = "int",
        };
        var command = new Command("serve-evaluator", "Serve the built-in model through the evaluator protocol: JSON Lines on stdin/stdout, or HTTP with --http.") { http, workers };
        command.SetGuardedAction(common, console, async (parse, cli, cancellationToken) =>
        {
            var errors = new SweepDomain.ValidationErrors();
            int workerCount = ArgValues.Workers(parse.GetValue(workers), services.Cores, errors);
            errors.ThrowIfAny();
            var describe = ProtocolTranslation.Describe(Identity.Name, Identity.Version, services.Catalog.Names.Select(n => services.Catalog.Find(n)!));
            return parse.GetValue(http) is { } prefix
                ? await ServeHttpAsync(prefix, describe, new ParallelEvaluator(services.Evaluator, workerCount), cli, cancellationToken)
                : await ServeLinesAsync(System.Console.In, cli.Console.Out, describe, services.Evaluator, cancellationToken);
        });
        return command;
    }

    /// <summary>One worker: answers each message on its own line until the input ends.</summary>
    public static async Task<int> ServeLinesAsync(TextReader input, TextWriter output, DescribeAnswer describe, IScenarioEvaluator evaluator, CancellationToken cancellationToken)
    {
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            var command = System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("type").GetString();
            if (command == "describe")
            {
                await output.WriteLineAsync(ProtocolMessages.Line(describe));
            }
            else if (command == "evaluate")
            {
                foreach (var item in ProtocolMessages.Read<EvaluateBatch>(line)!.Items)
                {
                    await output.WriteLineAsync(ProtocolMessages.Line(Answer(item, evaluator)));
                    await output.FlushAsync(cancellationToken);
                }
            }

            await output.FlushAsync(cancellationToken);
        }

        return ExitCodes.Ok;
    }

    private static ResultLine Answer(EvaluationItem item, IScenarioEvaluator evaluator)
    {
        try
        {
            return ProtocolTranslation.ToLine(item.Id, evaluator.Evaluate(ProtocolTranslation.ToRequest(item)));
        }
        catch (Exception e) when (e is ArgumentException or BamModel.ParameterException)
        {
            return new ResultLine(item.Id, null, null, Error: e.Message);
        }
    }

    /// <summary>The HTTP protocol on <paramref name="prefix"/> until cancelled: each POSTed batch runs on all workers.</summary>
    private static async Task<int> ServeHttpAsync(string prefix, DescribeAnswer describe, ParallelEvaluator evaluator, CliOutput cli, CancellationToken cancellationToken)
    {
        using var listener = new HttpListener();
        listener.Prefixes.Add(prefix.EndsWith('/') ? prefix : prefix + "/");
        listener.Start();
        cli.Console.Error.WriteLine($"Serving the evaluator protocol at {prefix} (GET describe, POST evaluate); Ctrl-C stops.");
        using var stop = cancellationToken.Register(listener.Stop);
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            _ = Task.Run(() => HandleAsync(context, describe, evaluator, cancellationToken), CancellationToken.None);
        }

        return ExitCodes.Ok;
    }

    private static async Task HandleAsync(HttpListenerContext context, DescribeAnswer describe, ParallelEvaluator evaluator, CancellationToken cancellationToken)
    {
        var (request, response) = (context.Request, context.Response);
        string path = request.Url!.AbsolutePath.TrimEnd('/');
        try
        {
            if (request.HttpMethod == "GET" && path.EndsWith("/describe", StringComparison.Ordinal))
            {
                await WriteAsync(response, 200, ProtocolMessages.Line(describe));
            }
            else if (request.HttpMethod == "POST" && path.EndsWith("/evaluate", StringComparison.Ordinal))
            {
                using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
                var batch = ProtocolMessages.Read<EvaluateBatch>(await reader.ReadToEndAsync(cancellationToken));
                if (batch?.Items is null)
                {
                    await WriteAsync(response, 400, """{"error":"the body must be {\"items\": [...]}"}""");
                    return;
                }

                var results = new ResultLine[batch.Items.Count];
                await Task.Run(() => Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = evaluator.Workers, CancellationToken = cancellationToken },
                    i => results[i] = Answer(batch.Items[i], new SingleEvaluator(evaluator))), cancellationToken);
                await WriteAsync(response, 200, ProtocolMessages.Line(new EvaluateAnswer(results)));
            }
            else
            {
                await WriteAsync(response, 404, """{"error":"GET /describe or POST /evaluate"}""");
            }
        }
        catch (System.Text.Json.JsonException e)
        {
            await WriteAsync(response, 400, ProtocolMessages.Line(new { error = e.Message }));
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, string json)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        byte[] body = Encoding.UTF8.GetBytes(json);
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }

    /// <summary>One evaluation through the parallel evaluator's model, on the calling thread.</summary>
    private sealed class SingleEvaluator(ParallelEvaluator parallel) : IScenarioEvaluator
    {
        public EvaluationScore Evaluate(EvaluationRequest request) => parallel.Evaluate([request], CancellationToken.None)[0];
    }
}
