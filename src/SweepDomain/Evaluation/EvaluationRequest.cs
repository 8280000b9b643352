using SweepDomain.Parameters;

namespace SweepDomain.Evaluation;

/// <summary>One simulation-plus-validation run: <paramref name="Params"/> override the scenario's defaults.</summary>
// WARNING: stored in durable histories (inside activity inputs). Add members only at the end, with defaults.
public sealed record EvaluationRequest(string Scenario, ParamSet Params, int Seed, int Periods);
