namespace SweepDomain.Evaluation;

/// <summary>Which step of a stage a batch of evaluations serves; hosts use it for names, logs and progress.</summary>
public enum EvaluationPhase { Screening, Tier, CrossCheck }

/// <summary>
/// The sweep's only port to the outside: a batch of evaluation requests in, one score per request out, in the
/// same order. Implementations may run the batch in parallel or spread it over durable activities; the sweep
/// does not care which finished first.
/// </summary>
public interface IEvaluator
{
    /// <summary>Which model this evaluator runs; the memo keys scores by it and the report names it.</summary>
    EvaluatorIdentity Identity => EvaluatorIdentity.BuiltIn;

    Task<IReadOnlyList<EvaluationScore>> EvaluateAsync(IReadOnlyList<EvaluationRequest> requests, EvaluationPhase phase, CancellationToken cancellationToken);
}
