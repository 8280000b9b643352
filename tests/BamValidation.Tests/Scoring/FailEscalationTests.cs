using BamValidation.Scoring;

namespace BamValidation.Tests.Scoring;

public class FailEscalationTests
{
    [Theory]
    [InlineData(0.0, 5.0)]
    [InlineData(0.5, 4.0)]
    [InlineData(0.75, 3.5)]
    [InlineData(1.0, 3.0)]
    [InlineData(1.5, 2.0)]
    [InlineData(2.0, 1.0)]
    [InlineData(2.25, 0.5)]
    [InlineData(3.0, 0.5)]
    public void Multiplier_MatchesTheSpecTable(double weight, double expected)
    {
        Assert.Equal(expected, FailEscalation.Multiplier(weight));
    }
}
