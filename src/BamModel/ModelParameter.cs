using System.Globalization;

namespace BamModel;

/// <summary>The declared type of a model parameter (bam-model §1.7 Type column).</summary>
public enum ParameterType { Int, Float, Choice }

/// <summary>
/// One parameter the model accepts: its name, declared type, default and valid range (bam-model §1.7, §3).
/// Values are plain: an int parameter takes a <see cref="long"/> or <see cref="int"/>; a float parameter takes
/// those or a <see cref="double"/>; a choice parameter takes one of <see cref="Choices"/> as a
/// <see cref="string"/>. <see cref="Default"/> is a <see cref="long"/>, <see cref="double"/> or
/// <see cref="string"/> accordingly. <see cref="Min"/>/<see cref="Max"/> are inclusive; null means unbounded.
/// </summary>
public sealed record ModelParameter(
    string Name,
    ParameterType Type,
    object Default,
    double? Min,
    double? Max,
    string Description,
    IReadOnlyList<string>? Choices = null)
{
    /// <summary>The valid range as text, e.g. <c>[0, 1]</c>, <c>&gt;= 1</c> or <c>one of all_firms, vacancies_only</c>.</summary>
    public string RangeText => Type == ParameterType.Choice
        ? "one of " + string.Join(", ", Choices ?? [])
        : (Min, Max) switch
        {
            (null, null) => "any number",
            ({ } lo, null) => $">= {Invariant(lo)}",
            (null, { } hi) => $"<= {Invariant(hi)}",
            ({ } lo, { } hi) => $"[{Invariant(lo)}, {Invariant(hi)}]",
        };

    /// <summary>Null when <paramref name="value"/> suits this parameter, else a sentence naming the problem.</summary>
    public string? Check(object value)
    {
        string text = Format(value);
        bool isInt = value is int or long;
        if (Type == ParameterType.Choice)
        {
            return value is string s && (Choices ?? []).Contains(s) ? null : $"Parameter '{Name}' must be {RangeText}; got {text}.";
        }

        if (!isInt && value is not double)
        {
            return $"Parameter '{Name}' must be a number; got '{text}'.";
        }

        double x = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        if (Type == ParameterType.Int && !isInt)
        {
            return $"Parameter '{Name}' is an integer; got the float {text}" + (double.IsInteger(x) ? $" (write {(long)x})." : ".");
        }

        if (!double.IsFinite(x))
        {
            return $"Parameter '{Name}' must be a finite number; got {text}.";
        }

        return (Min is { } lo && x < lo) || (Max is { } hi && x > hi)
            ? $"Parameter '{Name}' = {text} is outside its valid range {RangeText}."
            : null;
    }

    /// <summary>
    /// A value as the original writes it: ints without a decimal point, floats always with one (<c>1.0</c>, not
    /// <c>1</c>), strings verbatim.
    /// </summary>
    public static string Format(object value) => value switch
    {
        double x when double.IsFinite(x) => FloatText(x),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string FloatText(double x)
    {
        string text = x.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }

    private static string Invariant(double x) => x.ToString(CultureInfo.InvariantCulture);
}
