namespace BamValidation.Numerics;

/// <summary>H7, how well growth rates follow a Laplace "tent" on a log-rank plot (validation.md §8).</summary>
public static class TentShape
{
    private const double TrimFraction = 0.10;

    /// <summary>
    /// The mean over the two sides (g &lt; 0 sorted ascending, g ≥ 0 sorted descending) of the R² of
    /// <c>ln r ≈ α·g + β</c>, after dropping the <c>max(1, ⌊0.1·n⌋)</c> most extreme points of each side (the rest
    /// keep their ranks). 0 with fewer than 20 finite values, fewer than 10 on a side, or no side recorded.
    /// <paramref name="scratch"/> needs the input's length.
    /// </summary>
    public static double RSquared(ReadOnlySpan<double> growth, Span<double> scratch)
    {
        int negatives = 0, finite = 0;
        for (int i = 0; i < growth.Length; i++)
        {
            double g = growth[i];
            if (double.IsFinite(g))
            {
                finite++;
                if (g < 0.0)
                {
                    negatives++;
                }
            }
        }

        int nonNegatives = finite - negatives;
        if (finite < 20 || negatives < 10 || nonNegatives < 10)
        {
            return 0.0;
        }

        // Negative side first (ascending), then the non-negative side.
        var neg = scratch[..negatives];
        var pos = scratch.Slice(negatives, nonNegatives);
        int ni = 0, pi = 0;
        for (int i = 0; i < growth.Length; i++)
        {
            double g = growth[i];
            if (!double.IsFinite(g))
            {
                continue;
            }

            if (g < 0.0)
            {
                neg[ni++] = g;
            }
            else
            {
                pos[pi++] = g;
            }
        }

        neg.Sort();
        pos.Sort();
        pos.Reverse();

        double sum = 0.0;
        int recorded = 0;
        foreach (double r2 in (ReadOnlySpan<double>)[SideRSquared(neg), SideRSquared(pos)])
        {
            if (!double.IsNaN(r2))
            {
                sum += r2;
                recorded++;
            }
        }

        return recorded == 0 ? 0.0 : sum / recorded;
    }

    /// <summary>R² of one side ordered most extreme first; NaN when the side is skipped or SS_tot is 0.</summary>
    private static double SideRSquared(ReadOnlySpan<double> side)
    {
        int n = side.Length;
        int trim = Math.Max(1, (int)Math.Floor(TrimFraction * n));
        int kept = n - trim;
        if (kept < 5)
        {
            return double.NaN;
        }

        // Ranks r = trim+1 .. n; regress y = ln r on x = g.
        double mx = 0.0, my = 0.0;
        for (int k = trim; k < n; k++)
        {
            mx += side[k];
            my += Math.Log(k + 1);
        }

        mx /= kept;
        my /= kept;
        double sxx = 0.0, sxy = 0.0, syy = 0.0;
        for (int k = trim; k < n; k++)
        {
            double dx = side[k] - mx, dy = Math.Log(k + 1) - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }

        if (!(syy > 0.0))
        {
            return double.NaN;
        }

        // A constant regressor leaves the fitted line flat at the mean: R² = 0.
        double ssRes = sxx > 0.0 ? syy - sxy * sxy / sxx : syy;
        return 1.0 - ssRes / syy;
    }
}
