using System.Globalization;
using System.Text.RegularExpressions;
using SweepDomain.Parameters;

namespace SweepDomain.Stages;

/// <summary>
/// The invariant-culture grammar of one value in a stage string: ASCII <c>-?digits</c> is an int, a decimal or
/// exponent form (<c>1.0</c>, <c>.5</c>, <c>1e3</c>) is a float, anything else is text. Unlike the original,
/// <c>nan</c>, <c>inf</c>, underscores and non-ASCII digits are not numbers (sweep-semantics §1.2).
/// </summary>
public static partial class ValueGrammar
{
    public static ParamValue Parse(string text)
    {
        if (IntPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long i))
        {
            return ParamValue.Int(i);
        }

        if (FloatPattern().IsMatch(text))
        {
            return ParamValue.Float(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return ParamValue.Text(text);
    }

    /// <summary>True for spellings the original would read as a non-finite float (nan, inf, infinity).</summary>
    public static bool LooksNonFinite(string text) => NonFinitePattern().IsMatch(text);

    [GeneratedRegex(@"^[+-]?[0-9]+$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^[+-]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)([eE][+-]?[0-9]+)?$")]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^[+-]?(nan|inf|infinity)$", RegexOptions.IgnoreCase)]
    private static partial Regex NonFinitePattern();
}
