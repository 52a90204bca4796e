using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Syndicator.Core.Tracking;

/// <summary>
/// The deadline and freshness watchdogs (<c>Watchdogs</c>). Days are China's (UTC+8) calendar days; working days
/// follow <see cref="Holidays"/> and <see cref="ExtraWorkdays"/> (调休), which the State Council announces each year.
/// </summary>
public sealed class WatchdogOptions : IValidatableObject
{
    /// <summary>Whether the watchdogs run. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When the daily run fires, China time (it also runs once at start). Default: 08:30.</summary>
    public TimeSpan DailyAt { get; set; } = new(8, 30, 0);

    /// <summary>The channel whose publication the disclosure deadline is about. Default: <c>portal</c>; empty: off.</summary>
    public string DeadlineChannel { get; set; } = "portal";

    /// <summary>Working days from 成文日期 within which the item must be published (条例 第二十六条). Default: 20.</summary>
    public int WorkingDays { get; set; } = 20;

    /// <summary>Working days before the deadline to warn. Default: 3.</summary>
    public int WarnBefore { get; set; } = 3;

    /// <summary>Weekdays that are public holidays (yyyy-MM-dd). Default: none.</summary>
    public List<string> Holidays { get; set; } = [];

    /// <summary>Weekend days that are working days (调休 make-up days, yyyy-MM-dd). Default: none.</summary>
    public List<string> ExtraWorkdays { get; set; } = [];

    /// <summary>Days without a publication on a channel before a warning. Default: 10.</summary>
    public int FreshnessWarnDays { get; set; } = 10;

    /// <summary>Days without a publication on a channel before an alert (the veto is at two weeks). Default: 14.</summary>
    public int FreshnessAlertDays { get; set; } = 14;

    /// <summary>The calendar these settings describe; call after <see cref="Problems"/> found none.</summary>
    public WorkingDayCalendar Calendar() => new(Parse(Holidays), Parse(ExtraWorkdays));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Problems().Select(p => new ValidationResult(p));

    /// <summary>Problems, each naming the key and its value.</summary>
    public IEnumerable<string> Problems()
    {
        if (DailyAt < TimeSpan.Zero || DailyAt >= TimeSpan.FromDays(1))
        {
            yield return $"Watchdogs:DailyAt {DailyAt} must be a time of day from 00:00 to 23:59.";
        }

        if (WorkingDays is < 1 or > 250)
        {
            yield return $"Watchdogs:WorkingDays {WorkingDays} must be from 1 to 250.";
        }

        if (WarnBefore < 0 || WarnBefore >= WorkingDays)
        {
            yield return $"Watchdogs:WarnBefore {WarnBefore} must be from 0 to less than WorkingDays ({WorkingDays}).";
        }

        if (FreshnessWarnDays < 1 || FreshnessAlertDays < 1 || FreshnessWarnDays > FreshnessAlertDays || FreshnessAlertDays > 366)
        {
            yield return $"Watchdogs:FreshnessWarnDays {FreshnessWarnDays} and FreshnessAlertDays {FreshnessAlertDays} must be 1 or more, warn no later than alert, alert at most 366.";
        }

        foreach (var problem in DateProblems(nameof(Holidays), Holidays).Concat(DateProblems(nameof(ExtraWorkdays), ExtraWorkdays)))
        {
            yield return problem;
        }
    }

    private static IEnumerable<string> DateProblems(string key, List<string> dates)
    {
        for (var i = 0; i < dates.Count; i++)
        {
            if (!DateOnly.TryParseExact(dates[i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                yield return $"Watchdogs:{key}:{i} '{dates[i]}' is not a date (yyyy-MM-dd).";
            }
        }
    }

    private static IEnumerable<DateOnly> Parse(List<string> dates) =>
        dates.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture));
}
