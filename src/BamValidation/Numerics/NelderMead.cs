namespace BamValidation.Numerics;

/// <summary>A function to minimise over a few real parameters. NaN is treated as +∞.</summary>
public interface IObjective
{
    double Evaluate(ReadOnlySpan<double> x);
}

/// <summary>The end point of a minimisation.</summary>
public readonly record struct MinimumResult(double Value, int Evaluations, bool Converged);

/// <summary>
/// The Nelder–Mead simplex method (reflection 1, expansion 2, contraction ½, shrink ½) for up to
/// <see cref="MaxDimension"/> parameters, with a hard cap on function evaluations so its cost is bounded.
/// Allocation-free: the simplex lives on the stack.
/// </summary>
public static class NelderMead
{
    public const int MaxDimension = 4;

    /// <summary>
    /// Minimises <paramref name="objective"/> from the start point <paramref name="x"/>, which receives the best
    /// point found. The initial simplex adds <paramref name="step"/> to each coordinate in turn. Stops when the
    /// simplex values agree within <c>relativeTolerance·(1 + |best|)</c> and its vertices within
    /// <paramref name="pointTolerance"/> of the best, or after <paramref name="maxEvaluations"/> evaluations.
    /// </summary>
    public static MinimumResult Minimize<T>(ref T objective, Span<double> x, double step, int maxEvaluations, double relativeTolerance = 1e-10, double pointTolerance = 1e-7)
        where T : IObjective
    {
        int n = x.Length;
        if (n is < 1 or > MaxDimension)
        {
            throw new ArgumentOutOfRangeException(nameof(x), n, $"Nelder–Mead supports 1 to {MaxDimension} parameters.");
        }

        Span<double> simplex = stackalloc double[(MaxDimension + 1) * MaxDimension];
        Span<double> values = stackalloc double[MaxDimension + 1];
        Span<double> centroid = stackalloc double[MaxDimension];
        Span<double> trial = stackalloc double[MaxDimension];
        Span<double> trial2 = stackalloc double[MaxDimension];
        centroid = centroid[..n];
        trial = trial[..n];
        trial2 = trial2[..n];

        for (int v = 0; v <= n; v++)
        {
            var vertex = Vertex(simplex, v, n);
            x.CopyTo(vertex);
            if (v > 0)
            {
                vertex[v - 1] += step;
            }

            values[v] = Eval(ref objective, vertex);
        }

        int evaluations = n + 1;
        bool converged = false;
        while (true)
        {
            SortVertices(simplex, values, n);
            if (HasConverged(simplex, values, n, relativeTolerance, pointTolerance))
            {
                converged = true;
                break;
            }

            if (evaluations >= maxEvaluations)
            {
                break;
            }

            var worst = Vertex(simplex, n, n);
            Centroid(simplex, n, centroid);
            Move(centroid, worst, -1.0, trial);                     // reflection: c + (c − worst)
            double fr = Eval(ref objective, trial);
            evaluations++;
            if (fr < values[0])
            {
                Move(centroid, worst, -2.0, trial2);                // expansion: c + 2(c − worst)
                double fe = Eval(ref objective, trial2);
                evaluations++;
                Accept(simplex, values, n, fe < fr ? trial2 : trial, Math.Min(fe, fr));
                continue;
            }

            if (fr < values[n - 1])
            {
                Accept(simplex, values, n, trial, fr);
                continue;
            }

            bool outside = fr < values[n];
            if (outside)
            {
                Move(centroid, trial, 0.5, trial2);                 // outside contraction: c + ½(reflected − c)
            }
            else
            {
                Move(centroid, worst, 0.5, trial2);                 // inside contraction: c − ½(c − worst)
            }

            double fc = Eval(ref objective, trial2);
            evaluations++;
            if (outside ? fc <= fr : fc < values[n])
            {
                Accept(simplex, values, n, trial2, fc);
                continue;
            }

            evaluations += Shrink(ref objective, simplex, values, n);
        }

        Vertex(simplex, 0, n).CopyTo(x);
        return new MinimumResult(values[0], evaluations, converged);
    }

    private static Span<double> Vertex(Span<double> simplex, int v, int n) => simplex.Slice(v * MaxDimension, n);

    private static double Eval<T>(ref T objective, ReadOnlySpan<double> point)
        where T : IObjective
    {
        double value = objective.Evaluate(point);
        return double.IsNaN(value) ? double.PositiveInfinity : value;
    }

    /// <summary>output = centroid + factor·(point − centroid).</summary>
    private static void Move(ReadOnlySpan<double> centroid, ReadOnlySpan<double> point, double factor, Span<double> output)
    {
        for (int j = 0; j < output.Length; j++)
        {
            output[j] = centroid[j] + factor * (point[j] - centroid[j]);
        }
    }

    private static void Centroid(Span<double> simplex, int n, Span<double> centroid)
    {
        centroid.Clear();
        for (int v = 0; v < n; v++)
        {
            var vertex = Vertex(simplex, v, n);
            for (int j = 0; j < n; j++)
            {
                centroid[j] += vertex[j] / n;
            }
        }
    }

    private static void Accept(Span<double> simplex, Span<double> values, int n, ReadOnlySpan<double> point, double value)
    {
        point.CopyTo(Vertex(simplex, n, n));
        values[n] = value;
    }

    private static int Shrink<T>(ref T objective, Span<double> simplex, Span<double> values, int n)
        where T : IObjective
    {
        var best = Vertex(simplex, 0, n);
        for (int v = 1; v <= n; v++)
        {
            var vertex = Vertex(simplex, v, n);
            for (int j = 0; j < n; j++)
            {
                vertex[j] = best[j] + 0.5 * (vertex[j] - best[j]);
            }

            values[v] = Eval(ref objective, vertex);
        }

        return n;
    }

    /// <summary>Insertion sort of the n + 1 vertices by value, best first.</summary>
    private static void SortVertices(Span<double> simplex, Span<double> values, int n)
    {
        Span<double> held = stackalloc double[MaxDimension];
        for (int v = 1; v <= n; v++)
        {
            double value = values[v];
            Vertex(simplex, v, n).CopyTo(held);
            int w = v - 1;
            while (w >= 0 && values[w] > value)
            {
                values[w + 1] = values[w];
                Vertex(simplex, w, n).CopyTo(Vertex(simplex, w + 1, n));
                w--;
            }

            values[w + 1] = value;
            held[..n].CopyTo(Vertex(simplex, w + 1, n));
        }
    }

    private static bool HasConverged(Span<double> simplex, ReadOnlySpan<double> values, int n, double relativeTolerance, double pointTolerance)
    {
        double best = values[0];
        if (!double.IsFinite(best) || values[n] - best > relativeTolerance * (1.0 + Math.Abs(best)))
        {
            return false;
        }

        var bestVertex = Vertex(simplex, 0, n);
        for (int v = 1; v <= n; v++)
        {
            var vertex = Vertex(simplex, v, n);
            for (int j = 0; j < n; j++)
            {
                if (Math.Abs(vertex[j] - bestVertex[j]) > pointTolerance)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
