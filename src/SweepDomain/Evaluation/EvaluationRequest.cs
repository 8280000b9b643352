using SweepDomain.Parameters;

namespace SweepDomain.Evaluation;

/// <summary>One simulation-plus-validation run: <paramref name="Params"/> override the scenario's defaults.</summary>
public sealed record EvaluationRequest(string Scenario, ParamSet Params, int Seed, int Periods);
