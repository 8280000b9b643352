using BamValidation.Numerics;

namespace BamValidation.Tests.Numerics;

public class SpecialFunctionsTests
{
    [Theory]
    [InlineData(0.5, 0.5723649429247001, 1e-13)]
    [InlineData(1.0, 0.0, 1e-14)]
    [InlineData(10.0, 12.801827480081469, 1e-12)]
    [InlineData(0.1, 2.252712651734206, 1e-13)]
    public void LogGamma_KnownValues(double x, double expected, double tolerance)
    {
        Assert.Equal(expected, SpecialFunctions.LogGamma(x), tolerance);
    }

    [Theory]
    [InlineData(2.0, 3.0, -2.4849066497880004, 1e-13)]
    [InlineData(150.0, 30.0, -81.78864670798873, 1e-10)]
    [InlineData(3.5, 1000.25, -22.981414304807913, 1e-10)]
    public void LogBeta_MatchesLogGammaDifferences(double a, double b, double expected, double tolerance)
    {
        Assert.Equal(expected, SpecialFunctions.LogBeta(a, b), tolerance);
        Assert.Equal(expected, SpecialFunctions.LogBeta(b, a), tolerance);
    }

    [Theory]
    [InlineData(2.0, 3.0, 0.5, 0.6875)]
    [InlineData(2.0, 2.0, 0.3, 0.216)]
    [InlineData(3.0, 7.0, 0.2, 0.261802496)]
    [InlineData(100.0, 5.0, 0.95, 0.4009410140490922)]
    [InlineData(1.0, 1.0, 0.37, 0.37)]
    [InlineData(2.5, 1.0, 0.6, 0.278854800926934)]
    public void IncompleteBeta_KnownValues(double a, double b, double x, double expected)
    {
        Assert.Equal(expected, SpecialFunctions.RegularizedIncompleteBeta(a, b, x), 12);
    }

    [Fact]
    public void IncompleteBeta_Symmetry()
    {
        double left = SpecialFunctions.RegularizedIncompleteBeta(4.2, 1.7, 0.83);
        double right = SpecialFunctions.RegularizedIncompleteBeta(1.7, 4.2, 0.17);

        Assert.Equal(1.0, left + right, 13);
    }

    [Fact]
    public void IncompleteBeta_InvalidArguments_AreNaN()
    {
        Assert.True(double.IsNaN(SpecialFunctions.RegularizedIncompleteBeta(-1, 2, 0.5)));
        Assert.True(double.IsNaN(SpecialFunctions.RegularizedIncompleteBeta(1, 2, 1.5)));
    }

    [Theory]
    [InlineData(1.0, -0.5772156649015329)]
    [InlineData(0.5, -1.9635100260214235)]
    [InlineData(12.5, 2.4851956512749114)]
    public void Digamma_KnownValues(double x, double expected)
    {
        Assert.Equal(expected, SpecialFunctions.Digamma(x), 13);
    }

    [Theory]
    [InlineData(1.0, 1.6449340668482264)]
    [InlineData(0.5, 4.934802200544679)]
    public void Trigamma_KnownValues(double x, double expected)
    {
        Assert.Equal(expected, SpecialFunctions.Trigamma(x), 12);
    }

    [Theory]
    [InlineData(1e-20, 1e-20)]
    [InlineData(1e-9, 9.999999995e-10)]
    [InlineData(0.3, 0.26236426446749106)]
    [InlineData(-0.5, -0.6931471805599453)]
    public void Log1P_IsAccurateForSmallArguments(double x, double expected)
    {
        Assert.Equal(1.0, SpecialFunctions.Log1P(x) / expected, 14);
    }
}
