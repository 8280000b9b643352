using System.Text.Json.Serialization;
using SweepDomain.Evaluation;
using SweepDomain.Parameters;
using SweepDomain.Sweep;

namespace SweepFunctions.Scores;

/// <summary>Seeds <see cref="First"/> to <see cref="First"/> + <see cref="Count"/> − 1.</summary>
public sealed record SeedRun(int First, int Count);

/// <summary>
/// One config of one scenario and the seeds it is evaluated on, in order: evaluations written compactly, each config
/// once with runs of seeds, in the order of the requests (consecutive requests of the same config and consecutive seeds
/// share one entry). What activity inputs and outputs, and the score blobs, carry instead of one full request per
/// evaluation.
/// </summary>
public sealed record ConfigSeeds(string Scenario, ParamSet Params, IReadOnlyList<SeedRun> Seeds)
{
    public IEnumerable<int> SeedIds => Seeds.SelectMany(r => Enumerable.Range(r.First, r.Count));

    /// <summary>The requests as configs with seed runs; <see cref="Expand"/> gives them back in the same order.</summary>
    public static IReadOnlyList<ConfigSeeds> Of(IEnumerable<EvaluationRequest> requests)
    {
        var configs = new List<ConfigSeeds>();
        var runs = new List<SeedRun>();
        EvaluationRequest? previous = null;
        foreach (var r in requests)
        {
            bool sameConfig = previous is not null && previous.Scenario == r.Scenario && previous.Params.Equals(r.Params);
            if (!sameConfig)
            {
                runs = [];
                configs.Add(new ConfigSeeds(r.Scenario, r.Params, runs));
            }

            if (sameConfig && runs[^1] is var last && last.First + last.Count == r.Seed)
            {
                runs[^1] = last with { Count = last.Count + 1 };
            }
            else
            {
                runs.Add(new SeedRun(r.Seed, 1));
            }

            previous = r;
        }

        return configs;
    }

    public static IEnumerable<EvaluationRequest> Expand(IEnumerable<ConfigSeeds> configs, int periods) =>
        configs.SelectMany(c => c.SeedIds.Select(seed => new EvaluationRequest(c.Scenario, c.Params, seed, periods)));
}

/// <summary>
/// Scores in columns: <c>Total[i]</c>, <c>Pass[i]</c>, <c>Warn[i]</c> and <c>Fail[i]</c> belong to evaluation i, and
/// the few notes, failures (with their reasons) and metrics (a user's model may return them) are held by position.
/// About a third of the size of a list of score objects. Failures and metrics are optional, so scores written before
/// they were carried still read.
/// </summary>
public sealed record ScoreColumns(
    IReadOnlyList<double> Total,
    IReadOnlyList<int> Pass,
    IReadOnlyList<int> Warn,
    IReadOnlyList<int> Fail,
    IReadOnlyDictionary<int, string>? Notes = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<int, EvaluationFailure>? Failures = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<int, IReadOnlyDictionary<string, double>>? Metrics = null)
{
    public int Count => Total.Count;

    public EvaluationScore this[int i] =>
        new(Total[i], Pass[i], Warn[i], Fail[i], Notes?.GetValueOrDefault(i), Metrics?.GetValueOrDefault(i), Failures?.GetValueOrDefault(i));

    public IEnumerable<EvaluationScore> All => Enumerable.Range(0, Count).Select(i => this[i]);

    public static ScoreColumns From(IReadOnlyList<EvaluationScore> scores)
    {
        return new ScoreColumns(
            scores.Select(s => s.TotalScore).ToArray(),
            scores.Select(s => s.NPass).ToArray(),
            scores.Select(s => s.NWarn).ToArray(),
            scores.Select(s => s.NFail).ToArray(),
            ByPosition(scores, s => s.Note),
            ByPosition(scores, s => s.Failure),
            ByPosition(scores, s => s.Metrics));
    }

    private static Dictionary<int, T>? ByPosition<T>(IReadOnlyList<EvaluationScore> scores, Func<EvaluationScore, T?> value) where T : class
    {
        var held = scores.Select((s, i) => (Value: value(s), i)).Where(x => x.Value is not null).ToDictionary(x => x.i, x => x.Value!);
        return held.Count == 0 ? null : held;
    }
}

/// <summary>Evaluations and their scores in the compact form: a score blob, or earlier scores handed to a stage.</summary>
public sealed record ScoreSheet(int Periods, IReadOnlyList<ConfigSeeds> Configs, ScoreColumns Scores)
{
    /// <summary>Evaluations with their scores, as configs and columns.</summary>
    public static ScoreSheet From(IReadOnlyList<ScoredRequest> scored, int periods) =>
        new(periods, ConfigSeeds.Of(scored.Select(s => s.Request)), ScoreColumns.From(scored.Select(s => s.Score).ToList()));

    public IReadOnlyList<ScoredRequest> Expand() =>
        ConfigSeeds.Expand(Configs, Periods).Select((r, i) => new ScoredRequest(r, Scores[i])).ToList();
}
