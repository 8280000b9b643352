using SweepDomain;
using SweepFunctions.Schedules;
using SweepFunctions.Storage;

namespace SweepFunctions.Tests;

public sealed class ScheduleParsingTests
{
    [Theory]
    [InlineData("0 0 3 * * *", "2026-03-02T03:10:00Z", "2026-03-02T03:00:00Z")]
    [InlineData("0 0 3 * * *", "2026-03-02T03:00:00Z", "2026-03-02T03:00:00Z")]
    [InlineData("0 0 3 * * *", "2026-03-02T02:59:59Z", "2026-03-01T03:00:00Z")]
    [InlineData("0 0 3 * * 1", "2026-03-05T12:00:00Z", "2026-03-02T03:00:00Z")]
    [InlineData("30 2 1 * *", "2026-03-05T12:00:00Z", "2026-03-01T02:30:00Z")]
    [InlineData("0 0 0 1 1 *", "2026-03-05T12:00:00Z", "2026-01-01T00:00:00Z")]
    public void CronSchedule_MostRecentAtOrBefore_IsTheLatestDueTimeNotAfterNow(string cron, string now, string expected)
    {
        var schedule = CronSchedule.Parse(cron, new ValidationErrors())!;

        var due = schedule.MostRecentAtOrBefore(DateTimeOffset.Parse(now));

        Assert.Equal(DateTimeOffset.Parse(expected), due);
    }

    [Fact]
    public void CronSchedule_NeverDue_HasNoMostRecentTime()
    {
        var schedule = CronSchedule.Parse("0 0 0 30 2 *", new ValidationErrors())!;

        Assert.Null(schedule.MostRecentAtOrBefore(DateTimeOffset.Parse("2026-03-05T12:00:00Z")));
    }

    [Theory]
    [InlineData("", "cron")]
    [InlineData("0 0 3 * *  * *", "cron")]
    [InlineData("every day", "cron")]
    public void CronSchedule_NotNcrontab_IsAnErrorUnderCron(string cron, string field)
    {
        var errors = new ValidationErrors();

        Assert.Null(CronSchedule.Parse(cron, errors));
        Assert.True(errors.ToDictionary().ContainsKey(field));
    }

    [Fact]
    public void SweepIdFor_DueTime_IsNameDashUtcMinute()
    {
        Assert.Equal("nightly-20260302T0300Z", ScheduleRunner.SweepIdFor("nightly", new DateTimeOffset(2026, 3, 2, 4, 0, 0, TimeSpan.FromHours(1))));
    }

    [Fact]
    public void ScheduleDefinition_AllFieldsWrong_ReportsEachOne()
    {
        var errors = new ValidationErrors();

        var schedule = ScheduleDefinition.Parse("bad name", """{"cron": 5, "baseFrom": "newest", "when": 1}""", errors);

        Assert.Null(schedule);
        Assert.Equal(["name", "when", "cron", "request", "baseFrom"], errors.ToDictionary().Keys);
    }

    [Theory]
    [InlineData("schedules/nightly.json", "nightly")]
    [InlineData("schedules/nightly.latest.json", null)]
    [InlineData("schedules/sub/nightly.json", null)]
    [InlineData("schedules/readme.txt", null)]
    public void ScheduleNameOf_BlobName_IsTheNameOfDefinitionsOnly(string blob, string? expected)
    {
        Assert.Equal(expected, SweepBlobs.ScheduleNameOf(blob));
    }
}
