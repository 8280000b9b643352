using System.Collections.Immutable;
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
    public static IReadOnlyList<Candidate> Build(StageSpec stage, ParamSet currentBase, ScenarioSchema schema)
    {
        var names = stage.ParameterNames.ToList();
        var fixedParams = currentBase.Without(names);
        var combinations = Grid.Combinations(stage.Grid, fixedParams);
        var incumbent = Incumbent(names, currentBase, fixedParams, schema);
        var incumbentForm = schema.Normalise(incumbent);

        var candidates = combinations
            .Select((p, i) => new Candidate(i, p, schema.Normalise(p).Equals(incumbentForm), ImmutableArray<EvaluationScore>.Empty))
            .ToList();
        if (!candidates.Exists(c => c.IsIncumbent))
        {
            candidates.Add(new Candidate(combinations.Count, incumbent, true, ImmutableArray<EvaluationScore>.Empty));
        }

        return candidates;
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
