using Syndicator.Core.Deliveries;
using Syndicator.Core.Events;
using Syndicator.Core.Storage;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Relational;

/// <summary>
/// The delivery queue (<c>deliveries</c>, <c>attempts</c>, <c>placements</c>): the reads here, the dispatcher's claims
/// and the writes under their leases (<c>DeliveryStore.Leases.cs</c>), the operators' commands on items
/// (<c>DeliveryStore.Commands.cs</c>) and on single deliveries (<c>DeliveryStore.Retries.cs</c>).
/// </summary>
internal sealed partial class DeliveryStore(IStoreDatabase database, EventRoutes routes) : IDeliveryStore
{
    private readonly IStoreDatabase _db = RowMaps.Over(database);
    private readonly EventRoutes _routes = routes;

    public Task<Delivery?> GetAsync(string deliveryId, CancellationToken cancellationToken) =>
        _db.ReadAsync(s => FindAsync(s, deliveryId), cancellationToken);

    public async Task<IReadOnlyList<Attempt>> GetAttemptsAsync(string deliveryId, CancellationToken cancellationToken)
    {
        var rows = await _db.ReadAsync(s => s.QueryAsync<AttemptRow>("Attempts.ByDelivery", new { deliveryId }), cancellationToken);
        return [.. rows.Select(r => r.ToAttempt())];
    }

    public async Task<Placement?> GetPlacementAsync(string itemId, string channel, CancellationToken cancellationToken) =>
        (await _db.ReadAsync(s => s.QueryFirstOrDefaultAsync<PlacementRow>("Placements.Get", new { itemId, channel }), cancellationToken))
        ?.ToPlacement();

    /// <inheritdoc/>
    /// <remarks>
    /// Pending counts deliveries pending, in progress or awaiting confirmation; failed counts failed or unconfirmed
    /// deliveries that are still current (no later delivery of their item and channel replaced them).
    /// </remarks>
    public async Task<ChannelCounts> CountAsync(string channel, CancellationToken cancellationToken)
    {
        var row = await _db.ReadAsync(s => s.QueryFirstOrDefaultAsync<CountsRow>("Deliveries.Counts", new { channel }), cancellationToken);
        return new ChannelCounts(
            checked((int)row!.Pending), checked((int)row.Failed), UnixMs.To(row.OldestPendingSince), UnixMs.To(row.LastSuccessAt));
    }

    /// <summary>After a success: the revision is live (publish, update) or gone (withdraw).</summary>
    private static Task<int> PlaceAsync(IStoreSession s, Delivery delivery, long now) =>
        delivery.Operation == DeliveryOperation.Withdraw
            ? s.ExecuteAsync("Placements.Delete", new { itemId = delivery.ItemId, channel = delivery.Channel })
            : s.ExecuteAsync("Placements.UpsertFromDelivery", new { deliveryId = delivery.Id, now });

    /// <summary>
    /// Before a success is placed, while events are recorded: whether this revision was already live on the channel
    /// (a republish of what is live), so that only a change of state can make the item newly live.
    /// </summary>
    private async Task<bool> WasLiveAsync(IStoreSession s, Delivery delivery, DeliveryStatus status)
    {
        if (!_routes.Recording || status != DeliveryStatus.Succeeded || delivery.Operation == DeliveryOperation.Withdraw)
        {
            return false;
        }

        var placed = await s.QueryFirstOrDefaultAsync<PlacementRow>("Placements.Get", new { itemId = delivery.ItemId, channel = delivery.Channel });
        return placed is not null && placed.Revision == delivery.Revision;
    }

    private static async Task<Delivery?> FindAsync(IStoreSession s, string id) =>
        (await s.QueryFirstOrDefaultAsync<DeliveryRow>("Deliveries.Get", new { id }))?.ToDelivery();

    /// <summary>The id of a later delivery of the same (item, channel) that is not superseded; null when this one is current.</summary>
    private static Task<string?> FindLaterAsync(IStoreSession s, Delivery delivery) =>
        s.QueryFirstOrDefaultAsync<string>("Deliveries.FindLater", new
        {
            itemId = delivery.ItemId,
            channel = delivery.Channel,
            seq = delivery.Sequence,
        });
}
