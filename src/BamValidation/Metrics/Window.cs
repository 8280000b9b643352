namespace BamValidation.Metrics;

/// <summary>
/// The post-burn-in windows of validation.md §2: periods <c>B..T−1</c> of a level series, and elements
/// <c>B−1..T−2</c> of a growth series (so both have <c>T − B</c> values and line up period by period). Empty when
/// the run recorded no more than B periods.
/// </summary>
internal readonly record struct Window(int T, int BurnIn)
{
    public int Length => Math.Max(0, T - BurnIn);

    public ReadOnlySpan<double> Level(double[] series) => series.AsSpan(Math.Min(BurnIn, T), Length);

    public ReadOnlySpan<double> Growth(double[] series) => Length == 0 ? [] : series.AsSpan(BurnIn - 1, Length);
}
