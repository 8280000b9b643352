using BamValidation.Numerics;

namespace BamValidation.Tests.Numerics;

public class OptimisationTests
{
    private readonly struct Rosenbrock : IObjective
    {
        public double Evaluate(ReadOnlySpan<double> x) => 100 * Math.Pow(x[1] - x[0] * x[0], 2) + Math.Pow(1 - x[0], 2);
    }

    private readonly struct ShiftedBowl : IObjective
    {
        public double Evaluate(ReadOnlySpan<double> x) => Math.Pow(x[0] - 3, 2) + 2 * Math.Pow(x[1] + 1, 2) + Math.Pow(x[2] - 0.5, 2);
    }

    private readonly struct NaNOutsideUnit : IObjective
    {
        public double Evaluate(ReadOnlySpan<double> x) => x[0] > 1 ? double.NaN : (x[0] - 0.9) * (x[0] - 0.9);
    }

    [Fact]
    public void NelderMead_Rosenbrock_FindsTheValley()
    {
        var f = new Rosenbrock();
        Span<double> x = [-1.2, 1.0];

        var result = NelderMead.Minimize(ref f, x, step: 0.5, maxEvaluations: 2000, relativeTolerance: 1e-14, pointTolerance: 1e-9);

        Assert.True(result.Converged);
        Assert.Equal(1.0, x[0], 5);
        Assert.Equal(1.0, x[1], 5);
    }

    [Fact]
    public void NelderMead_ThreeDimensions_Converges()
    {
        var f = new ShiftedBowl();
        Span<double> x = [0, 0, 0];

        NelderMead.Minimize(ref f, x, step: 1.0, maxEvaluations: 1000);

        Assert.Equal(3.0, x[0], 5);
        Assert.Equal(-1.0, x[1], 5);
        Assert.Equal(0.5, x[2], 5);
    }

    [Fact]
    public void NelderMead_RespectsTheEvaluationCap()
    {
        var f = new Rosenbrock();
        Span<double> x = [-1.2, 1.0];

        var result = NelderMead.Minimize(ref f, x, step: 0.5, maxEvaluations: 30);

        Assert.False(result.Converged);
        Assert.True(result.Evaluations <= 32);
    }

    [Fact]
    public void NelderMead_TreatsNaNAsInfinity()
    {
        var f = new NaNOutsideUnit();
        Span<double> x = [0.0];

        NelderMead.Minimize(ref f, x, step: 2.0, maxEvaluations: 500);

        Assert.Equal(0.9, x[0], 5);
    }

    [Theory]
    [InlineData(2.0, 5.0)]
    [InlineData(0.5, 0.5)]
    [InlineData(30.0, 4.0)]
    public void BetaMle_RecoversShapesFromExactStatistics(double a, double b)
    {
        double m1 = SpecialFunctions.Digamma(a) - SpecialFunctions.Digamma(a + b);
        double m2 = SpecialFunctions.Digamma(b) - SpecialFunctions.Digamma(a + b);
        double fa = 1.0, fb = 1.0;

        BetaMle.Solve(m1, m2, 1e-3, 100, ref fa, ref fb);

        Assert.Equal(a, fa, 6);
        Assert.Equal(b, fb, 6);
    }

    [Fact]
    public void BetaMle_OptimumOutsideTheBox_StopsOnTheBound()
    {
        double m1 = SpecialFunctions.Digamma(400) - SpecialFunctions.Digamma(405);
        double m2 = SpecialFunctions.Digamma(5) - SpecialFunctions.Digamma(405);
        double a = 1.0, b = 1.0;

        BetaMle.Solve(m1, m2, 1e-3, 100, ref a, ref b);

        Assert.Equal(100.0, a);
        Assert.InRange(b, 1.0, 5.0);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(1.0)]
    [InlineData(7.5)]
    [InlineData(60.0)]
    public void SoftplusSum_VectorPathMatchesScalarReference(double scale)
    {
        var rng = new Random(7);
        double[] v = Enumerable.Range(0, 203).Select(_ => (rng.NextDouble() - 0.4) * 30).ToArray();
        double shift = -0.3;

        var (positive, negative, tails) = SoftplusSum.ComputeBoth(v, scale, shift);

        double refPositive = v.Sum(x => Math.Max(scale * x + shift, 0));
        double refNegative = v.Sum(x => Math.Max(-(scale * x + shift), 0));
        double refTails = v.Sum(x => SpecialFunctions.Log1P(Math.Exp(-Math.Abs(scale * x + shift))));
        Assert.True(Math.Abs(positive - refPositive) <= 1e-12 * (1 + refPositive));
        Assert.True(Math.Abs(negative - refNegative) <= 1e-12 * (1 + refNegative));
        Assert.True(Math.Abs(tails - refTails) <= 1e-13 * refTails);
        Assert.Equal(refPositive + refTails, SoftplusSum.Compute(v, scale, shift), 9);
    }
}
