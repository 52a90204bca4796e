namespace Syndicator.Core.Tracking;

/// <summary>
/// China's working days: Monday to Friday, except the configured public holidays, plus the configured weekend days
/// that are worked instead (调休). Official holidays move every year, so both lists are configuration.
/// </summary>
public sealed class WorkingDayCalendar
{
    /// <summary>China Standard Time; China keeps no daylight saving time.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _extraWorkdays;

    public WorkingDayCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> extraWorkdays)
    {
        _holidays = [.. holidays];
        _extraWorkdays = [.. extraWorkdays];
    }

    /// <summary>The China calendar date of <paramref name="instant"/>.</summary>
    public static DateOnly ChinaDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(ChinaOffset).DateTime);

    public bool IsWorkingDay(DateOnly day)
    {
        if (_extraWorkdays.Contains(day))
        {
            return true;
        }

        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);
    }

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="from"/> (<paramref name="from"/> itself not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly from, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var day = from;
        for (var left = count; left > 0;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }

        return day;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; 0 when <paramref name="to"/> is not later.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            count += IsWorkingDay(day) ? 1 : 0;
        }

        return count;
    }
}
