using Syndicator.Core.Deliveries;
using Syndicator.Core.Events;
using Syndicator.Core.Items;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Relational;

/// <summary>
/// Writes events inside the transaction of the change they report (docs/events.md), so that an event exists exactly
/// when its change does: recorded only while <see cref="EventRoutes.Recording"/>, and queued for each subscription
/// that takes it. Which deliveries' ends make an item live or withdrawn is decided here, from what the transaction sees.
/// </summary>
internal static class EventLog
{
    public static async Task AppendAsync(IStoreSession s, EventRoutes routes, EventDraft draft)
    {
        var id = EventDraft.NewId();
        var now = UnixMs.From(draft.OccurredAt);
        var seq = await s.ScalarAsync<long>("Events.Insert", new
        {
            id,
            type = draft.Type,
            itemId = draft.ItemId,
            revision = (long?)draft.Revision,
            channel = draft.Channel,
            channels = StorageJson.Serialize(draft.Channels),
            occurredAt = now,
            payload = draft.Payload(),
        });
        foreach (var subscription in routes.Taking(draft.Type, draft.Channels))
        {
            await s.ExecuteAsync("Events.Route", new { subscription, seq, now });
        }
    }

    /// <summary><c>item.accepted</c> for a revision just stored with its deliveries.</summary>
    public static Task ItemAcceptedAsync(IStoreSession s, EventRoutes routes, ItemRevision item, IReadOnlyList<string> channels, string? indexNumber) =>
        !routes.Recording
            ? Task.CompletedTask
            : AppendAsync(s, routes, new EventDraft(
                EventTypes.ItemAccepted, item.Id, item.Revision, null, channels, item.AcceptedAt,
                new ItemAcceptedData(item.Id, item.Revision, indexNumber, item.Title, item.Category, channels, item.AcceptedAt)));

    /// <summary>
    /// After a delivery ended (a try's completion or an operator's confirmation), placements already written:
    /// <c>delivery.*</c>, then <c>item.live</c> when this success made the latest revision live on every routed
    /// channel, or <c>item.withdrawn</c> when this was the item's last withdrawal on its way. <c>wasLive</c>: this
    /// channel already had this revision live before the change (a republish of what is live: no new state).
    /// </summary>
    public static async Task DeliveryEndedAsync(
        IStoreSession s, EventRoutes routes, Delivery delivery, DeliveryStatus status, Uri? url, string? remoteId, string? reason,
        DateTimeOffset now, bool wasLive)
    {
        var type = status switch
        {
            DeliveryStatus.Succeeded => EventTypes.DeliverySucceeded,
            DeliveryStatus.Failed => EventTypes.DeliveryFailed,
            DeliveryStatus.Unconfirmed => EventTypes.DeliveryUnconfirmed,
            _ => null,
        };
        if (!routes.Recording)
        {
            return;
        }

        if (type is null)
        {
            // A withdrawal handed to a person (the notice board) is no longer on its way: the others may be settled.
            if (status == DeliveryStatus.Handoff && delivery.Operation == DeliveryOperation.Withdraw)
            {
                await WithdrawalSettledAsync(s, routes, delivery.ItemId, delivery.Reason, now);
            }

            return;
        }

        var live = status == DeliveryStatus.Succeeded && delivery.Operation != DeliveryOperation.Withdraw;
        await AppendAsync(s, routes, new EventDraft(
            type, delivery.ItemId, delivery.Revision, delivery.Channel, [delivery.Channel], now,
            new DeliveryEventData(
                delivery.ItemId, delivery.Revision, delivery.Id, delivery.Channel, WireNames.Of(delivery.Operation), WireNames.Of(status),
                live ? url : null, live ? remoteId : null, status == DeliveryStatus.Succeeded ? null : reason, delivery.Attempts, now)));

        if (live && !wasLive)
        {
            await ItemLiveAsync(s, routes, delivery.ItemId, now);
        }
        else if (delivery.Operation == DeliveryOperation.Withdraw)
        {
            await WithdrawalSettledAsync(s, routes, delivery.ItemId, delivery.Reason, now);
        }
    }

    /// <summary><c>item.live</c> when the item's latest revision is live on every channel it is routed to.</summary>
    private static async Task ItemLiveAsync(IStoreSession s, EventRoutes routes, string itemId, DateTimeOffset now)
    {
        if (await s.QueryFirstOrDefaultAsync<ItemRow>("Items.Get", new { itemId }) is not { } item)
        {
            return;
        }

        var revision = checked((int)item.LatestRevision);
        var channels = StorageJson.DeserializeStrings(item.Channels);
        var placements = (await s.QueryAsync<PlacementRow>("Events.ItemPlacements", new { itemId })).ToDictionary(p => p.Channel, StringComparer.Ordinal);
        if (channels.Count == 0 || !channels.All(c => placements.TryGetValue(c, out var p) && p.Revision == revision))
        {
            return;
        }

        var live = channels.Select(c => placements[c].ToPlacement())
            .Select(p => new LiveChannel(p.Channel, p.Revision, p.Url, p.RemoteId, p.UpdatedAt)).ToList();
        await AppendAsync(s, routes, new EventDraft(
            EventTypes.ItemLive, itemId, revision, null, channels, now,
            new ItemLiveData(itemId, revision, item.IndexNumber, item.Title, live, now)));
    }

    /// <summary>
    /// <c>item.withdrawn</c> once no withdrawal of the item is on its way: where it is gone, where still live (and how
    /// its withdrawal stands there). Also called by the withdraw command, for a withdrawal that needed no sending.
    /// </summary>
    public static async Task WithdrawalSettledAsync(IStoreSession s, EventRoutes routes, string itemId, string? reason, DateTimeOffset now)
    {
        if (!routes.Recording || await s.ScalarAsync<long>("Events.ActiveWithdrawals", new { itemId }) > 0)
        {
            return;
        }

        var placements = await s.QueryAsync<PlacementRow>("Events.ItemPlacements", new { itemId });
        var current = (await s.QueryAsync<CurrentDeliveryRow>("Events.CurrentDeliveries", new { itemId })).ToDictionary(d => d.Channel, StringComparer.Ordinal);
        var live = placements.Select(p => p.Channel).ToHashSet(StringComparer.Ordinal);
        var gone = current.Values
            .Where(d => d.Operation == "withdraw" && d.Status == "succeeded" && !live.Contains(d.Channel))
            .Select(d => new GoneChannel(d.Channel, UnixMs.To(d.UpdatedAt))).ToList();
        var still = placements.Select(p =>
        {
            var withdrawing = current.TryGetValue(p.Channel, out var d) && d.Operation == "withdraw" ? d : null;
            return new StillLiveChannel(p.Channel, checked((int)p.Revision), Rows.ToUri(p.Url), withdrawing?.Status, withdrawing?.LastError);
        }).ToList();
        // An item's event goes to who takes any channel the item is routed to, as item.accepted and item.live do, or
        // any it is or was on: withdrawn before anything was sent, its deliveries are superseded and none is current.
        var item = await s.QueryFirstOrDefaultAsync<ItemRow>("Items.Get", new { itemId });
        var routed = item is null ? [] : StorageJson.DeserializeStrings(item.Channels);
        var channels = current.Keys.Union(live, StringComparer.Ordinal).Union(routed, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        await AppendAsync(s, routes, new EventDraft(
            EventTypes.ItemWithdrawn, itemId, null, null, channels, now,
            new ItemWithdrawnData(itemId, reason, gone, still, now)));
    }
}
