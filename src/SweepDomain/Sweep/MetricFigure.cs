using SweepDomain.Evaluation;
using SweepDomain.Selection;

namespace SweepDomain.Sweep;

/// <summary>
/// One of the model's own metrics (<see cref="EvaluationScore.Metrics"/>) over a candidate's seeds: the mean of the
/// <see cref="N"/> seeds that gave it, and their sample standard deviation (0 for one seed).
/// </summary>
public sealed record MetricFigure(string Name, int N, double Mean, double Sd)
{
    /// <summary>Each metric any of <paramref name="seeds"/> gave, by name in ordinal order; null when none gave one.</summary>
    public static IReadOnlyList<MetricFigure>? Of(IEnumerable<EvaluationScore> seeds)
    {
        var values = new SortedDictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var metrics in seeds.Select(s => s.Metrics).OfType<IReadOnlyDictionary<string, double>>())
        {
            foreach (var (name, value) in metrics)
            {
                if (!values.TryGetValue(name, out var list))
                {
                    values[name] = list = [];
                }

                list.Add(value);
            }
        }

        return values.Count == 0
            ? null
            : values.Select(m => new MetricFigure(m.Key, m.Value.Count, SeedStatistics.Mean(m.Value), SeedStatistics.SampleStd(m.Value))).ToList();
    }
}
