using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Syndicator.Core.Alerts;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Storage;

namespace Syndicator.Core.Tracking;

/// <summary>
/// The deadline watchdog (an item must be on the deadline channel within <see cref="WatchdogOptions.WorkingDays"/>
/// working days of its 成文日期, 条例 第二十六条) and the freshness watchdog (a channel without a publication for two
/// weeks fails inspection). What was alerted is remembered in <see cref="IChannelStateStore"/> and written by
/// compare-and-swap before the alert goes out, so each warning and alert is raised once, by one node.
/// </summary>
public sealed class Watchdogs(
    ITrackingStore tracking,
    IChannelStateStore state,
    ChannelCatalogue catalogue,
    IAlerts alerts,
    TimeProvider time,
    IOptions<WatchdogOptions> options,
    DisplayPeriods displayPeriods,
    ILogger<Watchdogs> logger)
{
    /// <summary>How far back items are looked at: well past any deadline of 20 working days, holidays included.</summary>
    private static readonly TimeSpan DeadlineLookBack = TimeSpan.FromDays(180);

    /// <summary>Runs every watchdog (deadline, freshness, notice boards' display periods); one failing does not stop the others.</summary>
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var deadline = await GuardAsync("deadline", () => CheckDeadlinesAsync(cancellationToken), cancellationToken);
        var freshness = await GuardAsync("freshness", () => CheckFreshnessAsync(cancellationToken), cancellationToken);
        var display = await GuardAsync("display period", () => displayPeriods.CheckAsync(cancellationToken), cancellationToken);
        var summary = $"deadline: {deadline}; freshness: {freshness}; display period: {display}";
        Log.WatchdogsRan(logger, summary);
        return summary;
    }

    /// <summary>Warns before and alerts after the deadline of each item not yet published on the deadline channel.</summary>
    public async Task<int> CheckDeadlinesAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (string.IsNullOrEmpty(o.DeadlineChannel) || catalogue.Find(o.DeadlineChannel) is null)
        {
            return 0;
        }

        var calendar = o.Calendar();
        var now = time.GetUtcNow();
        var today = WorkingDayCalendar.ChinaDate(now);
        var raised = 0;
        foreach (var item in await tracking.ListDeadlineCandidatesAsync(o.DeadlineChannel, now - DeadlineLookBack, cancellationToken))
        {
            if (item.PublishedAt is not null)
            {
                continue;
            }

            var due = calendar.AddWorkingDays(item.WrittenOn, o.WorkingDays);
            var warnFrom = calendar.AddWorkingDays(item.WrittenOn, o.WorkingDays - o.WarnBefore);
            var subject = $"{o.DeadlineChannel}/{item.ItemId}";
            Alert? alert = today > due
                ? new Alert("item.deadline", AlertSeverity.Critical, subject, $"已超过公开时限：{item.Title}",
                    $"成文日期 {Day(item.WrittenOn)}; {o.WorkingDays} working days ran out on {Day(due)} and the item is not yet " +
                    $"published on {o.DeadlineChannel} (条例 第二十六条: within 20 working days). Publish it now.", now)
                : today >= warnFrom
                    ? new Alert("item.deadline", AlertSeverity.Warning, subject, $"即将超过公开时限：{item.Title}",
                        $"成文日期 {Day(item.WrittenOn)}; must be published on {o.DeadlineChannel} by {Day(due)} " +
                        $"({calendar.WorkingDaysBetween(today, due)} working days left).", now)
                    : null;
            if (alert is not null
                && await state.TryPutAsync(o.DeadlineChannel, DeadlineKey(alert.Severity, item.ItemId), Day(due), null, 0, now, cancellationToken))
            {
                await alerts.RaiseAsync(alert, cancellationToken);
                raised++;
            }
        }

        return raised;
    }

    /// <summary>Warns and alerts per enabled channel by days since its last publication; resolves when one happens.</summary>
    public async Task<int> CheckFreshnessAsync(CancellationToken cancellationToken)
    {
        var raised = 0;
        foreach (var channel in catalogue.EnabledChannels)
        {
            raised += await CheckFreshnessAsync(channel.Id, channel.DisplayName, cancellationToken) ? 1 : 0;
        }

        return raised;
    }

    private async Task<bool> CheckFreshnessAsync(string channel, string displayName, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var stored = await state.GetAsync(channel, FreshnessState.Key, cancellationToken);
        var before = FreshnessState.Parse(stored?.Value);
        var last = await tracking.LastPublicationAsync(channel, cancellationToken);

        // A channel that never published is counted from when the watchdog first saw it.
        var reference = last ?? before?.Reference ?? now;
        var days = WorkingDayCalendar.ChinaDate(now).DayNumber - WorkingDayCalendar.ChinaDate(reference).DayNumber;
        var level = days >= o.FreshnessAlertDays ? FreshnessLevel.Alerted : days >= o.FreshnessWarnDays ? FreshnessLevel.Warned : FreshnessLevel.Ok;
        var was = before?.Level ?? FreshnessLevel.Ok;
        var alert = level > was || (level == FreshnessLevel.Ok && was != FreshnessLevel.Ok)
            ? FreshnessAlert(channel, displayName, level, days, last, now)
            : null;
        if (alert is null && stored is not null && before?.Reference == reference)
        {
            return false;
        }

        var next = new FreshnessState(alert is null ? was : level, reference);
        if (!await state.TryPutAsync(channel, FreshnessState.Key, next.ToString(), null, stored?.Version ?? 0, now, cancellationToken)
            || alert is null)
        {
            return false;
        }

        await alerts.RaiseAsync(alert, cancellationToken);
        return true;
    }

    private Alert FreshnessAlert(string channel, string displayName, FreshnessLevel level, int days, DateTimeOffset? last, DateTimeOffset now)
    {
        var since = last is { } l ? $"the last publication was on {Day(WorkingDayCalendar.ChinaDate(l))}" : "nothing was ever published through Syndicator";
        return level switch
        {
            FreshnessLevel.Ok => new Alert("channel.freshness", AlertSeverity.Resolved, channel, $"已恢复更新：{displayName}",
                $"{displayName} ({channel}) published again; {since}.", now),
            FreshnessLevel.Warned => new Alert("channel.freshness", AlertSeverity.Warning, channel, $"{days} 天未更新：{displayName}",
                $"{displayName} ({channel}): {days} days without a publication ({since}); inspections veto a site or account " +
                $"not updated for two weeks. Publish something within {options.Value.FreshnessAlertDays - days} days.", now),
            _ => new Alert("channel.freshness", AlertSeverity.Critical, channel, $"{days} 天未更新：{displayName}",
                $"{displayName} ({channel}): {days} days without a publication ({since}) — the two-week veto of inspections " +
                "is reached. Publish now.", now),
        };
    }

    private async Task<string> GuardAsync(string name, Func<Task<int>> run, CancellationToken cancellationToken)
    {
        try
        {
            return $"{await run()} raised";
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.WatchdogFailed(logger, ex, name);
            return "failed";
        }
    }

    private static string DeadlineKey(AlertSeverity severity, string itemId) =>
        (severity == AlertSeverity.Critical ? "watchdog.deadline.passed:" : "watchdog.deadline.warned:") + itemId;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

internal enum FreshnessLevel
{
    Ok,
    Warned,
    Alerted,
}

/// <summary>What the freshness watchdog remembers per channel: the level alerted in this episode and the day it counts from.</summary>
internal sealed record FreshnessState(FreshnessLevel Level, DateTimeOffset Reference)
{
    public const string Key = "watchdog.freshness";

    public static FreshnessState? Parse(string? value)
    {
        var parts = value?.Split('|');
        return parts is [var level, var ms]
            && Enum.TryParse<FreshnessLevel>(level, ignoreCase: true, out var l)
            && long.TryParse(ms, NumberStyles.Integer, CultureInfo.InvariantCulture, out var unix)
            ? new FreshnessState(l, DateTimeOffset.FromUnixTimeMilliseconds(unix))
            : null;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Level.ToString().ToLowerInvariant()}|{Reference.ToUnixTimeMilliseconds()}");
}
