namespace BamValidation.Metrics.Wealth;

/// <summary>Nelder–Mead settings shared by the wealth fits: log-parameter space, bounded cost.</summary>
internal static class FitSettings
{
    /// <summary>Initial simplex edge, in log-parameter units.</summary>
    public const double Step = 0.25;

    public const int MaxEvaluations1D = 120;
    public const int MaxEvaluations2D = 300;
    public const int MaxEvaluations3D = 450;

    /// <summary>How many leading data points (array order) the overflow test checks (validation.md §8 H13).</summary>
    public const int OverflowProbe = 5;

    /// <summary>log(π/√3): a log-logistic shape matching the spread of the log data.</summary>
    public static double LogisticShape(double stdLog) => Math.PI / (Math.Sqrt(3.0) * Math.Max(stdLog, 1e-6));
}
