using System.CommandLine;
using SweepDomain;

namespace SweepCli.CommandLine;

/// <summary>Wires a command's body so every command maps outcomes to the same exit codes and messages.</summary>
internal static class CommandActions
{
    /// <summary>
    /// Runs <paramref name="body"/>: invalid input → 2 with every problem listed; cancellation → 130; any other
    /// exception → 1 with a one-line reason (the detail with --verbose).
    /// </summary>
    public static void SetGuardedAction(this Command command, CommonOptions common, CliConsole console, Func<ParseResult, CliOutput, CancellationToken, Task<int>> body)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = common.Output(parse, console);
            try
            {
                return await body(parse, output, cancellationToken);
            }
            catch (InvalidSweepInputException e)
            {
                output.Invalid(e.Errors);
                return ExitCodes.BadInput;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                output.Cancelled("Cancelled.");
                return ExitCodes.Cancelled;
            }
            catch (Exception e)
            {
                output.Failure(e);
                return ExitCodes.Failure;
            }
        });
    }

    /// <summary>Throws <see cref="InvalidSweepInputException"/> when <paramref name="errors"/> holds anything.</summary>
    public static void ThrowIfAny(this ValidationErrors errors)
    {
        if (!errors.IsEmpty)
        {
            throw new InvalidSweepInputException(errors);
        }
    }
}
