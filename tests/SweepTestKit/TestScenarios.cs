using SweepDomain.Evaluation;
using SweepDomain.Parameters;

namespace SweepTestKit;

/// <summary>
/// Deterministic scenarios for tests only (never registered in a shipped app). <c>quadratic</c> scores a config by
/// how close <c>x</c> is to 0.3 and <c>n</c> to 4, with a small seed-dependent wobble; a seed fails when the score
/// is below <see cref="FailBelow"/>. <c>other</c> is the same with its optimum at x = 0.7, for cross-scenario checks.
/// <c>noisy</c> is <c>quadratic</c> with noise that differs from config to config on the same seed, so candidates'
/// paired differences vary from seed to seed as a real model's do (for racing and significance tests).
/// </summary>
public static class TestScenarios
{
    public const string Quadratic = "quadratic";
    public const string Other = "other";
    public const string Noisy = "noisy";
    public const double FailBelow = 0.5;

    /// <summary>The fewest periods every test scenario says its metrics need: tests run 10 or more, so only a test meaning to be warned goes below.</summary>
    public const int MinimumPeriods = 5;

    public static ScenarioSchema Schema(string scenario) => new(scenario,
    [
        new ParameterSpec("x", ParamType.Float, 0.5, 0, 1, "A float knob."),
        new ParameterSpec("n", ParamType.Int, 2, 1, 10, "An integer knob."),
        new ParameterSpec("mode", ParamType.Choice, "plain", null, null, "A choice.", ["plain", "fancy"]),
    ]) { MinimumPeriods = MinimumPeriods };

    public static readonly IScenarioCatalog Catalog = new TestCatalog();

    /// <summary>The score of a config on a seed: 1 − (x − x*)² − 0.01·(n − 4)² + wobble(seed), wobble in [−0.02, 0.02].</summary>
    public static EvaluationScore Score(EvaluationRequest r)
    {
        double optimum = r.Scenario == Other ? 0.7 : 0.3;
        double x = r.Params.TryGet("x", out var xv) ? xv.AsDouble : 0.5;
        long n = r.Params.TryGet("n", out var nv) ? nv.AsInt : 2;
        double wobble = r.Scenario == Noisy ? Noise(r.Seed, x, n) : ((r.Seed * 7919 + 13) % 41 - 20) / 1000.0;
        double total = 1 - (x - optimum) * (x - optimum) - 0.01 * (n - 4) * (n - 4) + wobble;
        int fails = total < FailBelow ? 1 : 0;
        return new EvaluationScore(total, 10 - fails, 0, fails);
    }

    /// <summary>
    /// A deterministic value in [−0.05, 0.05], uniform in steps of 0.0001, from the seed and the config: a SplitMix64
    /// finaliser over the three, so neighbouring seeds and configs get unrelated values.
    /// </summary>
    public static double Noise(int seed, double x, long n)
    {
        ulong z = (ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)Math.Round(x * 1000) * 0xBF58476D1CE4E5B9UL ^ (ulong)n * 0x94D049BB133111EBUL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return ((long)(z % 1001) - 500) / 10000.0;
    }

    private sealed class TestCatalog : IScenarioCatalog
    {
        public IReadOnlyList<string> Names { get; } = [Quadratic, Other, Noisy];

        public ScenarioSchema? Find(string scenario) => Names.Contains(scenario) ? Schema(scenario) : null;
    }
}

/// <summary>Scores requests with <see cref="TestScenarios.Score"/> and remembers every request it saw.</summary>
public sealed class RecordingEvaluator : IEvaluator, IScenarioEvaluator
{
    private readonly List<EvaluationRequest> _seen = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<EvaluationRequest> Seen
    {
        get
        {
            lock (_gate)
            {
                return _seen.ToList();
            }
        }
    }

    public int Batches { get; private set; }

    public EvaluationScore Evaluate(EvaluationRequest request)
    {
        lock (_gate)
        {
            _seen.Add(request);
        }

        return TestScenarios.Score(request);
    }

    public Task<IReadOnlyList<EvaluationScore>> EvaluateAsync(IReadOnlyList<EvaluationRequest> requests, EvaluationPhase phase, CancellationToken cancellationToken)
    {
        Batches++;
        return Task.FromResult<IReadOnlyList<EvaluationScore>>(requests.Select(Evaluate).ToList());
    }
}
