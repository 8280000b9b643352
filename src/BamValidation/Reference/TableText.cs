using System.Globalization;

namespace BamValidation.Reference;

/// <summary>Number formatting shared by the comparison tables (invariant culture).</summary>
internal static class TableText
{
    /// <summary>Two decimals from 100 up, five significant digits below.</summary>
    public static string Num(double v) => v.ToString(Math.Abs(v) >= 100 ? "F2" : "G5", CultureInfo.InvariantCulture);

    /// <summary><paramref name="v"/> with an explicit sign.</summary>
    public static string Signed(double v, string format) => (v >= 0 ? "+" : "") + v.ToString(format, CultureInfo.InvariantCulture);

    public static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
