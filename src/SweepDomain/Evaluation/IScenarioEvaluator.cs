using SweepDomain.Parameters;

namespace SweepDomain.Evaluation;

/// <summary>
/// Runs one evaluation synchronously on the calling thread. Implementations hold no shared mutable state, so
/// different requests may run on different threads at once.
/// </summary>
public interface IScenarioEvaluator
{
    EvaluationScore Evaluate(EvaluationRequest request);
}
