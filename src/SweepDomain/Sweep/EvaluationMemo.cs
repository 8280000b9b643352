using SweepDomain.Evaluation;
using SweepDomain.Parameters;

namespace SweepDomain.Sweep;

/// <summary>
/// Evaluates each distinct (scenario, effective config, seed, periods) once per sweep, across tiers, stages and
/// the cross-scenario check (sweep-semantics §9 item 4). Configs are compared in their normal form (defaults filled
/// in, names sorted, ints of float parameters widened), so <c>{max_M: 4}</c> and <c>{}</c> share results.
/// Non-finite scores are recorded as a failed seed with score 0 (sweep-semantics §3.3). A host that runs the stages
/// apart (the durable orchestrator, one stage per execution) starts each stage's memo from the sweep's counts so far
/// and <see cref="Remember"/>s the scores earlier stages already have for the stage's candidates, so it asks for and
/// counts exactly what one memo across the whole sweep would. Every score is keyed by the evaluator's
/// <see cref="IEvaluator.Identity"/> too, so scores of two models never answer for each other, and each failed
/// evaluation is kept in <see cref="Failures"/> for the report.
/// </summary>
public sealed class EvaluationMemo(IEvaluator evaluator, IReadOnlyDictionary<string, ScenarioSchema> schemas, int requested = 0, int executed = 0)
{
    private readonly Dictionary<Key, EvaluationScore> _scores = [];
    private readonly List<FailedEvaluation> _failures = [];
    private readonly EvaluatorIdentity _identity = evaluator.Identity;

    /// <summary>Evaluations the sweep asked for, counting repeats.</summary>
    public int Requested { get; private set; } = requested;

    /// <summary>Evaluations actually run.</summary>
    public int Executed { get; private set; } = executed;

    /// <summary>The evaluations that failed, in the order their batches came back.</summary>
    public IReadOnlyList<FailedEvaluation> Failures => _failures;

    /// <summary>Records a score an earlier stage already has; later requests for it are answered without evaluating.</summary>
    public void Remember(EvaluationRequest request, EvaluationScore score) => _scores[KeyOf(request)] = Sanitise(score);

    public async Task<IReadOnlyList<EvaluationScore>> EvaluateAsync(IReadOnlyList<EvaluationRequest> requests, EvaluationPhase phase, CancellationToken cancellationToken)
    {
        var keys = requests.Select(KeyOf).ToList();
        var missing = new List<EvaluationRequest>();
        var missingKeys = new HashSet<Key>();
        for (int i = 0; i < requests.Count; i++)
        {
            if (!_scores.ContainsKey(keys[i]) && missingKeys.Add(keys[i]))
            {
                missing.Add(requests[i]);
            }
        }

        if (missing.Count > 0)
        {
            var scores = await evaluator.EvaluateAsync(missing, phase, cancellationToken);
            if (scores.Count != missing.Count)
            {
                throw new InvalidOperationException($"The evaluator returned {scores.Count} scores for {missing.Count} requests.");
            }

            for (int i = 0; i < missing.Count; i++)
            {
                _scores[KeyOf(missing[i])] = Sanitise(scores[i]);
                if (scores[i].Failure is { } failure)
                {
                    _failures.Add(FailedEvaluation.Of(missing[i], failure));
                }
            }
        }

        Requested += requests.Count;
        Executed += missing.Count;
        return keys.Select(k => _scores[k]).ToList();
    }

    /// <summary>
    /// A non-finite score as the sweep records it: score 0 and failed, with a note. Hosts whose transport is JSON
    /// (durable activity outputs) apply it before sending, since JSON has no NaN; applying it twice changes nothing.
    /// </summary>
    public static EvaluationScore Sanitise(EvaluationScore score) => double.IsFinite(score.TotalScore)
        ? score
        : score with { TotalScore = 0, NFail = Math.Max(1, score.NFail), Note = score.Note ?? "non-finite total score, counted as 0 and failed" };

    private Key KeyOf(EvaluationRequest r)
    {
        var normal = schemas.TryGetValue(r.Scenario, out var schema) ? schema.Normalise(r.Params) : r.Params;
        return new Key(_identity, r.Scenario, normal, r.Seed, r.Periods);
    }

    private readonly record struct Key(EvaluatorIdentity Evaluator, string Scenario, ParamSet Params, int Seed, int Periods);
}

/// <summary>One evaluation that failed: what was asked, and why it failed.</summary>
public sealed record FailedEvaluation(string Scenario, ParamSet Params, int Seed, int Periods, EvaluationFailure Failure)
{
    public static FailedEvaluation Of(EvaluationRequest request, EvaluationFailure failure) =>
        new(request.Scenario, request.Params, request.Seed, request.Periods, failure);

    /// <summary>The failed ones among scored evaluations, in their order.</summary>
    public static IEnumerable<FailedEvaluation> Among(IEnumerable<ScoredRequest> scored) =>
        scored.Where(s => s.Score.Failure is not null).Select(s => Of(s.Request, s.Score.Failure!));
}
