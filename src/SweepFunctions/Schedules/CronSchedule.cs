using NCrontab;
using SweepDomain;

namespace SweepFunctions.Schedules;

/// <summary>
/// An NCRONTAB expression in UTC, as Azure Functions timers write them: six fields with seconds
/// (<c>0 0 3 * * 1</c>, Mondays at 03:00) or the classic five without.
/// </summary>
public sealed class CronSchedule
{
    private static readonly TimeSpan LongestLookBack = TimeSpan.FromDays(366 * 5);

    private readonly CrontabSchedule _schedule;

    private CronSchedule(string expression, CrontabSchedule schedule) => (Expression, _schedule) = (expression, schedule);

    public string Expression { get; }

    public static CronSchedule? Parse(string expression, ValidationErrors errors, string field = "cron")
    {
        int fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var schedule = fields is 5 or 6
            ? CrontabSchedule.TryParse(expression.Trim(), new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 })
            : null;
        if (schedule is null)
        {
            errors.Add(field, $"'{expression}' is not an NCRONTAB expression: write 6 fields with seconds (\"0 0 3 * * 1\") or 5 without.");
            return null;
        }

        return new CronSchedule(expression.Trim(), schedule);
    }

    /// <summary>The latest occurrence at or before <paramref name="now"/>, or null when there was none in five years.</summary>
    public DateTimeOffset? MostRecentAtOrBefore(DateTimeOffset now)
    {
        DateTime end = now.UtcDateTime.AddTicks(1);   // occurrences are searched in (start, end): end is exclusive
        for (var lookBack = TimeSpan.FromMinutes(2); ; lookBack = lookBack * 8 < LongestLookBack ? lookBack * 8 : LongestLookBack)
        {
            DateTime? latest = null;
            foreach (DateTime occurrence in _schedule.GetNextOccurrences(end - lookBack, end))
            {
                latest = occurrence;
            }

            if (latest is { } found)
            {
                return new DateTimeOffset(DateTime.SpecifyKind(found, DateTimeKind.Utc));
            }

            if (lookBack == LongestLookBack)
            {
                return null;
            }
        }
    }

    public override string ToString() => Expression;
}
