using SweepDomain.Evaluation;
using SweepDomain.Parameters;

namespace SweepDomain.Sweep;

/// <summary>
/// The evaluations of one stage that failed (a crash, a timeout, output that is not the protocol...): <see cref="Failed"/>
/// of the <see cref="Evaluations"/> the stage ran, grouped by reason, most frequent first. Each counts as score 0 and
/// not passed; the report's <see cref="Results.SweepReport.Failures"/> lists every one with its full stderr tail.
/// </summary>
public sealed record StageFailures(int Failed, int Evaluations, IReadOnlyList<FailureReason> Reasons)
{
    /// <summary>The most characters of stderr a reason keeps: its last lines, cut at the front.</summary>
    public const int StderrChars = 240;

    /// <summary>The most lines of stderr a reason keeps.</summary>
    public const int StderrLines = 3;

    /// <summary><paramref name="failed"/> of <paramref name="evaluations"/> grouped by kind and reason; null when none failed.</summary>
    public static StageFailures? Of(IReadOnlyList<FailedEvaluation> failed, int evaluations) => failed.Count == 0
        ? null
        : new StageFailures(failed.Count, evaluations, failed
            .GroupBy(f => (f.Failure.Kind, f.Failure.Reason))
            .Select(g => new FailureReason(g.Key.Kind, g.Key.Reason, g.Count(), g.First().Scenario, g.First().Params, g.First().Seed, Shorten(g.First().Failure.StderrTail)))
            .OrderByDescending(r => r.Count)
            .ToList());

    /// <summary>The last <see cref="StderrLines"/> non-blank lines, at most <see cref="StderrChars"/> characters (an ellipsis marks a cut).</summary>
    public static string? Shorten(string? stderr)
    {
        var lines = (stderr ?? "").Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).TakeLast(StderrLines).ToList();
        if (lines.Count == 0)
        {
            return null;
        }

        string tail = string.Join("\n", lines);
        return tail.Length <= StderrChars ? tail : "…" + tail[^(StderrChars - 1)..];
    }
}

/// <summary>
/// Failures of one <see cref="Kind"/> (<see cref="EvaluationFailure.Kinds"/>) with the same <see cref="Reason"/>: how
/// many, the first one's scenario, candidate and seed, and the end of what the model wrote to stderr then.
/// </summary>
public sealed record FailureReason(string Kind, string Reason, int Count, string ExampleScenario, ParamSet ExampleParams, int ExampleSeed, string? StderrTail);
