namespace SweepCli.CommandLine;

/// <summary>
/// Accepts the original's form <c>--phase sweep --scenario ... --stages ...</c> (sweep-semantics §6.1), so an existing
/// script only changes the program name: the phase flag is dropped and the <c>run</c> command put in front.
/// </summary>
internal static class LegacyArgs
{
    private const string Phase = "--phase";

    /// <summary>The arguments to parse, or an error when another phase of the original is asked for.</summary>
    public static (string[] Args, string? Error) Rewrite(IReadOnlyList<string> args, IReadOnlyCollection<string> commands)
    {
        if (args.Count > 0 && commands.Contains(args[0]) && args[0] != "run")
        {
            return (args.ToArray(), null);
        }

        int at = args.ToList().FindIndex(a => a == Phase || a.StartsWith(Phase + "=", StringComparison.Ordinal));
        if (at < 0)
        {
            return (args.ToArray(), null);
        }

        bool inline = args[at] != Phase;
        string? phase = inline ? args[at][(Phase.Length + 1)..] : at + 1 < args.Count ? args[at + 1] : null;
        if (phase != "sweep")
        {
            return ([], $"This tool runs only the sweep phase: '--phase {phase ?? ""}' is not supported. Write '--phase sweep' or use 'sweep run'.");
        }

        var rest = args.Where((_, i) => i != at && (inline || i != at + 1)).ToList();
        return (rest.Count > 0 && rest[0] == "run" ? [.. rest] : ["run", .. rest], null);
    }
}
