using System.CommandLine;
using SweepCli.CommandLine;
using SweepCli.Progress;
using SweepCli.Running;
using SweepDomain;
using SweepDomain.Requests;
using SweepDomain.Results;
using SweepDomain.Selection;
using SweepDomain.Sweep;
using SweepLibrary.Output;

namespace SweepCli.Commands;

/// <summary><c>sweep run</c>: the original's <c>--phase sweep</c>, run on this machine.</summary>
internal static class RunCommand
{
    public static Command Create(CliServices services, CliConsole console, CommonOptions common)
    {
        var sweep = new SweepFlags();
        var model = new EvaluatorFlags();
        var workers = new Option<string?>("--workers")
        {
            Description = $"Evaluations run in parallel [default: all cores, {services.Cores} here]",
            HelpName = "int",
        };
        var output = new Option<string>("--output", "--output-dir")
        {
            Description = "Folder for the result files (created if missing); each stage's files are written as the stage ends",
            DefaultValueFactory = _ => "output",
            HelpName = "folder",
        };
        var resume = new Option<bool>("--resume")
        {
            Description = "Reuse the finished stages the output folder holds of this same sweep (same settings, model and engine) and run the rest; " +
                          "the results are those of an uninterrupted run. Refused when the folder holds another sweep; runs from the first stage when it holds none [default: off]",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and show the plan and its evaluation budget; run nothing [default: off]" };
        var limits = new Option<string[]>("--limit")
        {
            Description = $"Raise (or lower) a sweep limit, NAME=VALUE, repeatable [default: {LimitFlags.Defaults}]",
            HelpName = "name=value",
        };

        var command = new Command("run", "Run a structured parameter sweep on this machine (the original's --phase sweep).");
        sweep.AddTo(command);
        model.AddTo(command);
        command.Options.Add(workers);
        command.Options.Add(output);
        command.Options.Add(resume);
        command.Options.Add(dryRun);
        command.Options.Add(limits);
        command.SetGuardedAction(common, console, (parse, cli, cancellationToken) =>
        {
            var errors = new ValidationErrors();
            int workerCount = ArgValues.Workers(parse.GetValue(workers), services.Cores, errors);
            return model.WithModelAsync(parse, workerCount, errors, process => Run(parse, cli, process, cancellationToken), cancellationToken);
        });

        Task<int> Run(ParseResult parse, CliOutput cli, SweepHosting.Evaluation.Protocol.ProcessEvaluator? process, CancellationToken cancellationToken)
        {
            var errors = new ValidationErrors();
            var request = sweep.ReadRequest(parse, errors);
            var catalog = process?.Catalog ?? services.Catalog;
            var plan = SweepRequestValidator.Validate(request, catalog, errors, LimitFlags.Read(parse.GetValue(limits) ?? [], errors));
            int workerCount = ArgValues.Workers(parse.GetValue(workers), services.Cores, errors);
            var folder = new OutputFolder(parse.GetValue(output)!);
            if (folder.Problem() is { } problem)
            {
                errors.Add("--output", problem);
            }

            errors.ThrowIfAny();
            foreach (string warning in SweepWarnings.Of(plan!))
            {
                cli.Warn(warning);
            }

            if (request.BasePath is { } basePath && SweepWarnings.ForeignBase(basePath, BaseConfig.ScenarioOf(basePath, File.ReadAllText(basePath)), plan!.Scenario) is { } foreign)
            {
                cli.Warn(foreign);
            }

            var settings = new RunSettings(plan!, request.BasePath, workerCount, folder, process, parse.GetValue(resume), ResumeCommand(parse));
            return parse.GetValue(dryRun)
                ? Task.FromResult(DryRun.Show(settings, cli))
                : new SweepRun(services, cli, settings).RunAsync(cancellationToken);
        }

        return command;
    }

    /// <summary>This command line as typed, with <c>--resume</c> added when it is not there: what finishes an interrupted run.</summary>
    private static string ResumeCommand(ParseResult parse)
    {
        var words = parse.Tokens.Select(t => t.Value).ToList();
        if (!words.Contains("--resume"))
        {
            words.Add("--resume");
        }

        return "sweep " + string.Join(' ', words.Select(Quote));
    }

    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_.,:=/+@%".Contains(c)) ? word : $"'{word.Replace("'", "'\\''")}'";
}

/// <summary>A validated <c>sweep run</c>: the plan and where and how to run it.</summary>
/// <see cref="Model"/> is the user's model behind the evaluator protocol, null for the built-in one.
/// <see cref="Resume"/> reuses the folder's finished stages of the same request; <see cref="ResumeCommand"/> is this
/// command line with <c>--resume</c>, which an interrupted run prints to finish it.
internal sealed record RunSettings(
    SweepPlan Plan, string? BasePath, int Workers, OutputFolder Folder, SweepHosting.Evaluation.Protocol.ProcessEvaluator? Model = null, bool Resume = false, string ResumeCommand = "sweep run --resume");

/// <summary><c>sweep run --dry-run</c>: what would run, and at most how many evaluations.</summary>
internal static class DryRun
{

