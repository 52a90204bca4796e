using System.Globalization;
using Syndicator.Core.Alerts;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;
using Syndicator.Core.Dispatch;
using Syndicator.Core.Storage;

namespace Syndicator.Core.Tracking;

/// <summary>
/// The display-period watchdog: per notice still up on a physical outlet (<see cref="IPhysicalOutlet"/>, a notice
/// board), a reminder once its confirmed posting day plus the channel's <c>DisplayDays</c> has passed (China's calendar
/// days), saying which item, since when and the command that takes it down; resolved once it is taken down. A notice
/// whose posting was never confirmed is not on the board as far as anyone knows, and is not reminded about. What was
/// reminded is remembered per channel in <see cref="IChannelStateStore"/>, written by compare-and-swap before the alerts
/// go out, so each reminder is raised once, by one node.
/// </summary>
public sealed class DisplayPeriods(
    IBoardStore board, IChannelStateStore state, ChannelCatalogue catalogue, ConnectorRegistry connectors, IAlerts alerts, TimeProvider time)
{
    /// <summary>The alert's kind.</summary>
    public const string Kind = "board.display_period";

    /// <summary>The channel state key holding the reminded notices (<c>itemId|yyyy-MM-dd</c> per line).</summary>
    internal const string Key = "watchdog.display";

    /// <summary>Reminds and resolves on every enabled notice board with a display period; returns how many alerts went out.</summary>
    public async Task<int> CheckAsync(CancellationToken cancellationToken)
    {
        var raised = 0;
        foreach (var channel in catalogue.EnabledChannels.Where(c => connectors.KnownConnectors.Contains(c.Connector, StringComparer.Ordinal)))
        {
            if (connectors.For(channel.Id) is IPhysicalOutlet { DisplayDays: > 0 } outlet)
            {
                raised += await CheckAsync(channel, outlet.DisplayDays, cancellationToken);
            }
        }

        return raised;
    }

    private async Task<int> CheckAsync(ChannelDefinition channel, int days, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = WorkingDayCalendar.ChinaDate(now);
        var overdue = (await board.ListPostedAsync(channel.Id, cancellationToken)).Where(n => today > n.PostedOn.AddDays(days)).ToList();
        var stored = await state.GetAsync(channel.Id, Key, cancellationToken);
        var before = Parse(stored?.Value);
        var raise = overdue.Where(n => !before.TryGetValue(n.ItemId, out var posted) || posted != n.PostedOn).ToList();
        var resolve = before.Keys.Where(id => !overdue.Exists(n => n.ItemId == id)).Order(StringComparer.Ordinal).ToList();
        if (raise.Count == 0 && resolve.Count == 0)
        {
            return 0;
        }

        var next = string.Join('\n', overdue.Select(n => $"{n.ItemId}|{Day(n.PostedOn)}"));
        if (!await state.TryPutAsync(channel.Id, Key, next, null, stored?.Version ?? 0, now, cancellationToken))
        {
            return 0;
        }

        foreach (var notice in raise)
        {
            await alerts.RaiseAsync(Reminder(channel, notice, days, now), cancellationToken);
        }

        foreach (var itemId in resolve)
        {
            await alerts.RaiseAsync(new Alert(Kind, AlertSeverity.Resolved, $"{channel.Id}/{itemId}", $"公告已取下：{itemId}",
                $"The notice of {itemId} is no longer on {channel.DisplayName} ({channel.Id}): its take-down was confirmed.", now), cancellationToken);
        }

        return raise.Count + resolve.Count;
    }

    private static Alert Reminder(ChannelDefinition channel, PostedNotice notice, int days, DateTimeOffset now) =>
        new(Kind, AlertSeverity.Warning, $"{channel.Id}/{notice.ItemId}", $"公告张贴期满，请取下：{notice.Title}",
            $"{notice.Title} ({notice.ItemId}) has been on {channel.DisplayName} ({channel.Id}) since {Day(notice.PostedOn)}; its " +
            $"{days}-day display period ended on {Day(notice.PostedOn.AddDays(days))}. Take it down: " +
            $"syndicator withdraw {notice.ItemId} --channel {channel.Id} --reason \"张贴期满\", then, once it is off the board, " +
            "syndicator confirm DELIVERY --taken-down-on YYYY-MM-DD (the withdraw's delivery, see syndicator status " +
            $"{notice.ItemId}).", now);

    private static Dictionary<string, DateOnly> Parse(string? value)
    {
        var notices = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var line in (value ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Split('|') is [var id, var day]
                && DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var posted))
            {
                notices[id] = posted;
            }
        }

        return notices;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
