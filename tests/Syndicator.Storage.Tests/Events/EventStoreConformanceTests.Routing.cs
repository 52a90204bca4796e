using Syndicator.Core.Events;
using Syndicator.Core.Storage;
using Syndicator.Testing;

namespace Syndicator.Storage.Tests.Events;

/// <summary>Each subscription's Types and Channels decide whether it gets a row in event_deliveries; every event is recorded.</summary>
public abstract partial class EventStoreConformanceTests
{
    [Fact]
    public async Task Routing_TypesAndChannels_DecideWhoIsQueued()
    {
        var onBureau = await AcceptAsync(Some.Item(channels: ["bureau"], acceptedAt: T0));
        await DeliverAsync("bureau", T0);
        var onPortal = await AcceptAsync(Some.Item(channels: ["portal"], acceptedAt: T0));
        await DeliverAsync("portal", T0);

        Assert.Equal(
            [(EventTypes.ItemAccepted, "office"), (EventTypes.DeliverySucceeded, "office"), (EventTypes.ItemLive, "office")],
            await QueuedAsync(onBureau.Id));
        Assert.Equal(
            [(EventTypes.ItemAccepted, "office"), (EventTypes.DeliverySucceeded, "office"), (EventTypes.ItemLive, "archive,office")],
            await QueuedAsync(onPortal.Id));
    }

    [Fact]
    public async Task Routing_ChannelFilterOnDeliveryEvents_OnlyThatChannelsDeliveries()
    {
        await FreshAsync(RoutesOf(("portal-desk", [], ["portal"]), ("failures", [EventTypes.DeliveryFailed], [])));
        var item = await AcceptAsync(Some.Item(channels: ["bureau", "portal"], acceptedAt: T0));
        await DeliverAsync("bureau", T0);
        await DeliverAsync("portal", T0);

        Assert.Equal(
            [(EventTypes.ItemAccepted, "portal-desk"), (EventTypes.DeliverySucceeded, ""), (EventTypes.DeliverySucceeded, "portal-desk"), (EventTypes.ItemLive, "portal-desk")],
            await QueuedAsync(item.Id));
    }

    [Fact]
    public async Task Routing_NoSubscriptionTakesIt_StillRecordedForALaterReplay()
    {
        await FreshAsync(RoutesOf(("archive", [EventTypes.ItemLive], ["portal"])));
        var item = await AcceptAsync(Some.Item(channels: ["bureau"], acceptedAt: T0));
        await DeliverAsync("bureau", T0);

        Assert.Equal(
            [(EventTypes.ItemAccepted, ""), (EventTypes.DeliverySucceeded, ""), (EventTypes.ItemLive, "")],
            await QueuedAsync(item.Id));
    }

    [Fact]
    public async Task Routing_ItemWithdrawnBeforeAnythingWasSent_GoesToWhoTakesTheItemsChannels()
    {
        var item = await AcceptAsync(Some.Item(channels: ["portal"], acceptedAt: T0));

        await Deliveries.WithdrawAsync(new ItemCommand(item.Id, null, "撤回", Actor, T0.AddMinutes(1)), Ct);

        Assert.Equal([(EventTypes.ItemAccepted, "office"), (EventTypes.ItemWithdrawn, "archive,office")], await QueuedAsync(item.Id));
    }

    /// <summary>Each event of the item with the subscriptions it was queued for (comma-joined, by name).</summary>
    private async Task<(string Type, string Subscriptions)[]> QueuedAsync(string itemId)
    {
        var result = new List<(string, string)>();
        foreach (var e in await EventsOfAsync(itemId))
        {
            result.Add((e.Type, string.Join(',', await QueuedForAsync(e.Seq))));
        }

        return [.. result];
    }
}
