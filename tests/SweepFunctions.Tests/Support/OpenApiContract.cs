using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using SweepFunctions.Http;

namespace SweepFunctions.Tests.Support;

/// <summary>
/// The API's OpenAPI document (<c>docs/openapi.yaml</c>, as the app embeds and serves it) read as JSON, with what the
/// contract tests ask of it: the operations, and for a real exchange, the schema the document gives to its route,
/// method, status and media type, evaluated by a JSON Schema 2020-12 validator (JsonSchema.Net) with formats checked.
/// A component <c>$ref</c> (<c>#/components/schemas/X</c>) is resolved by handing the validator each schema with every
/// component beside it under <c>$defs</c>.
/// </summary>
public sealed class OpenApiContract
{
    public const string SchemaDialect = "https://json-schema.org/draft/2020-12/schema";

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true };

    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();

    private OpenApiContract(string text, JsonObject document)
    {
        Text = text;
        Document = document;
        Operations = ((JsonObject)document["paths"]!)
            .SelectMany(path => ((JsonObject)path.Value!)
                .Where(m => m.Key is "get" or "post" or "put" or "patch" or "delete")
                .Select(m => new Operation(path.Key, m.Key, (JsonObject)m.Value!)))
            .ToList();
    }

    /// <summary>The document as the app serves it.</summary>
    public static OpenApiContract Served { get; } = Load(System.Text.Encoding.UTF8.GetString(GetOpenApiDocument.Bytes));

    public string Text { get; }

    public JsonObject Document { get; }

    public IReadOnlyList<Operation> Operations { get; }

    public JsonObject ComponentSchemas => (JsonObject)Document["components"]!["schemas"]!;

    public static OpenApiContract Load(string yaml) => new(yaml, (JsonObject)YamlJson.Parse(yaml)!);

    /// <summary>The operation whose path template matches <paramref name="apiPath"/> (the path after <c>/api</c>), literal paths first.</summary>
    public Operation? Find(string method, string apiPath) => Operations
        .Where(o => o.Method == method.ToLowerInvariant())
        .OrderBy(o => o.Path.Count(c => c == '{'))
        .FirstOrDefault(o => o.Matches(apiPath));

    /// <summary>
    /// Every fault of a real answer against the document: an undocumented route or status, a media type the status does
    /// not list, a body where none is documented, or a body that breaks the schema (each error with its JSON location).
    /// Empty when the answer is as documented.
    /// </summary>
    public IReadOnlyList<string> Check(string method, string apiPath, HttpStatusCode status, string? contentType, string body)
    {
        var operation = Find(method, apiPath);
        if (operation is null)
        {
            return [$"{method.ToUpperInvariant()} {apiPath} is not in the document."];
        }

        string code = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses[code] is not JsonObject response)
        {
            return [$"{operation} answered {code}, which the document does not list (it lists {string.Join(", ", operation.Responses.Select(r => r.Key))})."];
        }

        response = Resolve(response);
        if (response["content"] is not JsonObject content)
        {
            return body.Length == 0 ? [] : [$"{operation} {code} is documented without a body, and answered one."];
        }

        string mediaType = (contentType ?? "").Split(';')[0].Trim();
        if (content[mediaType] is not JsonObject media)
        {
            return [$"{operation} {code} answered '{mediaType}', which the document does not list (it lists {string.Join(", ", content.Select(c => c.Key))})."];
        }

        if (!mediaType.EndsWith("json", StringComparison.Ordinal))
        {
            return [];   // text/html, application/yaml: the media type is the contract
        }

        return Validate($"{operation} {code} {mediaType}", (JsonObject)media["schema"]!, body);
    }

    /// <summary>The errors of <paramref name="json"/> against <paramref name="schema"/> (a schema of this document), with their locations.</summary>
    public IReadOnlyList<string> Validate(string key, JsonObject schema, string json)
    {
        var built = _schemas.GetOrAdd(key, _ => Build(schema));
        using var instance = JsonDocument.Parse(json);
        var results = built.Evaluate(instance.RootElement, Evaluation);
        if (results.IsValid)
        {
            return [];
        }

        var faults = new List<string>();
        Collect(results, key, faults);
        return faults.Count > 0 ? faults.Distinct().ToList() : [$"{key}: invalid (the validator gave no detail)"];
    }

    /// <summary>
    /// The errors of every invalid node, from the root down through its invalid children only: the places where the
    /// answer breaks the schema, without the branches of an <c>anyOf</c> that another branch satisfied.
    /// </summary>
    private static void Collect(EvaluationResults node, string key, List<string> faults)
    {
        if (node.IsValid)
        {
            return;
        }

        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            faults.Add($"{key}: at '{node.InstanceLocation}' (schema {node.EvaluationPath}): {keyword}: {message}");
        }

        foreach (var child in node.Details ?? [])
        {
            Collect(child, key, faults);
        }
    }

    /// <summary>A component schema by name, for direct checks.</summary>
    public JsonObject Component(string name) => (JsonObject)ComponentSchemas[name]!;

    /// <summary>A response object, or the one its <c>$ref</c> names under <c>components/responses</c>.</summary>
    private JsonObject Resolve(JsonObject response) =>
        response["$ref"]?.GetValue<string>() is { } reference
            ? (JsonObject)Document["components"]!["responses"]![reference.Split('/')[^1]]!
            : response;

    private JsonSchema Build(JsonObject schema)
    {
        var root = Rewrite(schema.DeepClone())!.AsObject();
        root["$schema"] = SchemaDialect;
        root["$defs"] = new JsonObject(ComponentSchemas.Select(c => KeyValuePair.Create(c.Key, Rewrite(c.Value!.DeepClone()))));
        return JsonSchema.FromText(root.ToJsonString(), baseUri: new Uri($"https://sweepfunctions.invalid/openapi/{Guid.NewGuid():N}"));   // the registry is global: one id per build
    }

    /// <summary>Points each component <c>$ref</c> at the <c>$defs</c> of the built schema.</summary>
    private static JsonNode? Rewrite(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o.ToList())
                {
                    if (name == "$ref" && value?.GetValue<string>() is { } reference && reference.StartsWith("#/components/schemas/", StringComparison.Ordinal))
                    {
                        o[name] = "#/$defs/" + reference["#/components/schemas/".Length..];
                    }
                    else
                    {
                        Rewrite(value);
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Rewrite(item);
                }

                break;
        }

        return node;
    }

    /// <summary>One method of one documented path.</summary>
    public sealed record Operation(string Path, string Method, JsonObject Body)
    {
        private Regex Pattern { get; } = new("^" + Regex.Replace(Regex.Escape(Path), @"\\\{[^/]+?}", "[^/]+") + "$", RegexOptions.CultureInvariant);

        public JsonObject Responses => (JsonObject)Body["responses"]!;

        /// <summary>Documented status codes, as written ("202", "404").</summary>
        public IEnumerable<string> Statuses => Responses.Select(r => r.Key);


        /// <summary>The operation's own <c>security</c>, or null when it takes the document's (a function key).</summary>
        public JsonArray? Security => Body["security"] as JsonArray;

        public bool Matches(string apiPath) => Pattern.IsMatch(apiPath);

        public override string ToString() => $"{Method.ToUpperInvariant()} {Path}";
    }
}
