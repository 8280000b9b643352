using System.CommandLine;
using SweepCli.CommandLine;
using SweepCli.Running;
using SweepDomain;
using SweepDomain.Parameters;
using SweepDomain.Requests;
using SweepHosting.Evaluation.Protocol;

namespace SweepCli.Commands;

/// <summary><c>sweep evaluate</c>: one configuration on many seeds, with its mean, std, pass rate and combined score.</summary>
internal static class EvaluateCommand
{
    public const string DefaultSeeds = "0-19";

    public static Command Create(CliServices services, CliConsole console, CommonOptions common)
    {
        var scenario = new Option<string>("--scenario") { Description = "Scenario to evaluate", DefaultValueFactory = _ => SweepRequestValidator.DefaultScenario, HelpName = "name" };
        var seeds = new Option<string>("--seeds") { Description = "Seeds: ranges and commas, e.g. 0-4,7", DefaultValueFactory = _ => DefaultSeeds, HelpName = "list" };
        var periods = new Option<string>("--periods") { Description = "Simulation periods", DefaultValueFactory = _ => "1000", HelpName = "int" };
        var set = new Option<string[]>("--set")
        {
            Description = "A parameter value, name=value (repeat the flag, or list several after it); 2 is an integer, 2.0 a float [default: none]",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "name=value",
        };
        var baseFile = new Option<string?>("--base") { Description = "Start from this config (stability JSON or YAML); --set overrides it [default: the model's defaults]", HelpName = "file" };
        var workers = new Option<string?>("--workers") { Description = $"Seeds run in parallel [default: all cores, {services.Cores} here]", HelpName = "int" };
        var metrics = new Option<bool>("--metrics")
        {
            Description = "Add the per-metric table: the built-in model's status, actual, target, score and weight; with --evaluator, the mean, sd and n of each metric the model returns [default: off]",
        };
        var model = new EvaluatorFlags();

        var command = new Command("evaluate", "Evaluate one configuration on many seeds: each seed's total score and pass/warn/fail, then mean, sample std, pass rate and combined score (of the built-in model, or of --evaluator's).")
        {
            scenario, seeds, periods, set, baseFile, workers, metrics,
        };
        model.AddTo(command);
        command.SetGuardedAction(common, console, (parse, cli, cancellationToken) =>
        {
            var errors = new ValidationErrors();
            int workerCount = ArgValues.Workers(parse.GetValue(workers), services.Cores, errors);
            return model.WithModelAsync(parse, workerCount, errors, process => Evaluate(parse, cli, process, workerCount, cancellationToken), cancellationToken);
        });
        return command;

        Task<int> Evaluate(ParseResult parse, CliOutput cli, ProcessEvaluator? process, int workerCount, CancellationToken cancellationToken)
        {
            var errors = new ValidationErrors();
            var catalog = process?.Catalog ?? services.Catalog;
            string name = parse.GetValue(scenario)!.Trim();
            var schema = catalog.Find(name);
            if (schema is null)
            {
                errors.Add("--scenario", $"Unknown scenario '{name}'. Known scenarios: {string.Join(", ", catalog.Names)}.");
            }

            var seedList = SeedList.Parse(parse.GetValue(seeds)!, errors);
            int? periodCount = ArgValues.Int(parse.GetValue(periods), "--periods", errors);
            if (periodCount is < 1)
            {
                errors.Add("--periods", $"Must be a whole number of at least 1; got {periodCount}.");
            }

            var config = schema is null ? ParamSet.Empty : ReadConfig(parse.GetValue(baseFile), parse.GetValue(set) ?? [], schema, errors);
            errors.ThrowIfAny();

            var evaluation = new SeedEvaluation(name, config, seedList!, periodCount!.Value, workerCount, parse.GetValue(metrics), process);
            return new SeedEvaluationRun(services, cli, evaluation).RunAsync(cancellationToken);
        }
    }

    private static ParamSet ReadConfig(string? basePath, IReadOnlyList<string> assignments, ScenarioSchema schema, ValidationErrors errors)
    {
        var config = basePath is null ? ParamSet.Empty : SweepFlags.LoadBase(basePath, errors) ?? ParamSet.Empty;
        ParamArgs.CheckAll(config, schema, errors, "--base");
        return config.WithAll(ParamArgs.Parse(assignments, schema, errors));
    }
}
