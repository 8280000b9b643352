using Spectre.Console;

namespace SweepCli;

/// <summary>
/// Where the commands write: standard output, standard error, and whether standard output is a terminal (then
/// progress is drawn live; otherwise it is printed line by line). Commands never touch <see cref="Console"/>.
/// </summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, bool IsTerminal)
{
    /// <summary>Width for tables when the output is not a terminal (logs, files, tests).</summary>
    public const int RedirectedWidth = 160;

    public static CliConsole FromSystemConsole() => new(Console.Out, Console.Error, !Console.IsOutputRedirected);

    /// <summary>A Spectre console over <paramref name="writer"/>: colours and live display on a terminal, plain text otherwise.</summary>
    public IAnsiConsole Spectre(TextWriter writer)
    {
        bool live = IsTerminal && ReferenceEquals(writer, Out);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = live ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = live ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = live ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!live)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
