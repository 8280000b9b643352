namespace BamValidation.Numerics;

/// <summary>H12, the R² of a fitted distribution's CCDF against the empirical CCDF on log-log axes (validation.md §8).</summary>
public static class CcdfFit
{
    private const int MinPoints = 10;

    /// <summary>
    /// <paramref name="sorted"/> holds the data ascending and <paramref name="cdf"/> the fitted CDF at each point.
    /// Uses the points where the empirical CCDF <c>1 − i/n</c> (i from 1), the theoretical CCDF <c>1 − F</c> and
    /// the datum are positive and the theoretical CCDF is finite; then <c>1 − Σ(le − lt)² / Σ(le − mean le)²</c>
    /// with log10 of both. 0 with fewer than 10 points or a zero denominator.
    /// </summary>
    public static double RSquared(ReadOnlySpan<double> sorted, ReadOnlySpan<double> cdf)
    {
        int n = sorted.Length;
        int kept = 0;
        double sumLe = 0.0;
        for (int i = 0; i < n; i++)
        {
            if (Keep(sorted, cdf, i, n, out double le, out _))
            {
                kept++;
                sumLe += le;
            }
        }

        if (kept < MinPoints)
        {
            return 0.0;
        }

        double meanLe = sumLe / kept;
        double ssRes = 0.0, ssTot = 0.0;
        for (int i = 0; i < n; i++)
        {
            if (Keep(sorted, cdf, i, n, out double le, out double lt))
            {
                ssRes += (le - lt) * (le - lt);
                ssTot += (le - meanLe) * (le - meanLe);
            }
        }

        return ssTot == 0.0 ? 0.0 : 1.0 - ssRes / ssTot;
    }

    private static bool Keep(ReadOnlySpan<double> sorted, ReadOnlySpan<double> cdf, int i, int n, out double logEmpirical, out double logTheoretical)
    {
        double empirical = 1.0 - (i + 1.0) / n;
        double theoretical = 1.0 - cdf[i];
        bool keep = empirical > 0.0 && theoretical > 0.0 && sorted[i] > 0.0 && double.IsFinite(theoretical);
        logEmpirical = keep ? Math.Log10(empirical) : 0.0;
        logTheoretical = keep ? Math.Log10(theoretical) : 0.0;
        return keep;
    }
}
