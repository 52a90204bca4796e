using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Dispatch;
using Syndicator.Core.Storage;

namespace Syndicator.Host.Api;

/// <summary>
/// Each channel's health, circuit, queue and latest success, and a health check on demand: what
/// <c>GET /api/channels</c>, <c>POST /api/channels/{c}/check</c> and the console's 渠道状态 page all show and do.
/// </summary>
internal sealed class ChannelOverview(
    ChannelCatalogue catalogue, IDeliveryStore store, ChannelHealthBoard board, ChannelGates gates, ConnectorRegistry connectors,
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
                HealthView.From(board.Latest(channel.Id)), CircuitName(gates.Circuit(channel.Id).State), counts.Pending, counts.Failed,
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

        var health = await connectors.For(channel).CheckHealthAsync(cancellationToken);
        var now = time.GetUtcNow();
        board.Record(channel, health, now);
        await audit.AppendAsync(new AuditEntry(now, actor, "channel.check", null, null, channel, null,
            $"{health.Status}: {health.Detail}"), cancellationToken);
        return HealthView.From((health, now));
    }

    private static string CircuitName(CircuitState state) => state switch
    {
        CircuitState.Open => "open",
        CircuitState.HalfOpen => "half_open",
        _ => "closed",
    };
}
