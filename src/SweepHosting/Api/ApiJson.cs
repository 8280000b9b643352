using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SweepHosting.Api;

/// <summary>
/// How both sides of the HTTP API write and read its bodies: camelCase, nulls left out, enums as names, non-finite
/// numbers as the named literals <c>"NaN"</c> and <c>"Infinity"</c>. Parameter values keep their int/float kind through
/// the domain's own converters. Members marked <c>required</c> must be present when a body is read. Quotes and
/// angle brackets stay readable (<c>'beta'</c>, not <c>\u0027beta\u0027</c>): the bodies are JSON documents, never
/// embedded in HTML.
/// </summary>
public static class ApiJson
{
    public const string ContentType = "application/json";

    /// <summary>Error answers: RFC 9457 problem details (<see cref="ApiProblem"/>).</summary>
    public const string ProblemContentType = "application/problem+json";

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        RespectNullableAnnotations = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>The body as <typeparamref name="T"/>; a <see cref="JsonException"/> names what does not fit the contract.</summary>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"The body is null where a {typeof(T).Name} was expected.");
}
