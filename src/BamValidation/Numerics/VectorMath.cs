using System.Runtime.Intrinsics;

namespace BamValidation.Numerics;

/// <summary>
/// Vectorised reductions over one row of a per-firm matrix (a hundred or so values), used once per period.
/// Results agree with the plain loops up to the order of the additions.
/// </summary>
public static class VectorMath
{
    /// <summary>Σ x.</summary>
    public static double Sum(ReadOnlySpan<double> x)
    {
        var acc = Vector256<double>.Zero;
        int i = 0;
        for (; i <= x.Length - Vector256<double>.Count; i += Vector256<double>.Count)
        {
            acc += Vector256.Create(x.Slice(i, Vector256<double>.Count));
        }

        double sum = Vector256.Sum(acc);
        for (; i < x.Length; i++)
        {
            sum += x[i];
        }

        return sum;
    }

    /// <summary>Σ x·y.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var acc = Vector256<double>.Zero;
        int i = 0;
        for (; i <= x.Length - Vector256<double>.Count; i += Vector256<double>.Count)
        {
            acc += Vector256.Create(x.Slice(i, Vector256<double>.Count)) * Vector256.Create(y.Slice(i, Vector256<double>.Count));
        }

        double sum = Vector256.Sum(acc);
        for (; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    /// <summary>Σ (x − mean)².</summary>
    public static double SumSquaredDeviations(ReadOnlySpan<double> x, double mean)
    {
        var vMean = Vector256.Create(mean);
        var acc = Vector256<double>.Zero;
        int i = 0;
        for (; i <= x.Length - Vector256<double>.Count; i += Vector256<double>.Count)
        {
            var d = Vector256.Create(x.Slice(i, Vector256<double>.Count)) - vMean;
            acc += d * d;
        }

        double sum = Vector256.Sum(acc);
        for (; i < x.Length; i++)
        {
            double d = x[i] - mean;
            sum += d * d;
        }

        return sum;
    }

    /// <summary>(Σ max(w, 0), Σ max(w, 0)·x): the total positive weight and the weighted sum.</summary>
    public static (double Weight, double Weighted) PositiveWeightedSum(ReadOnlySpan<double> w, ReadOnlySpan<double> x)
    {
        var accW = Vector256<double>.Zero;
        var accWx = Vector256<double>.Zero;
        int i = 0;
        for (; i <= x.Length - Vector256<double>.Count; i += Vector256<double>.Count)
        {
            var wi = Vector256.Max(Vector256.Create(w.Slice(i, Vector256<double>.Count)), Vector256<double>.Zero);
            accW += wi;
            accWx += wi * Vector256.Create(x.Slice(i, Vector256<double>.Count));
        }

        double weight = Vector256.Sum(accW), weighted = Vector256.Sum(accWx);
        for (; i < x.Length; i++)
        {
            double wi = Math.Max(w[i], 0.0);
            weight += wi;
            weighted += wi * x[i];
        }

        return (weight, weighted);
    }

    /// <summary>Σ max(w, 0)·(x − mean)².</summary>
    public static double PositiveWeightedSquaredDeviations(ReadOnlySpan<double> w, ReadOnlySpan<double> x, double mean)
    {
        var vMean = Vector256.Create(mean);
        var acc = Vector256<double>.Zero;
        int i = 0;
        for (; i <= x.Length - Vector256<double>.Count; i += Vector256<double>.Count)
        {
            var wi = Vector256.Max(Vector256.Create(w.Slice(i, Vector256<double>.Count)), Vector256<double>.Zero);
            var d = Vector256.Create(x.Slice(i, Vector256<double>.Count)) - vMean;
            acc += wi * d * d;
        }

        double sum = Vector256.Sum(acc);
        for (; i < x.Length; i++)
        {
            double d = x[i] - mean;
            sum += Math.Max(w[i], 0.0) * d * d;
        }

        return sum;
    }
}
