using SweepDomain.Evaluation;
using SweepDomain.Evidence;

namespace SweepDomain.Tests;

/// <summary>
/// The statistics behind every verdict, pinned to published figures: R's <c>t.test(extra ~ group, data = sleep,
/// paired = TRUE)</c> (Student's sleep data), R's <c>p.adjust(..., "holm")</c>, exact binomial and signed-rank counts
/// worked by hand, and values computed independently with mpmath (30 digits) where no table has them.
/// </summary>
public class EvidenceTests
{
    /// <summary>Student's sleep data: extra sleep of drug 2 minus drug 1 for ten patients.</summary>
    private static readonly double[] Sleep = [1.2, 2.4, 1.3, 1.3, 0.0, 1.0, 1.8, 0.8, 4.6, 1.4];

    [Fact]
    public void Paired_t_test_on_the_sleep_data_matches_R()
    {
        var t = TTest.OneSample(Sleep);

        // R: t = 4.0621, df = 9, p-value = 0.002833, 95 percent CI 0.7001142 2.4598858, mean difference 1.58.
        Assert.Equal(10, t.N);
        Assert.Equal(1.58, t.Mean, 12);
        Assert.Equal(0.38895872388839524, t.StandardError!.Value, 12);
        Assert.Equal(4.0621276833820361, t.T!.Value, 10);
        Assert.Equal(0.0028328901973842727, t.P!.Value, 12);
        Assert.Equal(0.7001142367230172, t.CiLow!.Value, 10);
        Assert.Equal(2.4598857632769828, t.CiHigh!.Value, 10);
    }

    [Fact]
    public void Paired_t_interval_uses_the_t_quantile_of_n_minus_1_degrees_of_freedom()
    {
        // d = 0.8, -0.3, 1.1, 0.4, 0.9, -0.2, 0.5: t(0.975, 6) = 2.446911851 (tables: 2.447); mpmath for the rest.
        var t = TTest.OneSample([0.8, -0.3, 1.1, 0.4, 0.9, -0.2, 0.5]);

        Assert.Equal(0.45714285714285714, t.Mean, 14);
        Assert.Equal(0.20337291908631069, t.StandardError!.Value, 12);
        Assert.Equal(2.2478059477960655, t.T!.Value, 10);
        Assert.Equal(0.065638851282587754, t.P!.Value, 10);
        Assert.Equal(-0.040492748771383542, t.CiLow!.Value, 10);
        Assert.Equal(0.95477846305709783, t.CiHigh!.Value, 10);
    }

    [Fact]
    public void T_test_of_constant_differences_is_certain_and_of_one_value_undefined()
    {
        var zeros = TTest.OneSample([0.0, 0.0, 0.0]);
        Assert.Equal((0.0, 0.0, 1.0), (zeros.CiLow!.Value, zeros.CiHigh!.Value, zeros.P!.Value));

        var constant = TTest.OneSample([0.25, 0.25, 0.25, 0.25]);
        Assert.Equal((0.25, 0.25, 0.0), (constant.CiLow!.Value, constant.CiHigh!.Value, constant.P!.Value));

        var single = TTest.OneSample([0.4]);
        Assert.Equal(0.4, single.Mean);
        Assert.Null(single.P);
        Assert.Null(single.CiLow);
    }

    [Fact]
    public void Wilcoxon_without_ties_is_exact()
    {
        // |d| ranks 1..8 with the negatives at ranks 1 (0.1) and 4 (0.4): T- = 5. Subsets of {1..8} summing to at most
        // 5: {}, {1}..{5}, {1,2}, {1,3}, {1,4}, {2,3} = 10 of 256, so p = 2 × 10 / 256.
        double p = WilcoxonSignedRank.TwoSidedP([0.5, -0.1, 0.3, 0.7, 0.2, -0.4, 0.9, 0.6]);

        Assert.Equal(0.078125, p, 15);
    }

    [Fact]
    public void Wilcoxon_with_ties_and_zeros_uses_the_corrected_normal_approximation()
    {
        // The zero is dropped (n = 9); 1.3 is tied (mean rank 4.5); all positive: T+ = 45, mean 22.5,
        // variance 9·10·19/24 − (2³ − 2)/48 = 71.125, z = 2.667911250279385, p = erfc(z / √2) (mpmath).
        double p = WilcoxonSignedRank.TwoSidedP(Sleep);

        Assert.Equal(0.0076324416482055266, p, 12);
    }

    [Fact]
    public void Wilcoxon_of_all_zero_differences_is_one()
    {
        Assert.Equal(1.0, WilcoxonSignedRank.TwoSidedP([0.0, 0.0, 0.0]));
    }

