namespace SweepDomain.Selection;

/// <summary>
/// Mean and standard deviations of seed scores. Sums are compensated (Neumaier), so results agree with Python's
/// exactly rounded <c>statistics</c> module to within about 1e-15 relative.
/// </summary>
public static class SeedStatistics
{
    public static double Mean(IReadOnlyList<double> values) =>
        values.Count == 0 ? 0.0 : Sum(values, 0.0, 1) / values.Count;

    /// <summary>Sample standard deviation (divides by n − 1); 0 when there are fewer than two values.</summary>
    public static double SampleStd(IReadOnlyList<double> values) =>
        values.Count < 2 ? 0.0 : Math.Sqrt(Sum(values, Mean(values), 2) / (values.Count - 1));

    /// <summary>Population standard deviation (divides by n); 0 for no values.</summary>
    public static double PopulationStd(IReadOnlyList<double> values) =>
        values.Count == 0 ? 0.0 : Math.Sqrt(Sum(values, Mean(values), 2) / values.Count);

    private static double Sum(IReadOnlyList<double> values, double centre, int power)
    {
        double sum = 0, compensation = 0;
        foreach (double v in values)
        {
            double term = power == 1 ? v - centre : (v - centre) * (v - centre);
            double t = sum + term;
            compensation += Math.Abs(sum) >= Math.Abs(term) ? (sum - t) + term : (term - t) + sum;
            sum = t;
        }

        return sum + compensation;
    }
}
