using System.Globalization;
using Microsoft.Extensions.Options;
using Syndicator.Core.Alerts;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;
using Syndicator.Core.Storage;

namespace Syndicator.Host.Health;

/// <summary>
/// Decides when channel health is worth an alert: when a channel's status differs from the one last alerted on, and
/// when its oldest pending delivery waits too long (once per episode, then once when it clears).
/// </summary>
/// <remarks>
/// What was last alerted on lives in the shared store (<see cref="IChannelStateStore"/>, keys <see cref="HealthKey"/>
/// and <see cref="BacklogKey"/>), written by compare-and-swap on its version. So the decision holds across nodes and
/// restarts: of two nodes that see the same change at once, only the one whose write wins sends the alert.
/// </remarks>
internal sealed class HealthAlerting(
    IChannelStateStore state, IDeliveryStore deliveries, ChannelCatalogue catalogue, IAlerts alerts, IOptions<HealthOptions> options,
    TimeProvider time, ILogger<HealthAlerting> logger)
{
    public const string HealthKey = "alert.health";
    public const string BacklogKey = "alert.backlog";
    private const string Open = "open";
    private const string Clear = "clear";
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>Alerts on <paramref name="check"/> if it changes the channel's status. Never throws for the alert's sake.</summary>
    public async Task OnCheckedAsync(HealthCheck check, CancellationToken cancellationToken)
    {
        var stored = await state.GetAsync(check.Channel, HealthKey, cancellationToken);
        ChannelHealthStatus? previous = stored is null ? null : HealthStatusNames.Parse(stored.Value);
        if (previous == check.Status)
        {
            return;
        }

        if (!await state.TryPutAsync(check.Channel, HealthKey, HealthStatusNames.Of(check.Status), null, stored?.Version ?? 0, check.CheckedAt, cancellationToken))
        {
            // Another node recorded a change first (and alerted on it, if it was one).
            return;
        }

        // A channel's first check says nothing new unless something is wrong.
        if (previous is null && check.Status is ChannelHealthStatus.Healthy or ChannelHealthStatus.Unknown)
        {
            return;
        }

        await RaiseAsync(HealthChanged(check, previous ?? ChannelHealthStatus.Unknown), cancellationToken);
    }

    /// <summary>Raises or resolves each enabled channel's backlog alert; each channel on its own.</summary>
    public async Task CheckBacklogsAsync(CancellationToken cancellationToken)
    {
        foreach (var channel in catalogue.EnabledChannels)
        {
            try
            {
                await CheckBacklogAsync(channel, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.BacklogCheckFailed(logger, ex, channel.Id);
            }
        }
    }

    private async Task CheckBacklogAsync(ChannelDefinition channel, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var counts = await deliveries.CountAsync(channel.Id, cancellationToken);
        var age = counts.OldestPendingSince is { } since ? now - since : TimeSpan.Zero;
        var stuck = age > options.Value.PendingAlertAfter;
        var stored = await state.GetAsync(channel.Id, BacklogKey, cancellationToken);
        if (stuck == (stored?.Value == Open) || (!stuck && stored is null))
        {
            return;
        }

        if (await state.TryPutAsync(channel.Id, BacklogKey, stuck ? Open : Clear, null, stored?.Version ?? 0, now, cancellationToken))
        {
            await RaiseAsync(stuck ? BacklogOpened(channel, counts, age, now) : BacklogCleared(channel, now), cancellationToken);
        }
    }

    private async Task RaiseAsync(Alert alert, CancellationToken cancellationToken)
    {
        try
        {
            await alerts.RaiseAsync(alert, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.AlertFailed(logger, ex, alert.Kind, alert.Subject);
        }
    }

    private Alert HealthChanged(HealthCheck check, ChannelHealthStatus previous)
    {
        var name = catalogue.Find(check.Channel)?.DisplayName ?? check.Channel;
        var severity = check.Status switch
        {
            ChannelHealthStatus.Healthy => AlertSeverity.Resolved,
            ChannelHealthStatus.Unhealthy => AlertSeverity.Critical,
            _ => AlertSeverity.Warning,
        };
        return new Alert("channel.health", severity, check.Channel,
            $"渠道{Chinese(check.Status)}：{name}（{check.Channel}）",
            $"{name} ({check.Channel}): {HealthStatusNames.Of(previous)} → {HealthStatusNames.Of(check.Status)} at {Local(check.CheckedAt)}. " +
            $"{check.Detail} (checked in {check.LatencyMs} ms by {check.Node})",
            check.CheckedAt);
    }

    private static Alert BacklogOpened(ChannelDefinition channel, ChannelCounts counts, TimeSpan age, DateTimeOffset now) =>
        new("channel.backlog", AlertSeverity.Critical, channel.Id,
            $"渠道积压：{channel.DisplayName}（{channel.Id}）",
            $"{channel.DisplayName} ({channel.Id}): the oldest of {counts.Pending} pending deliveries has waited {Minutes(age)} " +
            $"(since {Local(counts.OldestPendingSince!.Value)}). Check the channel's health and circuit, and the failed queue.",
            now);

    private static Alert BacklogCleared(ChannelDefinition channel, DateTimeOffset now) =>
        new("channel.backlog", AlertSeverity.Resolved, channel.Id,
            $"渠道积压已消除：{channel.DisplayName}（{channel.Id}）",
            $"{channel.DisplayName} ({channel.Id}): no pending delivery is overdue any more ({Local(now)}).",
            now);

    private static string Chinese(ChannelHealthStatus status) => status switch
    {
        ChannelHealthStatus.Healthy => "已恢复正常",
        ChannelHealthStatus.Degraded => "性能下降",
        ChannelHealthStatus.Unhealthy => "不可用",
        _ => "状态未知",
    };

    private static string Local(DateTimeOffset at) => at.ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm:ss '(UTC+8)'", CultureInfo.InvariantCulture);

    private static string Minutes(TimeSpan age) => age.TotalMinutes >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{age.TotalMinutes:0} min")
        : string.Create(CultureInfo.InvariantCulture, $"{age.TotalSeconds:0} s");
}
