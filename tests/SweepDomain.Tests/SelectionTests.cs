using SweepDomain.Selection;
using SweepDomain.Sweep;

namespace SweepDomain.Tests;

public class SelectionTests
{
    // sweep-semantics §11 ranking fixture: (mean, std, pass_rate, screening n_fail).
    private static readonly RankKeys A = new(0.75, 0.10, 0.9, 0, false);
    private static readonly RankKeys B = new(0.80, 0.05, 1.0, 0, false);
    private static readonly RankKeys C = new(0.85, 0.20, 0.5, 1, false);

    [Fact]
    public void CombinedScore_OriginalStageBWinner_Is0816657()
    {
        // sweep-semantics §10: 0.828492 × 1.0 × (1 − 0.014284) = 0.816657 (inputs rounded to 6 places).
        Assert.Equal(0.816657, CombinedScore.Compute(0.828492, 1.0, 0.014284, 1.0), 5);
        // Stage A, tier 2: 0.799722 × 0.2 × (1 − 0.014623) = 0.157606.
        Assert.Equal(0.157606, CombinedScore.Compute(0.799722, 0.2, 0.014623, 1.0), 5);
    }

    [Fact]
    public void SeedStatistics_OriginalStageBSeeds_GiveMeanAndSampleStd()
    {
        double[] seeds = [0.840512, 0.836091, 0.804452, 0.827080, 0.834323];

        Assert.Equal(0.8284916, SeedStatistics.Mean(seeds), 7);
        Assert.Equal(0.0142836, SeedStatistics.SampleStd(seeds), 6);
        Assert.Equal(0.0127757, SeedStatistics.PopulationStd(seeds), 6);
        Assert.Equal(0.0, SeedStatistics.SampleStd([0.9]));
    }

    [Theory]
    [InlineData(RankBy.Combined, 1.0, "BAC")]
    [InlineData(RankBy.Combined, 0.0, "BAC")]
    [InlineData(RankBy.Combined, 3.0, "BAC")]
    [InlineData(RankBy.Stability, 1.0, "BAC")]
    [InlineData(RankBy.Mean, 1.0, "CBA")]
    public void Order_OriginalFixture_MatchesTheOriginal(RankBy rankBy, double k, string expected)
    {
        var order = Ranking.Order([A, B, C], rankBy, k);

        Assert.Equal(expected, string.Concat(order.Select(i => "ABC"[i])));
    }

    [Fact]
    public void Combined_OriginalFixture_HasWrittenOutValues()
    {
        Assert.Equal(0.6075, A.Combined(1), 10);
        Assert.Equal(0.76, B.Combined(1), 10);
        Assert.Equal(0.34, C.Combined(1), 10);
        Assert.Equal(0.675, A.Combined(0), 10);
        Assert.Equal(0.425, C.Combined(0), 10);
        Assert.Equal(0.17, C.Combined(3), 10);
    }

    [Fact]
    public void Order_Ties_KeepIncomingOrder()
    {
        var first = new RankKeys(0.8, 0.1, 1.0, 0, false);
        var second = first with { };

        Assert.Equal([0, 1], Ranking.Order([first, second], RankBy.Combined, 1));
        Assert.Equal([0, 1], Ranking.Order([first, second], RankBy.Mean, 1));
        Assert.Equal([0, 1], Ranking.Order([first, second], RankBy.Stability, 1));
    }

    [Fact]
    public void Order_IncumbentTiedWithAChallenger_StaysFirst()
    {
        var challenger = new RankKeys(0.8, 0.1, 1.0, 0, false);
        var incumbent = challenger with { IsIncumbent = true };

        Assert.Equal([1, 0], Ranking.Order([challenger, incumbent], RankBy.Combined, 1));
    }

    [Fact]
    public void Order_StabilityTie_BrokenByScreeningFailsThenCombined()
    {
        var manyFails = new RankKeys(0.9, 0.0, 1.0, 3, false);
        var fewFailsLow = new RankKeys(0.5, 0.0, 1.0, 1, false);
        var fewFailsHigh = new RankKeys(0.6, 0.0, 1.0, 1, false);

        Assert.Equal([2, 1, 0], Ranking.Order([manyFails, fewFailsLow, fewFailsHigh], RankBy.Stability, 1));
    }

    [Fact]
    public void Order_ZeroPassRate_GivesCombinedZeroWhateverTheMean()
    {
        Assert.Equal(0.0, new RankKeys(0.99, 0.01, 0.0, 2, false).Combined(1));
    }

    [Theory]
    [InlineData("100:10,50:20,10:100", "100:10,50:20,10:100")]
    [InlineData("20:50", "20:50")]
    [InlineData("100 : 10 , 50 : 20", "100:10,50:20")]
    public void StabilityTier_Parse_ReadsPairs(string text, string expected)
    {
        var errors = new ValidationErrors();

        var tiers = StabilityTier.Parse(text, errors);

        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.Equal(expected, StabilityTier.Format(tiers!));
    }

    [Theory]
    [InlineData("100:10,", "Tier '' in '100:10,'")]
    [InlineData("100", "Tier '100' in '100'")]
    [InlineData("1:2:3", "Tier '1:2:3' in '1:2:3'")]
    [InlineData("a:b", "Tier 'a:b' in 'a:b'")]
    [InlineData("0:10", "Tier '0:10' in '0:10'")]
    [InlineData("-5:10", "Tier '-5:10' in '-5:10'")]
    [InlineData("5:0", "Tier '5:0' in '5:0'")]
    [InlineData("", "No stability tiers given")]
    public void StabilityTier_Parse_RejectsBadText(string text, string expected)
    {
        var errors = new ValidationErrors();

        Assert.Null(StabilityTier.Parse(text, errors));
        Assert.Contains(expected, errors.ToString());
    }

    [Fact]
    public void StabilityTier_Warnings_FlagTiersThatDoNotNarrow()
    {
        var warnings = StabilityTier.Warnings([new(10, 5), new(20, 3)]).ToList();

        Assert.Equal(["Tier 2 (20:3) does not narrow tier 1 (10:5): usually configs shrink and seeds grow."], warnings);
    }

    [Theory]
    [InlineData("stability-first", "That name belongs to the cross-eval phase")]
    [InlineData("best", "Unknown ranking 'best'. Use one of: combined, stability, mean.")]
    public void RankBy_Parse_RejectsNamesTheSweepDoesNotUse(string text, string expected)
    {
        var errors = new ValidationErrors();

        Assert.Null(RankByNames.Parse(text, errors));
        Assert.Contains(expected, errors.ToString());
    }
}
