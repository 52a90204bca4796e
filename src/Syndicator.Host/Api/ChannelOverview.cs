using Syndicator.Core.Catalogue;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Dispatch;
using Syndicator.Core.Storage;
using Syndicator.Host.Health;

namespace Syndicator.Host.Api;

/// <summary>
/// Each channel's health, circuit, queue and latest success, and a health check on demand: what
/// <c>GET /api/channels</c>, <c>POST /api/channels/{c}/check</c> and the console's 渠道状态 page all show and do.
/// </summary>
internal sealed class ChannelOverview(
    ChannelCatalogue catalogue, IDeliveryStore store, ChannelHealthService health, ChannelGates gates,
    IAuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<ChannelView>> ListAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var views = new List<ChannelView>();
        foreach (var channel in catalogue.Channels)
        {
            var counts = await store.CountAsync(channel.Id, cancellationToken);
            views.Add(new ChannelView(
                channel.Id, channel.DisplayName, channel.Connector, channel.Enabled,
                HealthView.From(await health.LatestAsync(channel.Id, cancellationToken)), CircuitName(gates.Circuit(channel.Id).State), counts.Pending, counts.Failed,
                counts.OldestPendingSince is { } since ? (long)(now - since).TotalSeconds : null, counts.LastSuccessAt));
        }

        return views;
    }

    /// <summary>Runs <paramref name="channel"/>'s health check now, records and audits it; null when the channel is unknown.</summary>
    public async Task<HealthView?> CheckAsync(string channel, string actor, CancellationToken cancellationToken)
    {
        if (catalogue.Find(channel) is null)
        {
            return null;
        }

        // Stored like a scheduled check (so every node shows it) and alerted on if it changes the channel's state.
        var check = await health.CheckAsync(channel, null, cancellationToken);
        await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), actor, "channel.check", null, null, channel, null,
            $"{check.Status}: {check.Detail}"), cancellationToken);
        return HealthView.From(check);
    }

    private static string CircuitName(CircuitState state) => state switch
    {
        CircuitState.Open => "open",
        CircuitState.HalfOpen => "half_open",
        _ => "closed",
    };
}
