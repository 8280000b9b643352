using BamModel.Roles;
using RnDRole = BamModel.Roles.RnD;

namespace BamModel.Events;

/// <summary>The R&amp;D / Growth+ extension (bam-model §3.1): three events between #31 and #32, in this order.</summary>
public static class RnD
{
    /// <summary>
    /// firms_compute_rnd_intensity. Reads: wage_bill (this period's, after layoffs), net_worth (start of period),
    /// net_profit, price, production. Computes: fragility = W / A (an exactly zero A becomes 1e-10, negative kept),
    /// then 0 where A ≤ 0; σ = σ_min + (σ_max − σ_min) · exp(σ_decay · fragility), 0 where net_profit ≤ 0;
    /// μ = σ · net_profit / (P · Y) (an exactly zero denominator becomes 1e-10), 0 where Y ≤ 0, then max(μ, 0).
    /// Writes: fragility, sigma, rnd_intensity.
    /// </summary>
    public static void FirmsComputeRnDIntensity(RnDRole rnd, Borrower bor, Producer prod, double sigmaMin, double sigmaMax, double sigmaDecay)
    {
        ReadOnlySpan<double> bill = bor.WageBill, netWorth = bor.NetWorth, netProfit = bor.NetProfit, price = prod.Price, production = prod.Production;
        Span<double> fragility = rnd.Fragility, sigma = rnd.Sigma, intensity = rnd.RnDIntensity;
        for (int i = 0; i < fragility.Length; i++)
        {
            double a = netWorth[i];
            double f = a > 0.0 ? bill[i] / a : 0.0;
            fragility[i] = f;

            double pi = netProfit[i];
            double s = pi > 0.0 ? sigmaMin + (sigmaMax - sigmaMin) * DetMath.Exp(sigmaDecay * f) : 0.0;
            sigma[i] = s;

            double sales = price[i] * production[i];
            double mu = production[i] > 0.0 ? s * pi / (sales == 0.0 ? 1e-10 : sales) : 0.0;
            intensity[i] = Math.Max(mu, 0.0);
        }
    }

    /// <summary>
    /// firms_apply_productivity_growth. Random: z_i ~ Exponential(scale = μ_i) for each firm with μ_i &gt; 0, in
    /// ascending id (nothing drawn when every μ is 0). Writes: productivity_increment = z (0 elsewhere);
    /// labor_productivity += z.
    /// </summary>
    public static void FirmsApplyProductivityGrowth(RnDRole rnd, Producer prod, Rng rng)
    {
        ReadOnlySpan<double> intensity = rnd.RnDIntensity;
        Span<double> increment = rnd.ProductivityIncrement, phi = prod.LaborProductivity;
        Xoshiro256 g = rng.State;
        for (int i = 0; i < increment.Length; i++)
        {
            double z = intensity[i] > 0.0 ? g.NextExponential(intensity[i]) : 0.0;
            increment[i] = z;
            phi[i] += z;
        }

        rng.State = g;
    }

    /// <summary>firms_deduct_rn_d_expenditure. Writes: net_profit := net_profit · (1 − σ). The R&amp;D spending leaves the economy.</summary>
    public static void FirmsDeductRnDExpenditure(RnDRole rnd, Borrower bor)
    {
        Span<double> netProfit = bor.NetProfit;
        ReadOnlySpan<double> sigma = rnd.Sigma;
        for (int i = 0; i < netProfit.Length; i++)
        {
            netProfit[i] *= 1.0 - sigma[i];
        }
    }
}
