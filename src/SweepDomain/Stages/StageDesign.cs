namespace SweepDomain.Stages;

/// <summary>
/// How a stage with ranges draws its candidates, written <c>LABEL[sobol N]</c> or <c>LABEL[sobol N, adaptive M]</c>
/// before the colon: <see cref="Points"/> scrambled Sobol points over <see cref="Ranges"/> in each cell of the stage's
/// listed values (one cell when it lists none), then up to <see cref="Adaptive"/> more candidates drawn around the
/// best screened ones (<see cref="Sweep.AdaptiveSampler"/>).
/// </summary>
public sealed record StageDesign(int Points, int Adaptive, IReadOnlyList<RangeAxis> Ranges)
{
    public const string SobolWord = "sobol";
    public const string AdaptiveWord = "adaptive";

    /// <summary>The most candidates the design draws over <paramref name="cells"/> cells of listed values.</summary>
    public long Candidates(long cells) => Sweep.SweepCost.Add(Sweep.SweepCost.Multiply(cells, Points), Adaptive);

    /// <summary>The bracket as the stage syntax writes it: <c>[sobol 64, adaptive 32]</c>.</summary>
    public string Bracket => $"[{SobolWord} {Points}" + (Adaptive > 0 ? $", {AdaptiveWord} {Adaptive}" : "") + "]";

    /// <summary>One line for the dry run and the pages, e.g. <c>scrambled Sobol, 64 points in each of 2 cells over beta=0.5..5, max_M=1..10; then up to 32 adaptive</c>.</summary>
    public string Describe(long cells) =>
        $"scrambled Sobol, {Points} points" + (cells > 1 ? $" in each of {cells} cells" : "") +
        $" over {string.Join(", ", Ranges)}" +
        (Adaptive > 0 ? $"; then up to {Adaptive} adaptive (best-batch perturbation)" : "");
}
