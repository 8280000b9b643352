using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SweepDomain.Evaluation;
using SweepDomain.Parameters;

namespace SweepHosting.Evaluation.Protocol;

/// <summary>
/// The evaluator protocol's messages (docs/evaluator-protocol.md), one JSON object per line: the sweep sends
/// <see cref="DescribeCommand"/> once, then <see cref="EvaluateCommand"/> batches; the model answers a
/// <see cref="DescribeAnswer"/>, then one <see cref="ResultLine"/> per item, in the items' order. The HTTP protocol
/// carries the same bodies (<c>GET /describe</c>, <c>POST /evaluate</c> answering <see cref="EvaluateAnswer"/>).
/// </summary>
public static partial class ProtocolMessages
{
    public const int Version = 1;

    /// <summary>
    /// The messages' JSON: camelCase, nulls left out, non-finite numbers by name. The messages' own types are
    /// serialized by source-generated code (<see cref="ProtocolJsonContext"/>), which spares each worker and the sweep
    /// the reflection and code emission a reflection-based serializer pays at start; any other type falls back to it.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new ParamSetJsonConverter(), new ParamValueJsonConverter() },
        TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(
            ProtocolJsonContext.Default, new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()),
    };

    public static string Line<T>(T message) => JsonSerializer.Serialize(message, Json);

    /// <summary>
    /// Reads one message. Bare <c>NaN</c> and <c>Infinity</c> values (which Python's json writes) are read as the
    /// numbers they name, so a NaN score is reported as such rather than as unreadable output.
    /// </summary>
    public static T? Read<T>(string line) => JsonSerializer.Deserialize<T>(
        line.Contains("NaN", StringComparison.Ordinal) || line.Contains("Infinity", StringComparison.Ordinal) ? BareNonFinite().Replace(line, ":\"$1\"") : line,
        Json);

    [System.Text.RegularExpressions.GeneratedRegex(@":\s*(NaN|-?Infinity)(?=\s*[,}\]])")]
    private static partial System.Text.RegularExpressions.Regex BareNonFinite();
}

/// <summary>The protocol's messages, serialized by generated code (see <see cref="ProtocolMessages.Json"/>).</summary>
[JsonSerializable(typeof(DescribeCommand))]
[JsonSerializable(typeof(DescribeAnswer))]
[JsonSerializable(typeof(EvaluateCommand))]
[JsonSerializable(typeof(ResultLine))]
[JsonSerializable(typeof(EvaluateAnswer))]
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;

/// <summary><c>{"type":"describe","protocol":1}</c>: what the model can evaluate.</summary>
public sealed record DescribeCommand(string Type = "describe", int Protocol = ProtocolMessages.Version);

/// <summary>The model's name and version and its scenarios, each with its parameters.</summary>
public sealed record DescribeAnswer(string Type, int Protocol, string Name, string Version, IReadOnlyList<ScenarioDescription> Scenarios);

/// <summary>
/// One scenario: its parameters and, optionally, the fewest periods its scoring needs (its burn-in and windows); the
/// sweep warns before any work when a request asks for fewer.
/// </summary>
public sealed record ScenarioDescription(string Name, IReadOnlyList<ParameterDescription> Parameters, int? MinimumPeriods = null);

/// <summary>One parameter: <see cref="Type"/> is int, float or choice; min and max are inclusive and optional.</summary>
public sealed record ParameterDescription(string Name, string Type, JsonNode? Default, double? Min = null, double? Max = null, IReadOnlyList<string>? Choices = null, string? Description = null);

/// <summary>A batch: <c>{"type":"evaluate","items":[{id, scenario, params, seed, periods}, ...]}</c>.</summary>
public sealed record EvaluateCommand(IReadOnlyList<EvaluationItem> Items, string Type = "evaluate");

public sealed record EvaluationItem(string Id, string Scenario, ParamSet Params, int Seed, int Periods);

/// <summary>
/// The answer to one item. <see cref="Counts"/> (metrics passed, warned, failed) is optional; without it a passed
/// item counts as no failed metric and a failed one as one. <see cref="Error"/> refuses the item (the worker stays).
/// </summary>
public sealed record ResultLine(
    string? Id,
    double? Score,
    bool? Passed,
    IReadOnlyDictionary<string, double>? Metrics = null,
    string? Note = null,
    MetricCounts? Counts = null,
    string? Error = null);

public sealed record MetricCounts(int Pass, int Warn, int Fail);

/// <summary>The HTTP protocol's answer to <c>POST /evaluate</c>: one result per item, in order.</summary>
public sealed record EvaluateAnswer(IReadOnlyList<ResultLine> Results);

