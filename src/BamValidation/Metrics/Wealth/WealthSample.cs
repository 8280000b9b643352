using BamValidation.Numerics;

namespace BamValidation.Metrics.Wealth;

/// <summary>
/// The positive wealth values a fit works on, with what every likelihood needs precomputed: their logarithms
/// (in array order), a sorted copy for the CCDF, and the log-data summaries that seed the starting points.
/// Buffers are reused across runs.
/// </summary>
public sealed class WealthSample
{
    private double[] _values = [];
    private double[] _logs = [];
    private double[] _sorted = [];
    private double[] _cdf = [];

    public int Count { get; private set; }

    /// <summary>The positive values in their original order (the fallback test reads the first five).</summary>
    public ReadOnlySpan<double> Values => _values.AsSpan(0, Count);

    public ReadOnlySpan<double> Logs => _logs.AsSpan(0, Count);

    public ReadOnlySpan<double> Sorted => _sorted.AsSpan(0, Count);

    /// <summary>Scratch for a fitted CDF at the sorted points.</summary>
    internal Span<double> Cdf => _cdf.AsSpan(0, Count);

    public double SumLog { get; private set; }

    public double MeanLog { get; private set; }

    public double StdLog { get; private set; }

    public double Median { get; private set; }

    public double MinLog { get; private set; }

    public double MaxLog { get; private set; }

    /// <summary>Keeps the strictly positive values of <paramref name="data"/>, in order.</summary>
    public void Load(ReadOnlySpan<double> data)
    {
        if (_values.Length < data.Length)
        {
            int size = Math.Max(data.Length, 16);
            _values = new double[size];
            _logs = new double[size];
            _sorted = new double[size];
            _cdf = new double[size];
        }

        int n = 0;
        for (int i = 0; i < data.Length; i++)
        {
            if (data[i] > 0.0)
            {
                _values[n] = data[i];
                _logs[n] = Math.Log(data[i]);
                n++;
            }
        }

        Count = n;
        Values.CopyTo(_sorted);
        _sorted.AsSpan(0, n).Sort();
        SumLog = 0.0;
        for (int i = 0; i < n; i++)
        {
            SumLog += _logs[i];
        }

        MeanLog = n > 0 ? SumLog / n : double.NaN;
        StdLog = Stats.PopulationStd(Logs);
        Median = Stats.PercentileOfSorted(Sorted, 50.0);
        MinLog = n > 0 ? Math.Log(_sorted[0]) : double.NaN;
        MaxLog = n > 0 ? Math.Log(_sorted[n - 1]) : double.NaN;
    }
}
