using System.Globalization;
using SweepDomain.Parameters;

namespace SweepDomain.Stages;

/// <summary>How a range spreads its points: evenly, or evenly in the logarithm.</summary>
public enum RangeScale { Linear, Log }

/// <summary>
/// One ranged parameter of a stage, <c>name=min..max</c> or <c>name=min..max:log</c>, inclusive at both ends.
/// <see cref="Integer"/> is set for an int parameter, whose range spreads over the integers min..max.
/// </summary>
public sealed record RangeAxis(string Name, double Min, double Max, RangeScale Scale, bool Integer)
{
    /// <summary>
    /// The value at <paramref name="u"/> in [0, 1): linear or logarithmic between the bounds; an integer range gives
    /// each integer an equal share of [0, 1). Floats are rounded to <see cref="SignificantDigits"/> significant digits,
    /// so reports stay readable and every host writes the same value.
    /// </summary>
    public ParamValue At(double u)
    {
        u = Math.Clamp(u, 0.0, 1.0);
        if (Integer)
        {
            double lo = Min, hi = Max + 1;
            double x = Scale == RangeScale.Log ? Math.Exp(Math.Log(lo) + u * (Math.Log(hi) - Math.Log(lo))) : lo + u * (hi - lo);
            return ParamValue.Int((long)Math.Clamp(Math.Floor(x), Min, Max));
        }

        double y = Scale == RangeScale.Log ? Math.Exp(Math.Log(Min) + u * (Math.Log(Max) - Math.Log(Min))) : Min + u * (Max - Min);
        return ParamValue.Float(Math.Clamp(Round(y), Min, Max));
    }

    /// <summary>Where <paramref name="value"/> lies in [0, 1], the inverse of <see cref="At"/> up to rounding.</summary>
    public double Unit(double value)
    {
        double lo = Min, hi = Integer ? Max + 1 : Max, x = Integer ? value + 0.5 : value;
        double u = Scale == RangeScale.Log ? (Math.Log(x) - Math.Log(lo)) / (Math.Log(hi) - Math.Log(lo)) : (x - lo) / (hi - lo);
        return Math.Clamp(u, 0.0, 1.0);
    }

    public const int SignificantDigits = 6;

    /// <summary>As the stage syntax writes it: <c>beta=0.5..5</c>, <c>r_bar=0.01..0.2:log</c>.</summary>
    public override string ToString() =>
        $"{Name}={Fmt(Min)}..{Fmt(Max)}" + (Scale == RangeScale.Log ? ":log" : "");

    private static double Round(double x) => double.Parse(x.ToString("G" + SignificantDigits, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Fmt(double x) => x.ToString(CultureInfo.InvariantCulture);
}
