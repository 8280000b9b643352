using System.Globalization;
using SweepDomain.Evidence;
using SweepDomain.Parameters;
using SweepDomain.Stages;

namespace SweepDomain.Sweep;

/// <summary>
/// What each parameter of a stage does, from the screening scores (seed 0) of the candidates its design drew (the
/// incumbent, when it was added after them, is left out): the importance ranking, each parameter's main effect, and a
/// heatmap of the two that matter most.
/// <para>
/// Importance is the <b>first-order variance share</b> estimated by a binned one-way ANOVA (the correlation ratio η²,
/// a first-order Sobol index estimate): the candidates are grouped by the parameter's value (each listed value, or
/// for a range up to <see cref="MaxBins"/> equal-width bins of its unit scale), and the share is the between-group sum
/// of squares over the total. It is an <b>estimate</b>: on one seed's scores the noise adds to every share, about
/// <see cref="ParameterImportance.NoiseFloor"/> (the share a parameter with no effect would get on average, (bins − 1)
/// / (n − 1)), and interactions are not counted, so the shares need not add up to 1.
/// </para>
/// </summary>
public sealed record ParameterEffects(
    string Method,
    int Candidates,
    IReadOnlyList<ParameterImportance> Importance,
    IReadOnlyList<MainEffect> MainEffects,
    EffectHeatmap? Heatmap)
{
    public const string MethodText = "first-order variance share, binned one-way ANOVA (eta squared) on the screening scores; an estimate";
    public const int MaxBins = 8;
    public const int HeatmapBins = 6;

    /// <summary>The effects in <paramref name="candidates"/> of <paramref name="stage"/>, or null when fewer than 3 were drawn.</summary>
    public static ParameterEffects? Of(StageSpec stage, IReadOnlyList<CandidateReport> candidates)
    {
        var drawn = candidates.Where(c => c.Index < stage.CombinationCount && double.IsFinite(c.ScreeningScore)).ToList();
        if (drawn.Count < 3)
        {
            return null;
        }

        var scores = drawn.Select(c => c.ScreeningScore).ToArray();
        var axes = stage.Grid.Select(a => Axis.Listed(a, drawn))
            .Concat(stage.Design?.Ranges.Select(r => Axis.Ranged(r, drawn, MaxBins)) ?? [])
            .ToList();
        var importance = axes
            .Select(a => new ParameterImportance(a.Name, Share(a.Groups, scores), a.Labels.Count, (a.Labels.Count - 1.0) / (drawn.Count - 1)))
            .OrderByDescending(i => i.Share)
            .ThenBy(i => i.Name, StringComparer.Ordinal)
            .ToList();
        var effects = axes.Select(a => new MainEffect(a.Name, a.Labels.Select((label, g) => Level(label, a.Groups, g, scores)).ToList())).ToList();
        EffectHeatmap? heatmap = null;
        if (importance.Count >= 2)
        {
            var x = HeatAxis(stage, importance[0].Name, drawn);
            var y = HeatAxis(stage, importance[1].Name, drawn);
            heatmap = new EffectHeatmap(x.Name, y.Name, x.Labels, y.Labels, Cells(x, y, scores));
        }

        return new ParameterEffects(MethodText, drawn.Count, importance, effects, heatmap);
    }

    /// <summary>Between-group sum of squares over the total; 0 when the scores do not vary.</summary>
    public static double Share(IReadOnlyList<int> groups, IReadOnlyList<double> scores)
    {
        double mean = scores.Average();
        double total = scores.Sum(s => (s - mean) * (s - mean));
        if (total <= 0)
        {
            return 0;
        }

        double between = groups.Select((g, i) => (g, s: scores[i])).GroupBy(x => x.g)
            .Sum(grp => grp.Count() * Math.Pow(grp.Average(x => x.s) - mean, 2));
        return Math.Clamp(between / total, 0, 1);
    }

    private static EffectLevel Level(string label, IReadOnlyList<int> groups, int g, double[] scores)
    {
        var values = scores.Where((_, i) => groups[i] == g).ToArray();
        var t = TTest.OneSample(values);
        return new EffectLevel(label, values.Length, values.Length == 0 ? null : t.Mean, t.CiLow, t.CiHigh);
    }

    private static Axis HeatAxis(StageSpec stage, string name, IReadOnlyList<CandidateReport> drawn) =>
        stage.Grid.FirstOrDefault(a => a.Name == name) is { } listed
            ? Axis.Listed(listed, drawn)
            : Axis.Ranged(stage.Design!.Ranges.First(r => r.Name == name), drawn, HeatmapBins);

    private static IReadOnlyList<IReadOnlyList<double?>> Cells(Axis x, Axis y, double[] scores) =>
        y.Labels.Select((_, yi) => (IReadOnlyList<double?>)x.Labels.Select((_, xi) =>
        {
            var inCell = scores.Where((_, i) => x.Groups[i] == xi && y.Groups[i] == yi).ToArray();
            return inCell.Length == 0 ? (double?)null : inCell.Average();
        }).ToList()).ToList();

    /// <summary>One parameter's grouping of the candidates: <see cref="Groups"/>[i] is candidate i's group, <see cref="Labels"/> name the groups.</summary>
    private sealed record Axis(string Name, IReadOnlyList<string> Labels, IReadOnlyList<int> Groups)
    {
        public static Axis Listed(GridAxis axis, IReadOnlyList<CandidateReport> drawn)
        {
            var labels = axis.Values.Select(v => v.ToString()).ToList();
            return new Axis(axis.Name, labels, drawn.Select(c => c.Params.TryGet(axis.Name, out var v) ? labels.IndexOf(v.ToString()) : -1).ToList());
        }

        /// <summary>Equal-width bins of the range's unit scale; an integer range with few values gets one group per value.</summary>
        public static Axis Ranged(RangeAxis range, IReadOnlyList<CandidateReport> drawn, int maxBins)
        {
            if (range.Integer && range.Max - range.Min + 1 <= maxBins)
            {
                var ints = Enumerable.Range((int)range.Min, (int)(range.Max - range.Min) + 1).ToList();
                return new Axis(range.Name, ints.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList(),
                    drawn.Select(c => ints.IndexOf((int)Value(c, range))).ToList());
            }

            int bins = Math.Clamp(drawn.Count / 8, 2, maxBins);
            var labels = Enumerable.Range(0, bins).Select(b => range.Integer
                ? $"{Math.Ceiling(Edge(range, (double)b / bins) - 0.5)}..{Math.Ceiling(Edge(range, (b + 1.0) / bins) - 0.5) - 1}"   // the integers v with v + 0.5 in the bin
                : $"{Fmt(Edge(range, (double)b / bins))}..{Fmt(Edge(range, (b + 1.0) / bins))}").ToList();
            return new Axis(range.Name, labels, drawn.Select(c => Math.Min(bins - 1, (int)(range.Unit(Value(c, range)) * bins))).ToList());
        }

        private static double Value(CandidateReport c, RangeAxis range) => c.Params.TryGet(range.Name, out var v) ? v.AsDouble : range.Min;

        private static double Edge(RangeAxis range, double u) => range.Scale == RangeScale.Log
            ? Math.Exp(Math.Log(range.Min) + u * (Math.Log(range.Integer ? range.Max + 1 : range.Max) - Math.Log(range.Min)))
            : range.Min + u * ((range.Integer ? range.Max + 1 : range.Max) - range.Min);

        private static string Fmt(double x) => x.ToString("G3", CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// One parameter's estimated first-order variance share (<see cref="ParameterEffects"/>), from <paramref name="Groups"/>
/// groups; <paramref name="NoiseFloor"/> is what a parameter with no effect would get on average.
/// </summary>
public sealed record ParameterImportance(string Name, double Share, int Groups, double NoiseFloor);

/// <summary>A parameter's mean screening score at each of its values (or bins), with its 95 % t interval.</summary>
public sealed record MainEffect(string Name, IReadOnlyList<EffectLevel> Levels);

/// <summary>One value or bin of a parameter: the candidates in it, their mean screening score and its 95 % interval (null below two).</summary>
public sealed record EffectLevel(string Value, int Count, double? Mean, double? CiLow, double? CiHigh);

/// <summary>The mean screening score over the two most important parameters: <see cref="Means"/>[y][x], null where no candidate fell.</summary>
public sealed record EffectHeatmap(string X, string Y, IReadOnlyList<string> XLabels, IReadOnlyList<string> YLabels, IReadOnlyList<IReadOnlyList<double?>> Means);
