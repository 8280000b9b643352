using System.Text.Json.Serialization;

namespace SweepDomain.Parameters;

/// <summary>The declared type of a model parameter (bam-model §1.7 Type column).</summary>
public enum ParamType { Int, Float, Choice }

/// <summary>
/// One parameter a scenario accepts: its name, declared type, default and valid range. An int parameter accepts
/// only integers; a float parameter accepts integers or floats; a choice parameter accepts one of
/// <see cref="Choices"/>. <see cref="Min"/>/<see cref="Max"/> are inclusive bounds; null means unbounded.
/// </summary>
public sealed record ParameterSpec(
    string Name,
    ParamType Type,
    ParamValue Default,
    double? Min,
    double? Max,
    string Description,
    IReadOnlyList<string>? Choices = null)
{
    /// <summary>The valid range as text, e.g. <c>[0, 1]</c>, <c>&gt;= 1</c> or <c>one of all_firms, vacancies_only</c>.</summary>
    [JsonIgnore]
    public string RangeText => Type == ParamType.Choice
        ? "one of " + string.Join(", ", Choices ?? [])
        : (Min, Max) switch
        {
            (null, null) => "any number",
            ({ } lo, null) => $">= {Fmt(lo)}",
            (null, { } hi) => $"<= {Fmt(hi)}",
            ({ } lo, { } hi) => $"[{Fmt(lo)}, {Fmt(hi)}]",
        };

    /// <summary>Null when <paramref name="value"/> suits this parameter, else a sentence naming the problem.</summary>
    public string? Check(ParamValue value)
    {
        switch (Type)
        {
            case ParamType.Choice:
                return value.Kind == ParamKind.Text && (Choices ?? []).Contains(value.AsText)
                    ? null
                    : $"Parameter '{Name}' must be {RangeText}; got {value}.";
            case ParamType.Int when value.Kind == ParamKind.Float:
                return $"Parameter '{Name}' is an integer; got the float {value}" +
                       (double.IsInteger(value.AsDouble) ? $" (write {(long)value.AsDouble})." : ".");
            case ParamType.Int or ParamType.Float when value.Kind == ParamKind.Text:
                return $"Parameter '{Name}' must be a number; got '{value}'.";
        }

        double x = value.AsDouble;
        if (!double.IsFinite(x))
        {
            return $"Parameter '{Name}' must be a finite number; got {value}.";
        }

        return (Min is { } lo && x < lo) || (Max is { } hi && x > hi)
            ? $"Parameter '{Name}' = {value} is outside its valid range {RangeText}."
            : null;
    }

    private static string Fmt(double x) => x.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
