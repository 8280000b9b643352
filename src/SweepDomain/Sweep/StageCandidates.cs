using System.Collections.Immutable;
using SweepDomain.Designs;
using SweepDomain.Evaluation;
using SweepDomain.Parameters;
using SweepDomain.Stages;

namespace SweepDomain.Sweep;

/// <summary>The candidates of one stage: the grid's combinations, and the incumbent (sweep-semantics §3.1, §9 item 1).</summary>
public static class StageCandidates
{
    /// <summary>
    /// Grid combinations over <paramref name="stage"/>, with every other entry of <paramref name="currentBase"/>
    /// held fixed. The incumbent is the current base with the stage's parameters at their current values (or the
    /// scenario defaults); when a combination already equals it, that combination is flagged, otherwise it is
    /// appended as one extra candidate with the next index.
    /// </summary>
    /// <remarks>
    /// A stage over ranges (<see cref="StageSpec.Design"/>) draws, in each cell of its listed values, the design's
    /// scrambled Sobol points over its ranges (the same points in every cell, so cells compare on equal terms); a point
    /// that repeats an earlier candidate (integer ranges can) is skipped. The incumbent, when added, takes the index
    /// <see cref="StageSpec.CombinationCount"/>, after every index the design could use, adaptive ones included.
    /// </remarks>
    public static IReadOnlyList<Candidate> Build(StageSpec stage, ParamSet currentBase, ScenarioSchema schema)
    {
        var names = stage.ParameterNames.ToList();
        var fixedParams = currentBase.Without(names);
        var combinations = stage.Design is { } design ? Drawn(stage, design, fixedParams, schema) : Grid.Combinations(stage.Grid, fixedParams);
        var incumbent = Incumbent(names, currentBase, fixedParams, schema);
        var incumbentForm = schema.Normalise(incumbent);

        var candidates = combinations
            .Select((p, i) => new Candidate(i, p, schema.Normalise(p).Equals(incumbentForm), ImmutableArray<EvaluationScore>.Empty))
            .ToList();
        if (!candidates.Exists(c => c.IsIncumbent))
        {
            candidates.Add(new Candidate((int)Math.Min(stage.CombinationCount, int.MaxValue), incumbent, true, ImmutableArray<EvaluationScore>.Empty));
        }

        return candidates;
    }

    /// <summary>The scrambled Sobol sequence of <paramref name="stage"/>: seeded by the stage's text, so a sweep draws the same points on every host and replay.</summary>
    public static Sobol SobolOf(StageSpec stage) =>
        Sobol.Scrambled(stage.Design!.Ranges.Count, new DesignRandom(DesignRandom.SeedOf(stage.Source, "sobol")));

    private static List<ParamSet> Drawn(StageSpec stage, StageDesign design, ParamSet fixedParams, ScenarioSchema schema)
    {
        var sobol = SobolOf(stage);
        var points = Enumerable.Range(0, design.Points).Select(sobol.Point).ToList();
        var seen = new HashSet<ParamSet>();
        var result = new List<ParamSet>();
        foreach (var cell in Grid.Combinations(stage.Grid, fixedParams))
        {
            foreach (var u in points)
            {
                var p = At(cell, design.Ranges, u);
                if (seen.Add(schema.Normalise(p)))
                {
                    result.Add(p);
                }
            }
        }

        return result;
    }

    /// <summary><paramref name="cell"/> with each range set to its value at the unit coordinate <paramref name="u"/>.</summary>
    public static ParamSet At(ParamSet cell, IReadOnlyList<RangeAxis> ranges, IReadOnlyList<double> u)
    {
        var p = cell;
        for (int d = 0; d < ranges.Count; d++)
        {
            p = p.With(ranges[d].Name, ranges[d].At(u[d]));
        }

        return p;
    }

    private static ParamSet Incumbent(List<string> names, ParamSet currentBase, ParamSet fixedParams, ScenarioSchema schema)
    {
        var incumbent = fixedParams;
        foreach (string name in names)
        {
            var value = currentBase.TryGet(name, out var v) ? v : schema.Find(name)!.Default;
            incumbent = incumbent.With(name, value);
        }

        return incumbent;
    }
}