    [Theory]
    [InlineData(1, 9, 0.021484375)]   // 2 × (C(10,0) + C(10,1)) / 2^10 = 22 / 1024
    [InlineData(9, 1, 0.021484375)]
    [InlineData(2, 5, 0.453125)]      // 2 × (1 + 7 + 21) / 128
    [InlineData(5, 5, 1.0)]           // 2 × 638 / 1024 > 1, capped
    [InlineData(0, 0, 1.0)]           // no discordant seed
    [InlineData(0, 6, 0.03125)]       // 2 / 64
    public void McNemar_exact_p_is_twice_the_smaller_binomial_tail(int onlyFirstFails, int onlySecondFails, double expected)
    {
        Assert.Equal(expected, McNemarTest.ExactTwoSidedP(onlyFirstFails, onlySecondFails), 12);
    }

    [Fact]
    public void Holm_adjustment_matches_R()
    {
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02
        var adjusted = Holm.Adjust([0.01, 0.04, 0.03, 0.005]);

        Assert.Equal([0.03, 0.06, 0.06, 0.02], adjusted.Select(p => Math.Round(p, 12)));
    }

    [Fact]
    public void Holm_caps_at_one_and_keeps_order_for_ties()
    {
        Assert.Equal([1.0, 1.0], Holm.Adjust([0.6, 0.7]));
        Assert.Equal([0.1, 0.1], Holm.Adjust([0.05, 0.05]));
    }

    [Fact]
    public void Paired_comparison_counts_discordant_seeds_and_the_pass_rate_difference()
    {
        // first - second = 0.1, -0.1, 0.2, 0.0 ... on the four common seeds; the fifth seed of first is ignored.
        EvaluationScore S(double total, bool passes) => new(total, 10, 0, passes ? 0 : 1);
        EvaluationScore[] first = [S(0.9, true), S(0.7, false), S(0.8, true), S(0.6, true), S(0.1, false)];
        EvaluationScore[] second = [S(0.8, false), S(0.8, true), S(0.6, true), S(0.6, true)];

        var c = PairedComparison.Between(first, second);

        Assert.Equal(4, c.Seeds);
        Assert.Equal(0.05, c.MeanDifference, 12);
        Assert.Equal(0.0, c.PassRateDifference);          // 3 of 4 pass on both sides
        Assert.Equal(1, c.OnlyFirstFails);                 // seed 1
        Assert.Equal(1, c.OnlySecondFails);                // seed 0
        Assert.Equal(1.0, c.McNemarP);
        Assert.NotNull(c.TTestP);
        Assert.NotNull(c.WilcoxonP);
    }

    [Theory]
    [InlineData(0.18, "0.18")]
    [InlineData(0.042, "0.042")]
    [InlineData(0.0031, "0.0031")]
    [InlineData(0.5, "0.50")]
    [InlineData(0.99999, "1.00")]
    [InlineData(1.0, "1")]
    [InlineData(0.00001, "< 0.0001")]
    public void P_values_print_with_two_significant_digits(double p, string expected)
    {
        Assert.Equal(expected, EvidenceText.P(p));
    }

    [Fact]
    public void Verdict_says_the_difference_its_interval_the_p_value_and_the_conclusion()
    {
        var comparison = new PairedComparison(100, 0.0021, 0.00156, -0.0010, 0.0052, 0.18, 0.2, 0.01, 1, 2, 1.0);

        Assert.Equal(
            "winner vs incumbent: +0.0021 (95% CI -0.0010 .. +0.0052, n = 100), p = 0.18: not significant at alpha 0.05; " +
            "leads by one failing seed in 100 (McNemar p = 1)",
            EvidenceText.Verdict("winner vs incumbent", comparison, 0.05));
        Assert.Equal(
            "winner vs incumbent: +0.0021 (95% CI -0.0010 .. +0.0052, n = 100), p = 0.18: significant at alpha 0.2 (better)",
            EvidenceText.Verdict("winner vs incumbent", comparison, 0.2));
    }

    [Fact]
    public void Verdict_says_when_a_lead_comes_from_the_pass_rate()
    {
        // Means not significantly different; the winner fails on 1 seed of 100, the incumbent on 2 (one seed both fail).
        var fromPassRate = new PairedComparison(100, 0.0004, 0.0003, -0.0002, 0.0010, 0.19, 0.2, 0.01, 0, 1, 1.0);
        var trailing = new PairedComparison(40, -0.0004, 0.0003, -0.0010, 0.0002, 0.19, 0.2, -0.075, 4, 1, 0.375);
        var sameFails = new PairedComparison(100, 0.0004, 0.0003, -0.0002, 0.0010, 0.19, 0.2, 0, 1, 1, 1.0);

        Assert.Equal(
            "winner vs incumbent: +0.0004 (95% CI -0.0002 .. +0.0010, n = 100), p = 0.19: not significant at alpha 0.05; " +
            "leads by one failing seed in 100 (99 % against 98 %, McNemar p = 1)",
            EvidenceText.Verdict("winner vs incumbent", fromPassRate, 0.05, (0.99, 0.98)));
        Assert.EndsWith("; trails by 3 failing seeds in 40 (87.5 % against 95 %, McNemar p = 0.38)",
            EvidenceText.Verdict("x", trailing, 0.05, (0.875, 0.95)));
        Assert.EndsWith("not significant at alpha 0.05", EvidenceText.Verdict("x", sameFails, 0.05, (0.99, 0.99)));
    }
}
