using System.Text.Json.Serialization;

namespace SweepDomain.Evaluation;

/// <summary>
/// The validator's verdict on one run (sweep-semantics §7): the weighted mean metric score and the number of
/// metrics in each status. A seed passes when <see cref="NFail"/> is 0 and the evaluation did not fail.
/// <see cref="Note"/> explains a degenerate run (for example a collapse), and is null otherwise. <see cref="Metrics"/>
/// is the model's own figures by name, when it gives them. <see cref="Failure"/> is set when the evaluation itself
/// failed (a crash, a timeout, output that is not the protocol): such a score is 0 and not passed. Both are left out
/// of JSON when null, so durable histories and result files of the built-in model keep their size and bytes.
/// </summary>
public sealed record EvaluationScore(
    double TotalScore,
    int NPass,
    int NWarn,
    int NFail,
    string? Note = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, double>? Metrics = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] EvaluationFailure? Failure = null)
{
    [JsonIgnore]
    public bool Passed => NFail == 0 && Failure is null;

    /// <summary>A failed evaluation as the sweep ranks it: score 0, not passed, the reason as its note.</summary>
    public static EvaluationScore Failed(EvaluationFailure failure) => new(0, 0, 0, 1, $"evaluation failed ({failure.Kind}): {failure.Reason}", Failure: failure);
}

/// <summary>
/// Why an evaluation failed: <see cref="Kind"/> is one of <see cref="EvaluationFailure.Kinds"/>, <see cref="Reason"/>
/// says what happened in a sentence, <see cref="StderrTail"/> holds the last lines the model wrote to its log.
/// </summary>
public sealed record EvaluationFailure(string Kind, string Reason, string? StderrTail = null)
{
    public const string Crash = "crash";
    public const string Timeout = "timeout";
    public const string Garbage = "garbage";
    public const string WrongId = "wrong-id";
    public const string NotFinite = "nan";
    public const string Refused = "refused";

    public static readonly IReadOnlyList<string> Kinds = [Crash, Timeout, Garbage, WrongId, NotFinite, Refused];
}