/// <summary>Between the protocol's messages and the sweep's types.</summary>
public static class ProtocolTranslation
{
    public static EvaluationItem ToItem(string id, EvaluationRequest r) => new(id, r.Scenario, r.Params, r.Seed, r.Periods);

    public static EvaluationRequest ToRequest(EvaluationItem item) => new(item.Scenario, item.Params, item.Seed, item.Periods);

    /// <summary>A score as a result line; counts, metrics and note carried as they are.</summary>
    public static ResultLine ToLine(string id, EvaluationScore score) =>
        new(id, score.TotalScore, score.Passed, score.Metrics, score.Note, new MetricCounts(score.NPass, score.NWarn, score.NFail));

    /// <summary>
    /// The score a well-formed line stands for, or the failure it is: a wrong or missing id, a missing or non-finite
    /// score, a missing verdict, counts that contradict it, or a refusal.
    /// </summary>
    public static EvaluationScore Read(ResultLine line, string expectedId, Func<string?> stderrTail)
    {
        EvaluationScore Fail(string kind, string reason) => EvaluationScore.Failed(new EvaluationFailure(kind, reason, stderrTail()));
        if (line.Id != expectedId)
        {
            return Fail(EvaluationFailure.WrongId, line.Id is null ? $"the answer has no id; expected '{expectedId}'" : $"the answer is for id '{line.Id}'; expected '{expectedId}'");
        }

        if (line.Error is { } error)
        {
            return Fail(EvaluationFailure.Refused, $"the model refused it: {error}");
        }

        if (line.Score is not { } score || line.Passed is not { } passed)
        {
            return Fail(EvaluationFailure.Garbage, "the answer lacks 'score' or 'passed'");
        }

        if (!double.IsFinite(score))
        {
            return Fail(EvaluationFailure.NotFinite, $"the score is {score.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        if (line.Metrics?.FirstOrDefault(m => !double.IsFinite(m.Value)) is { Key: not null } bad)
        {
            return Fail(EvaluationFailure.NotFinite, $"metric '{bad.Key}' is {bad.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        var counts = line.Counts ?? new MetricCounts(0, 0, passed ? 0 : 1);
        if ((counts.Fail == 0) != passed)
        {
            return Fail(EvaluationFailure.Garbage, $"'passed' is {(passed ? "true" : "false")} but counts.fail is {counts.Fail}");
        }

        return new EvaluationScore(score, counts.Pass, counts.Warn, counts.Fail, line.Note, line.Metrics);
    }

    /// <summary>The sweep's schemas from a describe answer; a malformed description is an error naming it.</summary>
    public static IReadOnlyList<ScenarioSchema> ToSchemas(DescribeAnswer answer) =>
        answer.Scenarios.Select(s => new ScenarioSchema(s.Name, s.Parameters.Select(p => ToSpec(s.Name, p)).ToList()) { MinimumPeriods = s.MinimumPeriods }).ToList();

    public static DescribeAnswer Describe(string name, string version, IEnumerable<ScenarioSchema> schemas) => new(
        "describe",
        ProtocolMessages.Version,
        name,
        version,
        schemas.Select(s => new ScenarioDescription(s.Scenario, s.Parameters.Select(ToDescription).ToList(), s.MinimumPeriods)).ToList());

    private static ParameterDescription ToDescription(ParameterSpec p) => new(
        p.Name,
        p.Type.ToString().ToLowerInvariant(),
        JsonSerializer.SerializeToNode(p.Default, ProtocolMessages.Json),
        p.Min,
        p.Max,
        p.Choices,
        p.Description);

    private static ParameterSpec ToSpec(string scenario, ParameterDescription p)
    {
        var type = p.Type switch
        {
            "int" => ParamType.Int,
            "float" => ParamType.Float,
            "choice" => ParamType.Choice,
            _ => throw new FormatException($"Scenario '{scenario}', parameter '{p.Name}': type must be int, float or choice, not '{p.Type}'."),
        };
        var value = p.Default is null
            ? throw new FormatException($"Scenario '{scenario}', parameter '{p.Name}' has no default.")
            : p.Default.Deserialize<ParamValue>(ProtocolMessages.Json);
        if (type == ParamType.Choice && (p.Choices is not { Count: > 0 } || value.Kind != ParamKind.Text))
        {
            throw new FormatException($"Scenario '{scenario}', parameter '{p.Name}': a choice needs 'choices' and a text default.");
        }

        var spec = new ParameterSpec(p.Name, type, value, p.Min, p.Max, p.Description ?? "", p.Choices);
        bool derived = value.Kind == ParamKind.Float && double.IsNaN(value.AsDouble);   // NaN: "derived by the model", as BAM's net_worth_init
        return !derived && spec.Check(value) is { } problem
            ? throw new FormatException($"Scenario '{scenario}': its default breaks its own description. {problem}")
            : spec;
    }
}
