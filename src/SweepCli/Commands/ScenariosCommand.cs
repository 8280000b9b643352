using System.CommandLine;
using Spectre.Console;
using SweepCli.CommandLine;
using SweepCli.Output;
using SweepDomain;
using SweepDomain.Parameters;

namespace SweepCli.Commands;

/// <summary><c>sweep scenarios</c>: the scenarios and every parameter a stage may sweep.</summary>
internal static class ScenariosCommand
{
    public static Command Create(CliServices services, CliConsole console, CommonOptions common)
    {
        var name = new Argument<string?>("scenario")
        {
            Description = "Show only this scenario [default: all]",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var model = new EvaluatorFlags();
        var command = new Command("scenarios", "List the scenarios and each parameter: name, type, default, valid range, description (of the built-in model, or of --evaluator's).") { name };
        model.AddTo(command, all: false);
        command.SetGuardedAction(common, console, (parse, cli, cancellationToken) =>
            model.WithModelAsync(parse, workers: 1, new ValidationErrors(), process =>
            {
                if (process is null)
                {
                    return Task.FromResult(Show(services.Catalog, parse, cli, BuiltInHint));
                }

                cli.Console.Out.WriteLine($"Evaluator {process.Identity} ({process.Command})");
                return Task.FromResult(Show(process.Catalog, parse, cli, schemas => Hint(schemas[0], parse.GetValue(model.Evaluator)!)));
            }, cancellationToken));
        return command;

        int Show(SweepDomain.Evaluation.IScenarioCatalog catalog, ParseResult parse, CliOutput cli, Func<IReadOnlyList<ScenarioSchema>, string> hint)
        {
            var schemas = Select(catalog, parse.GetValue(name));
            if (cli.Json)
            {
                cli.WriteJson(schemas.Select(s => new
                {
                    scenario = s.Scenario,
                    parameters = s.Parameters.Select(p => new
                    {
                        name = p.Name,
                        type = p.Type.ToString().ToLowerInvariant(),
                        @default = p.Default,
                        min = p.Min,
                        max = p.Max,
                        choices = p.Choices,
                        range = p.RangeText,
                        description = p.Description,
                    }),
                }));
                return ExitCodes.Ok;
            }

            var ansi = cli.Console.Spectre(cli.Console.Out);
            foreach (var schema in schemas)
            {
                ansi.Write(Table(schema, cli.Console.IsTerminal));
                ansi.WriteLine();
            }

            cli.Console.Out.WriteLine(hint(schemas));
            return ExitCodes.Ok;
        }
    }

    /// <summary>The built-in model's hint: a stage of its behavioural parameters.</summary>
    private static string BuiltInHint(IReadOnlyList<ScenarioSchema> schemas) =>
        "Use the names in stages, e.g. --stages \"behavioral:beta=0.5,1.0,2.5 max_M=2,4\". Integers stay integers: write max_M=2, not 2.0.";

    /// <summary>
    /// A described model's hint: the whole <c>sweep run</c> command with its evaluator, the first scenario shown and a
    /// stage of that scenario's own parameters (<see cref="StageExample"/>).
    /// </summary>
    private static string Hint(ScenarioSchema schema, string evaluator)
    {
        string quoted = evaluator.Contains('"') ? $"'{evaluator}'" : $"\"{evaluator}\"";
        string example = StageExample.Stage(schema) is { } stage
            ? $"Use the names in stages, e.g. sweep run --evaluator {quoted} --scenario {schema.Scenario} --stages \"{stage}\"."
            : $"Scenario '{schema.Scenario}' describes no parameter a stage could sweep.";
        return StageExample.IntegerNote(schema) is { } note ? $"{example} {note}" : example;
    }

    private static IReadOnlyList<ScenarioSchema> Select(SweepDomain.Evaluation.IScenarioCatalog catalog, string? name)
    {
        if (name is null)
        {
            return catalog.Names.Select(n => catalog.Find(n)!).ToList();
        }

        var errors = new ValidationErrors();
        var schema = catalog.Find(name);
        if (schema is null)
        {
            errors.Add("scenario", $"Unknown scenario '{name}'. Known scenarios: {string.Join(", ", catalog.Names)}.");
        }

        errors.ThrowIfAny();
        return [schema!];
    }

    private static Table Table(ScenarioSchema schema, bool terminal)
    {
        var table = new Table { Border = terminal ? TableBorder.Rounded : TableBorder.Ascii2, Title = new TableTitle($"Scenario {schema.Scenario}: {schema.Parameters.Count} parameters") };
        table.AddColumns("Parameter", "Type", "Default", "Valid range", "Description");
        foreach (var p in schema.Parameters)
        {
            table.AddRow(Markup.Escape(p.Name), p.Type.ToString().ToLowerInvariant(), Markup.Escape(p.Default.ToString()), Markup.Escape(p.RangeText), Markup.Escape(p.Description));
        }

        return table;
    }
}
