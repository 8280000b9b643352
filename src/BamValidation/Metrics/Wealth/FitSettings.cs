namespace BamValidation.Metrics.Wealth;

/// <summary>Nelder–Mead settings shared by the wealth fits: log-parameter space, bounded cost.</summary>
internal static class FitSettings
{
    /// <summary>Initial simplex edge, in log-parameter units.</summary>
    public const double Step = 0.25;

    /// <summary>Initial simplex edge of a search warm-started from a nearby problem's optimum.</summary>
    public const double WarmStep = 0.02;

    /// <summary>Initial step of a search over ln σ alone.</summary>
    public const double ScaleStep = 0.5;

    public const int MaxEvaluations1D = 80;

    /// <summary>
    /// The unconstrained Dagum search. When its likelihood is maximised only as k → ∞ it drifts along that ridge
    /// until this cap; by then the CDF test overflows, as the original's does, and the grid fallback takes over.
    /// </summary>
    public const int MaxEvaluationsFree = 110;
    public const int MaxEvaluations2D = 150;

    /// <summary>
    /// Stop when the simplex values agree to 1e-8 relative and its vertices to 1e-4 in log units (0.01% in each
    /// parameter): the CCDF R² then moves by far less than any threshold. scipy's fmin uses 1e-4 for both.
    /// </summary>
    public const double RelativeTolerance = 1e-8, PointTolerance = 1e-4;

    /// <summary>Tolerances for fits that are only compared by likelihood, never scored (the fallback grid).</summary>
    public const double CoarseRelativeTolerance = 1e-5, CoarsePointTolerance = 1e-3;

    /// <summary>How many leading data points (array order) the overflow test checks (validation.md §8 H13).</summary>
    public const int OverflowProbe = 5;

    /// <summary>
    /// The box every shape parameter is kept in, in log units. Several likelihoods here are maximised only at an
    /// infinite shape (Burr XII tends to a Pareto, beta prime to an inverse gamma, Dagum to a Fréchet); the box
    /// stops the search at a large but finite shape instead of running off along the ridge.
    /// </summary>
    public static readonly double LogShapeMin = Math.Log(ShapeMin), LogShapeMax = Math.Log(ShapeCap);

    public const double ShapeMin = 1e-3, ShapeCap = 100.0;

    /// <summary>How far (in log units) the scale may sit outside the range of the log data.</summary>
    public const double LogScaleMargin = 30.0;

    /// <summary>True when the log-shapes and the log-scale are inside the search box.</summary>
    public static bool InBox(WealthSample sample, double logShape1, double logShape2, double logScale) =>
        logShape1 >= LogShapeMin && logShape1 <= LogShapeMax
        && logShape2 >= LogShapeMin && logShape2 <= LogShapeMax
        && logScale >= sample.MinLog - LogScaleMargin && logScale <= sample.MaxLog + LogScaleMargin;

    /// <summary>log(π/√3): a log-logistic shape matching the spread of the log data.</summary>
    public static double LogisticShape(double stdLog) => Math.PI / (Math.Sqrt(3.0) * Math.Max(stdLog, 1e-6));
}
