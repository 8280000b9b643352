using SweepDomain;
using SweepDomain.Parameters;
using SweepDomain.Stages;

namespace SweepCli.CommandLine;

/// <summary>
/// Single parameter values from the command line (<c>--set beta=2.5</c>), typed with the stage grammar
/// (<see cref="ValueGrammar"/>: <c>2</c> is an int, <c>2.0</c> a float) and checked against the scenario's schema.
/// </summary>
internal static class ParamArgs
{
    public static ParamSet Parse(IReadOnlyList<string> assignments, ScenarioSchema schema, ValidationErrors errors, string flag = "--set")
    {
        var entries = new List<KeyValuePair<string, ParamValue>>();
        foreach (string text in assignments)
        {
            int eq = text.IndexOf('=');
            string name = eq < 0 ? text.Trim() : text[..eq].Trim();
            string value = eq < 0 ? "" : text[(eq + 1)..].Trim();
            if (eq < 0 || name.Length == 0 || value.Length == 0)
            {
                errors.Add(flag, $"'{text}' is not name=value (e.g. --set beta=2.5).");
            }
            else if (ValueGrammar.LooksNonFinite(value))
            {
                errors.Add(flag, $"'{text}' has the non-finite value '{value}'. Use a finite number.");
            }
            else if (entries.Exists(e => e.Key == name))
            {
                errors.Add(flag, $"Parameter '{name}' is set more than once ('{text}').");
            }
            else
            {
                var parsed = ValueGrammar.Parse(value);
                if (Check(name, parsed, schema, errors, flag, $" In '{text}'."))
                {
                    entries.Add(KeyValuePair.Create(name, parsed));
                }
            }
        }

        return ParamSet.From(entries);
    }

    /// <summary>Checks every entry of a base config against the schema, as the sweep validator does.</summary>
    public static void CheckAll(ParamSet values, ScenarioSchema schema, ValidationErrors errors, string flag) =>
        values.ToList().ForEach(e => Check(e.Key, e.Value, schema, errors, flag, ""));

    private static bool Check(string name, ParamValue value, ScenarioSchema schema, ValidationErrors errors, string flag, string where)
    {
        if (ScenarioSchema.ReservedNames.Contains(name))
        {
            errors.Add(flag, $"'{name}' cannot be set: use --seeds and --periods.{where}");
            return false;
        }

        var spec = schema.Find(name);
        if (spec is null)
        {
            string? hint = schema.Suggest(name);
            errors.Add(flag, $"Unknown parameter '{name}' for scenario '{schema.Scenario}'.{(hint is null ? "" : $" Did you mean '{hint}'?")}{where}");
            return false;
        }

        if (spec.Check(value) is { } problem)
        {
            errors.Add(flag, problem + where);
            return false;
        }

        return true;
    }
}
