using System.CommandLine;
using SweepDomain;
using SweepHosting.Evaluation.Protocol;

namespace SweepCli.CommandLine;

/// <summary>
/// The flags that put the user's own model behind the sweep (docs/evaluator-protocol.md): the command that starts one
/// worker, the time limits, the retry budget and the failure limits. Without <c>--evaluator</c> the built-in BAM runs.
/// </summary>
internal sealed class EvaluatorFlags
{
    public Option<string?> Evaluator { get; } = new("--evaluator")
    {
        Description = "Calibrate your own model: the command that starts one worker speaking the evaluator protocol (JSON Lines on " +
                      "stdin/stdout: 'describe', then batches of 'evaluate'; docs/evaluator-protocol.md), e.g. \"python3 sim.py --fast\". " +
                      "Split like shell words, run without a shell, one process per worker (--workers), each reused for many evaluations. " +
                      "Its scenarios and parameters come from its 'describe' answer [default: the built-in BAM model]",
        HelpName = "command",
    };

    public Option<string?> EvaluationTimeout { get; } = new("--evaluation-timeout")
    {
        Description = $"With --evaluator: wall-clock limit of one evaluation in seconds; past it the worker is killed and restarted, and the evaluation fails [default: {ProcessEvaluatorOptions.DefaultEvaluationTimeout.TotalSeconds}]",
        HelpName = "seconds",
    };

    public Option<string?> StartTimeout { get; } = new("--start-timeout")
    {
        Description = $"With --evaluator: how long a worker may take to answer 'describe', in seconds [default: {ProcessEvaluatorOptions.DefaultStartTimeout.TotalSeconds}]",
        HelpName = "seconds",
    };

    public Option<string?> RetryBudget { get; } = new("--retry-budget")
    {
        Description = $"With --evaluator: evaluations that may be run again after a worker crashed, hung or broke the protocol, counted apart from the evaluations [default: {ProcessEvaluatorOptions.DefaultRetryBudget}]",
        HelpName = "int",
    };

    public Option<string?> MaxFailureShare { get; } = new("--max-failure-share")
    {
        Description = $"With --evaluator: a stage stops with an error when more than this share of its evaluations failed (checked once it ran {ProcessEvaluatorOptions.FailureShareMinimum}) [default: {ProcessEvaluatorOptions.DefaultMaxFailureShare}]",
        HelpName = "share",
    };

    public Option<string?> MaxFirstFailures { get; } = new("--max-first-failures")
    {
        Description = $"With --evaluator: the sweep stops when its first N evaluations all failed (a model that cannot run) [default: {ProcessEvaluatorOptions.DefaultMaxFirstFailures}]",
        HelpName = "int",
    };

    public void AddTo(Command command, bool all = true)
    {
        command.Options.Add(Evaluator);
        command.Options.Add(StartTimeout);
        if (all)
        {
            foreach (var option in new Option[] { EvaluationTimeout, RetryBudget, MaxFailureShare, MaxFirstFailures })
            {
                command.Options.Add(option);
            }
        }
    }

    /// <summary>The process evaluator's options, or null for the built-in model; problems go to <paramref name="errors"/>.</summary>
    public ProcessEvaluatorOptions? Read(ParseResult parse, int workers, ValidationErrors errors)
    {
        if (parse.GetValue(Evaluator) is not { } text)
        {
            foreach (var option in new Option[] { EvaluationTimeout, StartTimeout, RetryBudget, MaxFailureShare, MaxFirstFailures })
            {
                if (parse.GetResult(option) is { Implicit: false })
                {
                    errors.Add(option.Name, "Applies only with --evaluator.");
                }
            }

            return null;
        }

        EvaluatorCommand? command = null;
        try
        {
            command = EvaluatorCommand.Parse(text);
        }
        catch (FormatException e)
        {
            errors.Add("--evaluator", e.Message);
        }

        double timeout = Positive(ArgValues.Double(parse.GetValue(EvaluationTimeout), "--evaluation-timeout", errors), ProcessEvaluatorOptions.DefaultEvaluationTimeout.TotalSeconds, "--evaluation-timeout", errors);
        double start = Positive(ArgValues.Double(parse.GetValue(StartTimeout), "--start-timeout", errors), ProcessEvaluatorOptions.DefaultStartTimeout.TotalSeconds, "--start-timeout", errors);
        int retries = ArgValues.Int(parse.GetValue(RetryBudget), "--retry-budget", errors) ?? ProcessEvaluatorOptions.DefaultRetryBudget;
        double share = ArgValues.Double(parse.GetValue(MaxFailureShare), "--max-failure-share", errors) ?? ProcessEvaluatorOptions.DefaultMaxFailureShare;
        int first = ArgValues.Int(parse.GetValue(MaxFirstFailures), "--max-first-failures", errors) ?? ProcessEvaluatorOptions.DefaultMaxFirstFailures;
        if (retries < 0)
        {
            errors.Add("--retry-budget", $"Must be 0 or more; got {retries}.");
        }

        if (share is < 0 or > 1)
        {
            errors.Add("--max-failure-share", $"Must be between 0 and 1; got {share}.");
        }

        if (first < 1)
        {
            errors.Add("--max-first-failures", $"Must be at least 1; got {first}.");
        }

        return command is null ? null : new ProcessEvaluatorOptions(command, workers, TimeSpan.FromSeconds(timeout), TimeSpan.FromSeconds(start), retries, share, first);
    }

    /// <summary>
    /// Runs <paramref name="body"/> with the user's model started on <paramref name="workers"/> workers (and stopped
    /// after, whatever happens), or with null for the built-in model. The flags' problems join <paramref name="errors"/>,
    /// which are thrown as input errors before anything starts.
    /// </summary>
    public async Task<int> WithModelAsync(ParseResult parse, int workers, ValidationErrors errors, Func<ProcessEvaluator?, Task<int>> body, CancellationToken cancellationToken)
    {
        var options = Read(parse, workers, errors);
        errors.ThrowIfAny();
        if (options is null)
        {
            return await body(null);
        }

        await using var model = await StartAsync(options, cancellationToken);
        return await body(model);
    }

    /// <summary>Starts the model's first worker and reads its description; a model that does not start is an input error.</summary>
    public static async Task<ProcessEvaluator> StartAsync(ProcessEvaluatorOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await ProcessEvaluator.StartAsync(options, cancellationToken);
        }
        catch (Exception e) when (e is EvaluatorStartException or FormatException)
        {
            var errors = new ValidationErrors();
            errors.Add("--evaluator", e.Message);
            throw new InvalidSweepInputException(errors);
        }
    }

    private static double Positive(double? value, double fallback, string flag, ValidationErrors errors)
    {
        if (value is <= 0)
        {
            errors.Add(flag, $"Must be above 0 seconds; got {value}.");
        }

        return value ?? fallback;
    }
}
