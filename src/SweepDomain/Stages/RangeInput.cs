using System.Globalization;
using SweepDomain.Parameters;

namespace SweepDomain.Stages;

/// <summary>
/// A range as a client writes it, before the schema checks: <c>name=min..max</c>, optionally <c>:log</c>, with
/// <paramref name="Min"/> and <paramref name="Max"/> read by the grid's value grammar, so an int parameter's range is
/// written in integers (<c>max_M=1..10</c>) and a float's in any number form.
/// </summary>
public sealed record RangeInput(string Name, ParamValue Min, ParamValue Max, RangeScale Scale = RangeScale.Linear)
{
    public const string LogSuffix = ":log";

    /// <summary>The range in <paramref name="valuesText"/>, or null when the text is not two numbers around <c>..</c> (then it is a list of values, as before ranges existed).</summary>
    public static RangeInput? TryParse(string name, string valuesText)
    {
        var scale = RangeScale.Linear;
        if (valuesText.EndsWith(LogSuffix, StringComparison.OrdinalIgnoreCase))
        {
            scale = RangeScale.Log;
            valuesText = valuesText[..^LogSuffix.Length];
        }

        int dots = valuesText.IndexOf("..", StringComparison.Ordinal);
        if (dots <= 0 || valuesText.Contains(','))
        {
            return null;
        }

        var min = ValueGrammar.Parse(valuesText[..dots]);
        var max = ValueGrammar.Parse(valuesText[(dots + 2)..]);
        return min.IsNumber && max.IsNumber ? new RangeInput(name, min, max, scale) : null;
    }

    public override string ToString() => $"{Name}={Min}..{Max}" + (Scale == RangeScale.Log ? LogSuffix : "");
}
