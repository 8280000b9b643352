using BamValidation.Metrics.Wealth;

namespace BamValidation.Tests.Metrics;

public class WealthFitsTests
{
    /// <summary>n quantiles of a distribution at the plotting positions i/(n+1), shuffled deterministically.</summary>
    private static WealthSample Sample(int n, Func<double, double> quantile)
    {
        var values = Enumerable.Range(1, n).Select(i => quantile(i / (n + 1.0))).ToArray();
        new Random(3).Shuffle(values);
        var sample = new WealthSample();
        sample.Load(values);
        return sample;
    }

    [Fact]
    public void SinghMaddala_OnItsOwnQuantiles_RecoversTheShapeAndFitsTheTail()
    {
        // c = 3, d = 1.5, σ = 2: x = σ((1 − p)^(−1/d) − 1)^(1/c).
        var sample = Sample(500, p => 2.0 * Math.Pow(Math.Pow(1 - p, -1 / 1.5) - 1, 1 / 3.0));

        var fit = SinghMaddalaFit.Fit(sample);

        Assert.True(fit.Succeeded);
        Assert.InRange(fit.Shape1, 2.7, 3.3);
        Assert.InRange(fit.Shape2, 1.2, 1.8);
        Assert.True(fit.RSquared > 0.99, $"R² = {fit.RSquared}");
    }

    [Fact]
    public void Dagum_OnItsOwnQuantiles_RecoversTheShapeAndFitsTheTail()
    {
        // a = s = 4, p = 0.8 (k = 3.2), σ = 1: x = σ(P^(−1/p) − 1)^(−1/a).
        var sample = Sample(500, p => Math.Pow(Math.Pow(p, -1 / 0.8) - 1, -1 / 4.0));

        var fit = DagumFit.Fit(sample);

        Assert.True(fit.Succeeded);
        Assert.InRange(fit.Shape2, 3.6, 4.4);
        Assert.InRange(fit.Shape1, 2.6, 3.8);
        Assert.True(fit.RSquared > 0.99, $"R² = {fit.RSquared}");
    }

    [Fact]
    public void BetaPrime_OnLomaxQuantiles_FitsTheTail()
    {
        // Beta prime with a = 1, b = 3 (Lomax): x = (1 − p)^(−1/3) − 1.
        var sample = Sample(500, p => Math.Pow(1 - p, -1 / 3.0) - 1);

        var fit = BetaPrimeFit.Fit(sample);

        Assert.True(fit.Succeeded);
        Assert.InRange(fit.Shape1, 0.8, 1.25);
        Assert.InRange(fit.Shape2, 2.4, 3.75);
        Assert.True(fit.RSquared > 0.99, $"R² = {fit.RSquared}");
    }

    [Fact]
    public void ProfiledLikelihoods_AgreeWithTheFullLikelihood()
    {
        var sample = Sample(300, p => 2.0 * Math.Pow(Math.Pow(1 - p, -1 / 1.5) - 1, 1 / 3.0));
        double c = 2.5, logScale = 0.4;

        double profiled = SinghMaddalaFit.ProfiledLogLikelihood(sample, c, logScale, out double d);
        double direct = sample.Values.ToArray().Sum(x =>
        {
            double z = x / Math.Exp(logScale);
            return Math.Log(c) + Math.Log(d) - logScale + (c - 1) * Math.Log(z) - (d + 1) * Math.Log(1 + Math.Pow(z, c));
        });

        Assert.Equal(direct, profiled, 8);
    }

    [Fact]
    public void Dagum_FixedK_MatchesTheMielkeDensity()
    {
        var sample = Sample(300, p => Math.Pow(Math.Pow(p, -1 / 0.8) - 1, -1 / 4.0));
        double k = 5.0, s = 3.0, logScale = -0.2;

        double ll = DagumFit.FixedKLogLikelihood(sample, k, s, logScale);
        double direct = sample.Values.ToArray().Sum(x =>
        {
            double z = x / Math.Exp(logScale);
            return Math.Log(k) + (k - 1) * Math.Log(z) - (1 + k / s) * Math.Log(1 + Math.Pow(z, s)) - logScale;
        });

        Assert.Equal(direct, ll, 8);
    }

    [Fact]
    public void BetaPrime_LogLikelihood_MatchesTheDensity()
    {
        var sample = Sample(300, p => Math.Pow(1 - p, -1 / 3.0) - 1);
        double a = 1.7, b = 2.2, logScale = 0.3;

        double ll = BetaPrimeFit.LogLikelihood(sample, a, b, logScale);
        double logBeta = BamValidation.Numerics.SpecialFunctions.LogBeta(a, b);
        double direct = sample.Values.ToArray().Sum(x =>
        {
            double z = x / Math.Exp(logScale);
            return (a - 1) * Math.Log(z) - (a + b) * Math.Log(1 + z) - logBeta - logScale;
        });

        Assert.Equal(direct, ll, 8);
    }

    [Fact]
    public void Fit_FewerThanFiftyPositiveValues_Fails()
    {
        var sample = new WealthSample();
        sample.Load([0, 0, 1, 2, 3]);

        var result = WealthFits.Fit(sample);

        Assert.Equal(3, sample.Count);
        Assert.Equal(0.0, result.BestRSquared);
        Assert.False(result.SinghMaddala.Succeeded);
    }
}
