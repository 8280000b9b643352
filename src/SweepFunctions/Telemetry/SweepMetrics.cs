using System.Diagnostics;
using System.Diagnostics.Metrics;
using SweepDomain.Evaluation;

namespace SweepFunctions.Telemetry;

/// <summary>
/// The app's own instruments, on the meter <see cref="SweepTelemetry.Name"/>: every evaluation run by a batch activity
/// is counted (<see cref="Evaluations"/>) and timed (<see cref="EvaluationDuration"/>), tagged with its phase
/// (<c>screening</c>, <c>tier</c>, <c>cross-check</c>) and scenario; each batch's wall time goes to
/// <see cref="BatchDuration"/>. Evaluations per second are computed from the counter (its rate over a time window),
/// and evaluations per busy second from the counter and the batch durations; no gauge is kept.
/// </summary>
public sealed class SweepMetrics
{
    public const string Evaluations = "sweep.evaluations";
    public const string EvaluationDuration = "sweep.evaluation.duration";
    public const string BatchDuration = "sweep.batch.duration";

    public const string PhaseTag = "sweep.phase";
    public const string ScenarioTag = "sweep.scenario";

    private readonly Counter<long> _evaluations;
    private readonly Histogram<double> _evaluationSeconds;
    private readonly Histogram<double> _batchSeconds;

    public SweepMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(SweepTelemetry.Name, SweepTelemetry.Version);
        _evaluations = meter.CreateCounter<long>(Evaluations, "{evaluation}", "Evaluations run by the batch activities.");
        _evaluationSeconds = meter.CreateHistogram<double>(EvaluationDuration, "s", "Seconds one evaluation took (simulation and validation), on one core.");
        _batchSeconds = meter.CreateHistogram<double>(BatchDuration, "s", "Wall seconds of one batch activity's evaluations, run on all cores.");
    }

    /// <summary>The phase tag's value: <c>screening</c>, <c>tier</c> or <c>cross-check</c>.</summary>
    public static string PhaseName(EvaluationPhase phase) => phase switch
    {
        EvaluationPhase.Screening => "screening",
        EvaluationPhase.Tier => "tier",
        _ => "cross-check",
    };

    /// <summary><paramref name="evaluator"/>, with each evaluation it runs counted and timed under <paramref name="phase"/>.</summary>
    public IScenarioEvaluator Measure(IScenarioEvaluator evaluator, EvaluationPhase phase) => new MeasuredEvaluator(evaluator, this, PhaseName(phase));

    public void RecordBatch(EvaluationPhase phase, string scenario, double seconds) =>
        _batchSeconds.Record(seconds, new(PhaseTag, PhaseName(phase)), new(ScenarioTag, scenario));

    private sealed class MeasuredEvaluator(IScenarioEvaluator inner, SweepMetrics metrics, string phase) : IScenarioEvaluator
    {
        public EvaluationScore Evaluate(EvaluationRequest request)
        {
            long start = Stopwatch.GetTimestamp();
            var score = inner.Evaluate(request);
            var tags = new TagList { { PhaseTag, phase }, { ScenarioTag, request.Scenario } };
            metrics._evaluationSeconds.Record(Stopwatch.GetElapsedTime(start).TotalSeconds, tags);
            metrics._evaluations.Add(1, tags);
            return score;
        }
    }
}
