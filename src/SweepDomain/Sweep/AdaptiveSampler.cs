using System.Collections.Immutable;
using SweepDomain.Designs;
using SweepDomain.Evaluation;
using SweepDomain.Parameters;
using SweepDomain.Stages;

namespace SweepDomain.Sweep;

/// <summary>
/// The adaptive part of a stage over ranges: a best-batch perturbation sampler, after black-it's <c>BestBatchSampler</c>
/// (Benedetti et al. 2022), chosen in docs/decisions.md. After the Sobol points are screened, it runs rounds of
/// <see cref="BatchSize"/> new candidates until <see cref="StageDesign.Adaptive"/> are drawn: each round takes the
/// best quarter of the batch size among everything screened so far (by the seed-0 score, as screening ranks them),
/// and draws each new candidate around one of them, in turn, by adding a normal step to every ranged coordinate in the
/// unit cube (sd <see cref="FirstStep"/>, shrinking by <see cref="StepShrink"/> each round, reflected at the edges).
/// Listed values stay those of the parent's cell. The steps come from a <see cref="DesignRandom"/> seeded by the
/// stage's text and the round, and the parents from the screening scores, so the sampler is deterministic under
/// replay. A draw that repeats a candidate is redrawn up to <see cref="Retries"/> times, then skipped, so a stage draws
/// at most <see cref="StageDesign.Adaptive"/> more, the figure <see cref="SweepCost"/> counts.
/// </summary>
public static class AdaptiveSampler
{
    public const double FirstStep = 0.15;
    public const double StepShrink = 0.6;
    public const int Retries = 8;

    /// <summary>New candidates per round: a quarter of the Sobol points, at least 4, at most what is left.</summary>
    public static int BatchSize(StageDesign design) => Math.Max(4, design.Points / 4);

    /// <summary>The rounds a design plans: as many batches as it takes to draw its adaptive candidates.</summary>
    public static int Rounds(StageDesign design) => design.Adaptive <= 0 ? 0 : (design.Adaptive + BatchSize(design) - 1) / BatchSize(design);

    /// <summary>
    /// Screens the adaptive rounds of <paramref name="stage"/> after <paramref name="screened"/> (best first) and
    /// returns every screened candidate, best first as <see cref="Screening"/> orders them. <paramref name="onRound"/>,
    /// if given, hears of each round before it is screened, with the candidates it asks for.
    /// </summary>
    public static async Task<IReadOnlyList<Candidate>> RunAsync(
        IReadOnlyList<Candidate> screened, StageSpec stage, SweepPlan plan, EvaluationMemo memo, CancellationToken cancellationToken,
        Func<AdaptiveRound, int, Task>? onRound = null)
    {
        var design = stage.Design;
        if (design is not { Adaptive: > 0 })
        {
            return screened;
        }

        var all = screened.ToList();
        var seen = all.Select(c => plan.Schema.Normalise(c.Params)).ToHashSet();
        int nextIndex = (int)Math.Min(SweepCost.Multiply(stage.Cells, design.Points), int.MaxValue);
        int drawn = 0;
        for (int round = 0; drawn < design.Adaptive; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = Round(all, stage, design, round, Math.Min(BatchSize(design), design.Adaptive - drawn), seen, plan.Schema)
                .Select((p, i) => new Candidate(nextIndex + i, p, false, ImmutableArray<EvaluationScore>.Empty))
                .ToList();
            drawn += BatchSize(design);
            nextIndex += batch.Count;
            if (batch.Count > 0)
            {
                if (onRound is not null)
                {
                    await onRound(new AdaptiveRound(round + 1, Rounds(design)), batch.Count);
                }

                all.AddRange(await Screening.RunAsync(batch, plan, memo, cancellationToken));
            }

            all = all.OrderByDescending(c => c.Screening.TotalScore).ThenBy(c => c.Index).ToList();
        }

        return all;
    }

    /// <summary>The parameter sets of one round: up to <paramref name="size"/> new ones around the best screened so far.</summary>
    public static IReadOnlyList<ParamSet> Round(IReadOnlyList<Candidate> rankedSoFar, StageSpec stage, StageDesign design, int round, int size, HashSet<ParamSet> seen, ScenarioSchema schema)
    {
        long drawnIndices = SweepCost.Multiply(stage.Cells, design.Points) + design.Adaptive;
        var parents = rankedSoFar.Where(c => c.Index < drawnIndices).Take(Math.Max(1, (size + 3) / 4)).ToList();
        var result = new List<ParamSet>();
        if (parents.Count == 0)
        {
            return result;
        }

        var random = new DesignRandom(DesignRandom.SeedOf(stage.Source, $"adaptive round {round}"));
        double step = FirstStep * Math.Pow(StepShrink, round);
        for (int k = 0; k < size; k++)
        {
            var parent = parents[k % parents.Count].Params;
            var origin = design.Ranges.Select(r => r.Unit(parent.TryGet(r.Name, out var v) ? v.AsDouble : r.Min)).ToArray();
            for (int attempt = 0; attempt <= Retries; attempt++)
            {
                var u = origin.Select(x => Reflect(x + step * random.NextGaussian())).ToArray();
                var child = StageCandidates.At(parent, design.Ranges, u);
                if (seen.Add(schema.Normalise(child)))
                {
                    result.Add(child);
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>Folds <paramref name="x"/> back into [0, 1) at both edges.</summary>
    private static double Reflect(double x)
    {
        x = Math.Abs(x) % 2.0;
        return Math.Min(x > 1.0 ? 2.0 - x : x, Math.BitDecrement(1.0));
    }
}
