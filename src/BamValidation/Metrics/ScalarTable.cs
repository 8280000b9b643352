namespace BamValidation.Metrics;

/// <summary>The computed scalars of one run, indexed by <see cref="Scalar"/>. Every value starts as NaN.</summary>
public sealed class ScalarTable
{
    private readonly double[] _values = new double[Enum.GetValues<Scalar>().Length];

    public ScalarTable() => Clear();

    public double this[Scalar scalar]
    {
        get => _values[(int)scalar];
        set => _values[(int)scalar] = value;
    }

    /// <summary>Sets every value back to NaN, so a metric that is never computed reads as NaN (and FAILs).</summary>
    public void Clear() => Array.Fill(_values, double.NaN);
}
