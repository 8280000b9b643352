namespace SweepCli;

/// <summary>The process exit codes every command uses.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>A runtime failure: the model threw, a file could not be written, the service answered with an error.</summary>
    public const int Failure = 1;

    /// <summary>Bad input (flags, stage syntax, unknown scenario or parameter, tiers, base file), found before any work.</summary>
    public const int BadInput = 2;

    /// <summary>Interrupted (Ctrl-C): 128 + SIGINT, as shells report it.</summary>
    public const int Cancelled = 130;
}
