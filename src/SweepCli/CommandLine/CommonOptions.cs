using System.CommandLine;

namespace SweepCli.CommandLine;

/// <summary>The options every command takes. One instance per command tree (symbols belong to one tree).</summary>
internal sealed class CommonOptions
{
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write one machine-readable JSON document to standard output; progress goes to standard error [default: off]",
        Recursive = true,
    };

    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "No progress and no tables; only the summary lines and errors [default: off]",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "More detail: every candidate of each stage, and the exception detail on failure [default: off]",
        Recursive = true,
    };

    public CliOutput Output(ParseResult parse, CliConsole console) =>
        new(console, parse.GetValue(Json), parse.GetValue(Quiet), parse.GetValue(Verbose));
}
