namespace BamValidation.Numerics;

/// <summary>Log-gamma, log-beta and the regularised incomplete beta function.</summary>
public static class SpecialFunctions
{
    // Lanczos approximation, g = 7, n = 9 (relative error about 1e-15 for x > 0).
    private const double LanczosG = 7.0;

    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2.0 * Math.PI);

    /// <summary>ln Γ(x) for x &gt; 0; NaN otherwise.</summary>
    public static double LogGamma(double x)
    {
        if (!(x > 0.0))
        {
            return double.NaN;
        }

        if (x < 0.5)
        {
            // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1.0 - x);
        }

        x -= 1.0;
        double sum = Lanczos[0];
        for (int k = 1; k < Lanczos.Length; k++)
        {
            sum += Lanczos[k] / (x + k);
        }

        double t = x + LanczosG + 0.5;
        return HalfLogTwoPi + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    /// <summary>
    /// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), without the cancellation that formula suffers when an argument
    /// is large: above 10 the Stirling parts are combined analytically and only their small corrections are summed.
    /// </summary>
    public static double LogBeta(double a, double b)
    {
        double p = Math.Min(a, b), q = Math.Max(a, b);
        if (!(p > 0.0))
        {
            return double.NaN;
        }

        if (p >= 10.0)
        {
            double corr = StirlingCorrection(p) + StirlingCorrection(q) - StirlingCorrection(p + q);
            return -0.5 * Math.Log(q) + HalfLogTwoPi + corr + (p - 0.5) * Math.Log(p / (p + q)) + q * Log1P(-p / (p + q));
        }

        if (q >= 10.0)
        {
            double corr = StirlingCorrection(q) - StirlingCorrection(p + q);
            return LogGamma(p) + corr + p - p * Math.Log(p + q) + (q - 0.5) * Log1P(-p / (p + q));
        }

        return LogGamma(p) + LogGamma(q) - LogGamma(p + q);
    }

    /// <summary>ln(1 + x), accurate for small |x| (the rounding of 1 + x is compensated).</summary>
    public static double Log1P(double x)
    {
        double u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * (x / (u - 1.0));
    }

    /// <summary>ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π] for x ≥ 10, by its asymptotic series.</summary>
    private static double StirlingCorrection(double x)
    {
        double inv = 1.0 / x, inv2 = inv * inv;
        return inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 * (1.0 / 1680 - inv2 * (1.0 / 1188 - inv2 * 691.0 / 360360)))));
    }

    /// <summary>
    /// I_x(a, b), the regularised incomplete beta function, for a, b &gt; 0 and x in [0, 1], by Lentz's continued
    /// fraction, switching to <c>1 − I_{1−x}(b, a)</c> above <c>(a+1)/(a+b+2)</c>. NaN for invalid arguments.
    /// </summary>
    public static double RegularizedIncompleteBeta(double a, double b, double x) =>
        RegularizedIncompleteBeta(a, b, x, LogBeta(a, b));

    /// <summary>I_x(a, b) with ln B(a, b) supplied by a caller that evaluates many x for the same shapes.</summary>
    public static double RegularizedIncompleteBeta(double a, double b, double x, double logBeta)
    {
        if (!(a > 0.0 && b > 0.0) || double.IsNaN(x) || x < 0.0 || x > 1.0)
        {
            return double.NaN;
        }

        if (x == 0.0 || x == 1.0)
        {
            return x;
        }

        double logFront = a * Math.Log(x) + b * Math.Log(1.0 - x) - logBeta;
        if (x < (a + 1.0) / (a + b + 2.0))
        {
            return Math.Exp(logFront) * ContinuedFraction(a, b, x) / a;
        }

        return 1.0 - Math.Exp(logFront) * ContinuedFraction(b, a, 1.0 - x) / b;
    }

    private static double ContinuedFraction(double a, double b, double x)
    {
        const int MaxIterations = 500;
        const double Epsilon = 1e-15;
        const double Tiny = 1e-300;
        double qab = a + b, qap = a + 1.0, qam = a - 1.0;
        double c = 1.0;
        double d = 1.0 - qab * x / qap;
        d = Math.Abs(d) < Tiny ? Tiny : d;
        d = 1.0 / d;
        double h = d;
        for (int m = 1; m <= MaxIterations; m++)
        {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1.0 + aa * d;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1.0 + aa / c;
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1.0 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1.0 + aa * d;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1.0 + aa / c;
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1.0 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1.0) < Epsilon)
            {
                break;
            }
        }

        return h;
    }

    /// <summary>ψ(x), the digamma function, for x &gt; 0: recurrence up to x ≥ 10, then the asymptotic series.</summary>
    public static double Digamma(double x)
    {
        if (!(x > 0.0))
        {
            return double.NaN;
        }

        double shift = 0.0;
        while (x < 10.0)
        {
            shift -= 1.0 / x;
            x += 1.0;
        }

        double inv = 1.0 / x, inv2 = inv * inv;
        double series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 * (1.0 / 132 - inv2 * 691.0 / 32760)))));
        return shift + Math.Log(x) - 0.5 * inv - series;
    }

    /// <summary>ψ′(x), the trigamma function, for x &gt; 0: recurrence up to x ≥ 10, then the asymptotic series.</summary>
    public static double Trigamma(double x)
    {
        if (!(x > 0.0))
        {
            return double.NaN;
        }

        double shift = 0.0;
        while (x < 10.0)
        {
            shift += 1.0 / (x * x);
            x += 1.0;
        }

        double inv = 1.0 / x, inv2 = inv * inv;
        double series = inv * (1.0 + inv * (0.5 + inv * (1.0 / 6 - inv2 * (1.0 / 30 - inv2 * (1.0 / 42 - inv2 * (1.0 / 30 - inv2 * (5.0 / 66 - inv2 * 691.0 / 2730)))))));
        return shift + series;
    }
}