    public static int Show(RunSettings s, CliOutput cli)
    {
        var plan = s.Plan;
        long planned = SweepCost.Sweep(plan);
        if (cli.Json)
        {
            cli.WriteJson(new
            {
                status = "planned",
                scenario = plan.Scenario,
                crossScenario = plan.CrossScenario,
                @base = plan.Base,
                basePath = s.BasePath,
                stages = plan.Stages.Select((st, i) => new
                {
                    label = st.Label, definition = st.Source, parameters = st.ParameterNames, combinations = st.CombinationCount,
                    design = st.DesignText,
                    evaluationsPlanned = SweepCost.Stage(plan, i),
                }),
                periods = plan.Periods,
                stabilityTiers = StabilityTier.Format(plan.Tiers),
                rankBy = plan.RankBy.ToText(),
                kFactor = plan.KFactor,
                carryForward = plan.CarryForward.ToText(),
                alpha = plan.Alpha,
                racing = plan.Racing,
                raceBlock = plan.Racing ? plan.RaceBlock : (int?)null,
                workers = s.Workers,
                outputDirectory = s.Folder.FullPath,
                evaluationsPlanned = planned,
                evaluationsPlannedPlainTiers = planned,
                evaluationsPlannedRacing = planned,
            });
            return ExitCodes.Ok;
        }

        var w = cli.Text;
        w.WriteLine($"[sweep] {plan.Stages.Count} stages, scenario={plan.Scenario} (dry run: nothing is evaluated or written)");
        for (int i = 0; i < plan.Stages.Count; i++)
        {
            var stage = plan.Stages[i];
            w.WriteLine($"  Stage '{stage.Label}': [{string.Join(", ", stage.ParameterNames)}] ({stage.CombinationCount} combos; at most {SweepLimits.Figure(SweepCost.Stage(plan, i))} evaluations)");
            if (stage.Design is not null)
            {
                w.WriteLine($"    design: {stage.DesignText}; at most {SweepLimits.Figure(stage.CombinationCount)} candidates plus the incumbent");
            }
        }

        w.WriteLine($"  base={plan.Base} periods={plan.Periods} tiers={StabilityTier.Format(plan.Tiers)} rank-by={plan.RankBy.ToText()} " +
                    $"k={plan.KFactor} cross-scenario={plan.CrossScenario ?? "none"} carry-forward={plan.CarryForward.ToText()} alpha={plan.Alpha} " +
                    $"racing={(plan.Racing ? $"on, blocks of {plan.RaceBlock} seeds" : "off")} workers={s.Workers}");
        w.WriteLine($"  Worst case: {SweepLimits.Figure(planned)} evaluations with the plain tiers, and {SweepLimits.Figure(planned)} with racing " +
                    "(racing spends less only when it drops candidates; its worst case is the plain tiers')");
        w.WriteLine($"  Output folder {s.Folder.FullPath}");
        return ExitCodes.Ok;
    }
}
