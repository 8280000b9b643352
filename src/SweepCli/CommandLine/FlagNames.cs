namespace SweepCli.CommandLine;

/// <summary>Maps the validator's field names (shared with the HTTP API) to the flags a CLI user typed.</summary>
internal static class FlagNames
{
    public static string For(string field) => field switch
    {
        "scenario" => "--scenario",
        "crossScenario" => "--cross-scenario",
        "stages" => "--stages",
        "base" => "--base",
        "periods" => "--periods",
        "stabilityTiers" => "--stability-tiers",
        "rankBy" => "--rank-by",
        "kFactor" => "--k-factor",
        "crossSeeds" => "--cross-seeds",
        "instanceId" => "--instance-id",
        "carryForward" => "--carry-forward",
        "alpha" => "--alpha",
        "racing" => "--racing",
        "raceBlock" => "--race-block",
        "equivalence" => "--equivalence",
        _ when field.StartsWith("stages[", StringComparison.Ordinal) && int.TryParse(field[7..^1], out int i) => $"--stages #{i + 1}",
        _ => field,
    };
}
