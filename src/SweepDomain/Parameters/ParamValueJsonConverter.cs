using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SweepDomain.Parameters;

/// <summary>
/// JSON form of a <see cref="ParamValue"/>: a number token for numbers (an int has no decimal point or exponent,
/// a float always has one) and a string token for text.
/// </summary>
// WARNING: this shape is stored in durable histories and in the original's result files. Changing it breaks
// running sweeps and files users already have.
public sealed class ParamValueJsonConverter : JsonConverter<ParamValue>
{
    public override ParamValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                string raw = System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
                bool looksIntegral = raw.IndexOfAny(['.', 'e', 'E']) < 0;
                if (looksIntegral && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long i))
                {
                    return ParamValue.Int(i);
                }

                return ParamValue.Float(double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture));
            case JsonTokenType.String:
                string text = reader.GetString()!;
                return text switch
                {
                    // The original writes NaN/Infinity as bare tokens; System.Text.Json reads those only as strings.
                    "NaN" => ParamValue.Float(double.NaN),
                    "Infinity" => ParamValue.Float(double.PositiveInfinity),
                    "-Infinity" => ParamValue.Float(double.NegativeInfinity),
                    _ => ParamValue.Text(text),
                };
            case JsonTokenType.True or JsonTokenType.False:
                throw new JsonException("A parameter value cannot be a boolean; write 1 or 0, or a quoted string.");
            default:
                throw new JsonException($"A parameter value must be a number or a string, not {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, ParamValue value, JsonSerializerOptions options)
    {
        switch (value.Kind)
        {
            case ParamKind.Int:
                writer.WriteNumberValue(value.AsInt);
                break;
            case ParamKind.Float when double.IsFinite(value.AsDouble):
                writer.WriteRawValue(ParamValue.FormatFloat(value.AsDouble), skipInputValidation: true);
                break;
            case ParamKind.Float:
                writer.WriteStringValue(value.ToString());
                break;
            default:
                writer.WriteStringValue(value.AsText);
                break;
        }
    }
}
