using System.Globalization;
using System.Text.Json.Serialization;

namespace SweepDomain.Parameters;

/// <summary>The type a parameter value carries. The model rejects a float where it expects an int (sweep-semantics §1.1).</summary>
public enum ParamKind { Int, Float, Text }

/// <summary>
/// One parameter value: an integer, a floating-point number or a string. The int/float distinction is kept
/// end to end (stage strings, result files, durable history), because the model type-checks it.
/// </summary>
[JsonConverter(typeof(ParamValueJsonConverter))]
public readonly record struct ParamValue
{
    private readonly long _int;
    private readonly double _float;
    private readonly string? _text;

    private ParamValue(ParamKind kind, long i, double f, string? text)
    {
        Kind = kind;
        _int = i;
        _float = f;
        _text = text;
    }

    public ParamKind Kind { get; }

    public static ParamValue Int(long value) => new(ParamKind.Int, value, 0, null);

    public static ParamValue Float(double value) => new(ParamKind.Float, 0, value, null);

    public static ParamValue Text(string value) => new(ParamKind.Text, 0, 0, value ?? throw new ArgumentNullException(nameof(value)));

    public bool IsNumber => Kind is ParamKind.Int or ParamKind.Float;

    /// <summary>The integer; only for <see cref="ParamKind.Int"/>.</summary>
    public long AsInt => Kind == ParamKind.Int ? _int : throw new InvalidOperationException($"{this} is not an integer.");

    /// <summary>The numeric value as a double (an int widens); throws for text.</summary>
    public double AsDouble => Kind switch
    {
        ParamKind.Int => _int,
        ParamKind.Float => _float,
        _ => throw new InvalidOperationException($"'{_text}' is not a number."),
    };

    public string AsText => Kind == ParamKind.Text ? _text! : throw new InvalidOperationException($"{this} is not text.");

    /// <summary>
    /// Invariant text as the original writes it: ints without a decimal point, floats always with one
    /// (<c>1.0</c>, not <c>1</c>), strings verbatim.
    /// </summary>
    public override string ToString() => Kind switch
    {
        ParamKind.Int => _int.ToString(CultureInfo.InvariantCulture),
        ParamKind.Float => FormatFloat(_float),
        _ => _text!,
    };

    /// <summary>Shortest round-trip text of a double that always reads back as a float.</summary>
    public static string FormatFloat(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') || text.Contains('e') ? text : text + ".0";
    }

    public static implicit operator ParamValue(int value) => Int(value);

    public static implicit operator ParamValue(long value) => Int(value);

    public static implicit operator ParamValue(double value) => Float(value);

    public static implicit operator ParamValue(string value) => Text(value);
}
