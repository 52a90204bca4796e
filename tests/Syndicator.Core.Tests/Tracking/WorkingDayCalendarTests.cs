using Syndicator.Core.Tracking;

namespace Syndicator.Core.Tests.Tracking;

public sealed class WorkingDayCalendarTests
{
    // 2025 National Day: 10-01..10-08 off (the weekdays among them are holidays), Sunday 09-28 and Saturday 10-11 worked (调休).
    private static WorkingDayCalendar NationalDay2025() => new(
        [new(2025, 10, 1), new(2025, 10, 2), new(2025, 10, 3), new(2025, 10, 6), new(2025, 10, 7), new(2025, 10, 8)],
        [new(2025, 9, 28), new(2025, 10, 11)]);

    [Fact]
    public void AddWorkingDays_PlainWeeks_SkipsWeekends()
    {
        var calendar = new WorkingDayCalendar([], []);

        // Monday 2026-03-02 plus 20 working days: four whole weeks later, Monday 2026-03-30.
        Assert.Equal(new DateOnly(2026, 3, 30), calendar.AddWorkingDays(new DateOnly(2026, 3, 2), 20));
    }

    [Fact]
    public void IsWorkingDay_MakeUpSundayAndHolidayWeekday_AsConfigured()
    {
        var calendar = NationalDay2025();

        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 9, 28)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 10, 1)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 10, 4)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 10, 9)));
    }

    [Fact]
    public void AddWorkingDays_AcrossNationalDay_CountsMakeUpDaysAndSkipsHolidays()
    {
        var calendar = NationalDay2025();

        // From Friday 09-26: 09-28 (调休), 09-29, 09-30, then 10-09, 10-10, 10-11 (调休) — the 6th is Saturday 10-11.
        Assert.Equal(new DateOnly(2025, 10, 11), calendar.AddWorkingDays(new DateOnly(2025, 9, 26), 6));
        Assert.Equal(6, calendar.WorkingDaysBetween(new DateOnly(2025, 9, 26), new DateOnly(2025, 10, 11)));
    }

    [Fact]
    public void ChinaDate_LateUtcEvening_IsNextDayInChina()
    {
        Assert.Equal(new DateOnly(2026, 3, 3), WorkingDayCalendar.ChinaDate(new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Problems_BadHolidayDate_NamesTheKey()
    {
        var options = new WatchdogOptions { Holidays = ["2025-10-01", "10/02/2025"], WarnBefore = 25 };

        var problems = options.Problems().ToList();

        Assert.Contains(problems, p => p.StartsWith("Watchdogs:Holidays:1 '10/02/2025'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Watchdogs:WarnBefore 25", StringComparison.Ordinal));
    }
}
