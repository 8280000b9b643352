using System.Text.Json;
using System.Text.Json.Serialization;

namespace SweepDomain.Parameters;

/// <summary>A <see cref="ParamSet"/> as a JSON object whose keys keep their order.</summary>
// WARNING: stored in durable histories and in result files; see ParamValueJsonConverter.
public sealed class ParamSetJsonConverter : JsonConverter<ParamSet>
{
    private static readonly ParamValueJsonConverter ValueConverter = new();

    public override ParamSet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Parameters must be a JSON object of name: value.");
        }

        var entries = new List<KeyValuePair<string, ParamValue>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string name = reader.GetString()!;
            reader.Read();
            if (entries.Exists(e => e.Key == name))
            {
                throw new JsonException($"Parameter '{name}' appears twice.");
            }

            entries.Add(KeyValuePair.Create(name, ValueConverter.Read(ref reader, typeof(ParamValue), options)));
        }

        return ParamSet.From(entries);
    }

    public override void Write(Utf8JsonWriter writer, ParamSet value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, v) in value)
        {
            writer.WritePropertyName(name);
            ValueConverter.Write(writer, v, options);
        }

        writer.WriteEndObject();
    }
}
