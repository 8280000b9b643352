namespace BamValidation.Numerics;

/// <summary>
/// Maximum likelihood for the beta distribution from its sufficient statistics, the means of ln u and
/// ln(1 − u): maximises <c>g(a, b) = (a−1)·m1 + (b−1)·m2 − ln B(a, b)</c> over a box, by damped Newton steps on
/// the stationarity equations <c>ψ(a) − ψ(a+b) = m1</c>, <c>ψ(b) − ψ(a+b) = m2</c>. g is concave, so the steps
/// converge from any start; a shape that would leave the box is held on its bound while the other is solved.
/// </summary>
public static class BetaMle
{
    private const int MaxIterations = 60;
    private const double StepTolerance = 1e-10;
    private const double DecrementTolerance = 1e-15;

    /// <summary>g(a, b), the mean log-likelihood up to terms that do not depend on the shapes.</summary>
    public static double Objective(double a, double b, double m1, double m2) =>
        (a - 1.0) * m1 + (b - 1.0) * m2 - SpecialFunctions.LogBeta(a, b);

    /// <summary>
    /// Solves for (a, b) in [lo, hi]², starting from the values passed in (a warm start from a nearby problem
    /// saves iterations). Returns the maximised g.
    /// </summary>
    public static double Solve(double m1, double m2, double lo, double hi, ref double a, ref double b)
    {
        a = Math.Clamp(a, lo, hi);
        b = Math.Clamp(b, lo, hi);
        double g = Objective(a, b, m1, m2);
        for (int iteration = 0; iteration < MaxIterations && double.IsFinite(g); iteration++)
        {
            double psiAb = SpecialFunctions.Digamma(a + b);
            double gradA = m1 - SpecialFunctions.Digamma(a) + psiAb;
            double gradB = m2 - SpecialFunctions.Digamma(b) + psiAb;
            double triAb = SpecialFunctions.Trigamma(a + b);
            double jAa = SpecialFunctions.Trigamma(a) - triAb, jBb = SpecialFunctions.Trigamma(b) - triAb, jAb = -triAb;

            bool holdA = (a >= hi && gradA > 0.0) || (a <= lo && gradA < 0.0);
            bool holdB = (b >= hi && gradB > 0.0) || (b <= lo && gradB < 0.0);
            double stepA, stepB;
            if (holdA && holdB)
            {
                break;
            }
            else if (holdA)
            {
                (stepA, stepB) = (0.0, gradB / jBb);
            }
            else if (holdB)
            {
                (stepA, stepB) = (gradA / jAa, 0.0);
            }
            else
            {
                // The Jacobian of the equations is the Fisher information: positive definite.
                double det = jAa * jBb - jAb * jAb;
                (stepA, stepB) = ((jBb * gradA - jAb * gradB) / det, (jAa * gradB - jAb * gradA) / det);
            }

            // The Newton decrement: the gain a full step would bring. Below rounding level, stop.
            if (gradA * stepA + gradB * stepB <= DecrementTolerance * (1.0 + Math.Abs(g)))
            {
                break;
            }

            if (!LineSearch(m1, m2, lo, hi, ref a, ref b, ref g, stepA, stepB))
            {
                break;
            }

            if (Math.Abs(stepA) <= StepTolerance * (1.0 + a) && Math.Abs(stepB) <= StepTolerance * (1.0 + b))
            {
                break;
            }
        }

        return g;
    }

    /// <summary>Takes the largest step of 1, ½, ¼, … (clamped to the box) that does not lower g.</summary>
    private static bool LineSearch(double m1, double m2, double lo, double hi, ref double a, ref double b, ref double g, double stepA, double stepB)
    {
        double t = 1.0;
        for (int halving = 0; halving < 40; halving++, t *= 0.5)
        {
            double na = Math.Clamp(a + t * stepA, lo, hi), nb = Math.Clamp(b + t * stepB, lo, hi);
            double ng = Objective(na, nb, m1, m2);
            if (ng >= g)
            {
                (a, b, g) = (na, nb, ng);
                return true;
            }
        }

        return false;
    }
}
