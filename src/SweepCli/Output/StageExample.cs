using SweepDomain.Parameters;

namespace SweepCli.Output;

/// <summary>
/// The example stage <c>sweep scenarios</c> ends with, built from a scenario's own parameters so that it runs as
/// written on the model that described them: its first float over three values around the default, its first integer
/// over two, each kept within its range; a scenario with no number sweeps its first choice parameter over two choices.
/// </summary>
internal static class StageExample
{
    /// <summary>The stage, e.g. <c>A:x=4.0,5.0,6.0 n=2,3</c>; null when the scenario has no parameter to sweep.</summary>
    public static string? Stage(ScenarioSchema schema)
    {
        var grids = new List<string>();
        if (schema.Parameters.FirstOrDefault(p => p.Type == ParamType.Float) is { } real)
        {
            grids.Add($"{real.Name}={string.Join(",", FloatValues(real).Select(ParamValue.FormatFloat))}");
        }

        if (schema.Parameters.FirstOrDefault(p => p.Type == ParamType.Int) is { } integer)
        {
            grids.Add($"{integer.Name}={string.Join(",", IntValues(integer))}");
        }

        if (grids.Count == 0 && schema.Parameters.FirstOrDefault(p => p.Type == ParamType.Choice && p.Choices is { Count: > 1 }) is { } choice)
        {
            grids.Add($"{choice.Name}={string.Join(",", choice.Choices!.Take(2))}");
        }

        return grids.Count == 0 ? null : "A:" + string.Join(" ", grids);
    }

    /// <summary>The reminder that integers are written as integers, naming the scenario's first integer; null without one.</summary>
    public static string? IntegerNote(ScenarioSchema schema) =>
        schema.Parameters.FirstOrDefault(p => p.Type == ParamType.Int) is { } p
            ? $"Integers stay integers: write {p.Name}={p.Default}, not {p.Default}.0."
            : null;

    /// <summary>
    /// The default and a step either side (a tenth of the range, or half the default when unbounded, rounded to one
    /// significant digit), shifted to stay within the bounds.
    /// </summary>
    private static IEnumerable<double> FloatValues(ParameterSpec p)
    {
        double d = p.Default.AsDouble;
        double raw = p is { Min: { } lo, Max: { } hi } && hi > lo ? (hi - lo) / 10 : Math.Abs(d) > 0 ? Math.Abs(d) / 2 : 1;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = Math.Round(raw / magnitude) * magnitude;
        int digits = Math.Max(0, 1 - (int)Math.Floor(Math.Log10(step)));
        double first = d - step;
        if (p.Min is { } min && first < min)
        {
            first = min;
        }

        if (p.Max is { } max && first + 2 * step > max)
        {
            first = Math.Max(p.Min ?? double.NegativeInfinity, max - 2 * step);
        }

        return Enumerable.Range(0, 3).Select(i => Math.Round(first + i * step, Math.Min(15, digits + 1))).Where(v => p.Check(ParamValue.Float(v)) is null).Distinct();
    }

    private static IEnumerable<long> IntValues(ParameterSpec p)
    {
        long d = p.Default.AsInt;
        return p.Max is { } max && d + 1 > max ? [d - 1, d] : [d, d + 1];
    }
}
