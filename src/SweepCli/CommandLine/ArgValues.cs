using System.Globalization;
using SweepDomain;

namespace SweepCli.CommandLine;

/// <summary>
/// Numbers typed on the command line, read in the invariant culture. Numeric flags are declared as text so that a
/// bad number is reported together with every other problem of the request, not alone as a parse error.
/// </summary>
internal static class ArgValues
{
    public static int? Int(string? text, string flag, ValidationErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            return value;
        }

        errors.Add(flag, $"'{text}' is not a whole number.");
        return null;
    }

    public static double? Double(string? text, string flag, ValidationErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value))
        {
            return value;
        }

        errors.Add(flag, $"'{text}' is not a finite number (write it like 1.0 or 0.5).");
        return null;
    }

    /// <summary>Workers: at least 1; none given means all cores.</summary>
    public static int Workers(string? text, int cores, ValidationErrors errors)
    {
        int? workers = Int(text, "--workers", errors);
        if (workers is < 1)
        {
            errors.Add("--workers", $"Must be at least 1; got {workers}.");
        }

        return workers ?? cores;
    }
}
