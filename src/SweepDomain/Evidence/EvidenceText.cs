using System.Globalization;

namespace SweepDomain.Evidence;

/// <summary>How every surface writes a comparison: the same words and digits in the CLI, the API, the summary and charts.</summary>
public static class EvidenceText
{
    /// <summary><c>+0.0021 (95% CI -0.0010 .. +0.0052, n = 100)</c>; without an interval when n &lt; 2.</summary>
    public static string Difference(PairedComparison c) =>
        $"{Signed(c.MeanDifference)} " + (c.CiLow is { } low && c.CiHigh is { } high
            ? $"(95% CI {Signed(low)} .. {Signed(high)}, n = {c.Seeds})"
            : $"(n = {c.Seeds}, too few seeds for an interval)");

    /// <summary>
    /// The sentence a stage result prints, e.g.
    /// <c>winner vs incumbent: +0.0021 (95% CI -0.0010 .. +0.0052, n = 100), p = 0.18: not significant at alpha 0.05</c>.
    /// </summary>
    /// <para>
    /// When the means do not differ significantly but the two fail on different numbers of seeds, the sentence goes on
    /// to say that the lead comes from the pass rate, e.g. <c>; leads by one failing seed in 100 (99 % against 98 %,
    /// McNemar p = 1)</c>, with the pass rates <paramref name="passRates"/> (first, second) when given.
    /// </para>
    public static string Verdict(string what, PairedComparison c, double alpha, (double First, double Second)? passRates = null)
    {
        string a = alpha.ToString("0.###", CultureInfo.InvariantCulture);
        if (c.TTestP is not { } p)
        {
            return $"{what}: {Difference(c)}: not enough common seeds to test";
        }

        string verdict = p < alpha
            ? $"significant at alpha {a} ({(c.MeanDifference > 0 ? "better" : "worse")})"
            : $"not significant at alpha {a}";
        return $"{what}: {Difference(c)}, {P(p, "p")}: {verdict}" + (p < alpha ? "" : PassRateLead(c, passRates));
    }

    /// <summary>
    /// <c>; leads by one failing seed in 100 (99 % against 98 %, McNemar p = 1)</c> (or <c>trails by</c>), or empty when
    /// both fail on as many of the common seeds.
    /// </summary>
    public static string PassRateLead(PairedComparison c, (double First, double Second)? passRates = null)
    {
        int fewerFails = c.OnlySecondFails - c.OnlyFirstFails;
        if (fewerFails == 0)
        {
            return "";
        }

        int seeds = Math.Abs(fewerFails);
        string rates = passRates is var (first, second) ? $"{Percent(first)} % against {Percent(second)} %, " : "";
        return $"; {(fewerFails > 0 ? "leads" : "trails")} by {(seeds == 1 ? "one" : seeds.ToString(CultureInfo.InvariantCulture))} failing seed{(seeds == 1 ? "" : "s")} " +
               $"in {c.Seeds} ({rates}{P(c.McNemarP, "McNemar p")})";
    }

    private static string Percent(double rate) => (100 * rate).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary><c>p = 0.18</c>, or <c>p &lt; 0.0001</c>, with <paramref name="name"/> in place of p.</summary>
    public static string P(double p, string name) => p < 0.0001 ? $"{name} < 0.0001" : $"{name} = {P(p)}";

    /// <summary>A p-value with two significant digits (<c>0.18</c>, <c>0.042</c>), <c>1</c>, or <c>&lt; 0.0001</c>.</summary>
    public static string P(double p)
    {
        if (p < 0.0001)
        {
            return "< 0.0001";
        }

        if (p >= 1)
        {
            return "1";
        }

        int decimals = Math.Max(2, 1 - (int)Math.Floor(Math.Log10(p)));
        return Math.Round(p, decimals, MidpointRounding.AwayFromZero).ToString("0." + new string('0', decimals), CultureInfo.InvariantCulture);
    }

    /// <summary>A score difference with its sign and four decimals.</summary>
    public static string Signed(double value) => (value >= 0 ? "+" : "") + value.ToString("0.0000", CultureInfo.InvariantCulture);
}
