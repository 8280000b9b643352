using System.Globalization;

namespace SweepLibrary.Output;

/// <summary>Time-left text as the original prints it (sweep-semantics §8 <c>format_eta</c>).</summary>
public static class Eta
{
    /// <summary>Runs needed before the average run time is trusted, as in the original's screening.</summary>
    public const int MinimumSamples = 5;

    /// <summary><c>unknown</c> until enough runs finished; then the measured rate projected over the rest.</summary>
    public static string Estimate(int done, int total, TimeSpan elapsed)
    {
        if (done >= total)
        {
            return "0s";
        }

        return done < Math.Min(MinimumSamples, total) || elapsed <= TimeSpan.Zero
            ? "unknown"
            : Format(elapsed.TotalSeconds / done * (total - done));
    }

    /// <summary><c>&lt; 60 s</c>: whole seconds (half to even); under an hour: <c>5m 07s</c>; else <c>2h 03m</c>.</summary>
    public static string Format(double seconds)
    {
        if (seconds < 60)
        {
            return Math.Round(seconds, MidpointRounding.ToEven).ToString(CultureInfo.InvariantCulture) + "s";
        }

        if (seconds < 3600)
        {
            int whole = (int)seconds;
            return $"{whole / 60}m {whole % 60:00}s";
        }

        int minutes = (int)(seconds / 60);
        return $"{minutes / 60}h {minutes % 60:00}m";
    }
}
