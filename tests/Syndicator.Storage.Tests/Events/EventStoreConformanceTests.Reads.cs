using Syndicator.Core.Events;
using Syndicator.Core.Storage;
using Syndicator.Testing;

namespace Syndicator.Storage.Tests.Events;

/// <summary>The ends of tries as stored, and the operators' reads: list and counts.</summary>
public abstract partial class EventStoreConformanceTests
{
    [Fact]
    public async Task CompleteAsync_EachEnd_StoredAsSaid_DeliveredAtOnlyOnSuccess_AndCounted()
    {
        for (var i = 0; i < 4; i++)
        {
            await AcceptAsync(Some.Item(acceptedAt: T0.AddSeconds(i)));
        }

        var leases = await ClaimEventsAsync(T0.AddMinutes(1));
        var now = T0.AddMinutes(2);
        Assert.True(await Events.CompleteAsync(leases[0], Retry(1, now.AddMinutes(1), now), Ct));
        Assert.True(await Events.CompleteAsync(leases[1], new EventTryResult(EventDeliveryStatus.Failed, 1, null, "410 gone", "410", now), Ct));
        Assert.True(await Events.CompleteAsync(leases[2], Delivered(1, now), Ct));

        var records = (await Events.ListAsync(new EventQuery("office"), Ct)).OrderBy(r => r.Event.Sequence).ToList();

        Assert.Equal(
            [
                (EventDeliveryStatus.Pending, 1, (DateTimeOffset?)now.AddMinutes(1), "503 busy", "503", (DateTimeOffset?)null),
                (EventDeliveryStatus.Failed, 1, null, "410 gone", "410", null),
                (EventDeliveryStatus.Succeeded, 1, null, null, "200", now),
                (EventDeliveryStatus.InProgress, 0, null, null, null, null),
            ],
            records.Select(r => (r.Status, r.Attempts, r.NextAttemptAt, r.LastError, r.LastCode, r.DeliveredAt)));
        Assert.All(records, r => Assert.Equal(r.Status == EventDeliveryStatus.InProgress ? T0.AddMinutes(1) : now, r.UpdatedAt));
        Assert.Equal(new EventCounts(2, 1, now), await Events.CountAsync("office", Ct));
        Assert.Equal(new EventCounts(0, 0, null), await Events.CountAsync("archive", Ct));
    }

    [Fact]
    public async Task ListAsync_Filters_NewestFirst()
    {
        var onPortal = await AcceptAsync(Some.Item(channels: ["portal"], acceptedAt: T0));
        await DeliverAsync("portal", T0);
        var other = await AcceptAsync(Some.Item(channels: ["bureau"], acceptedAt: T0.AddSeconds(1)));
        var failing = Assert.Single(await ClaimEventsAsync(T0.AddSeconds(1), max: 1));
        Assert.True(await Events.CompleteAsync(failing, new EventTryResult(EventDeliveryStatus.Failed, 1, null, "400", "400", T0.AddSeconds(2)), Ct));

        var all = await Events.ListAsync(new EventQuery(), Ct);
        var archive = await Events.ListAsync(new EventQuery("archive"), Ct);
        var failed = await Events.ListAsync(new EventQuery(FailedOnly: true), Ct);
        var ofOther = await Events.ListAsync(new EventQuery(ItemId: other.Id), Ct);
        var two = await Events.ListAsync(new EventQuery(Limit: 2), Ct);
        var failedOfArchive = await Events.ListAsync(new EventQuery("archive", FailedOnly: true), Ct);
        var failedOfItem = await Events.ListAsync(new EventQuery(FailedOnly: true, ItemId: onPortal.Id), Ct);
        var itemInArchive = await Events.ListAsync(new EventQuery("archive", ItemId: onPortal.Id), Ct);
        var lastOfItem = await Events.ListAsync(new EventQuery(ItemId: onPortal.Id, Limit: 1), Ct);

        // item.accepted, delivery.succeeded, item.live (office and archive), then the other's item.accepted.
        Assert.Equal(
            [(other.Id, EventTypes.ItemAccepted, "office"), (onPortal.Id, EventTypes.ItemLive, "archive"), (onPortal.Id, EventTypes.ItemLive, "office"),
             (onPortal.Id, EventTypes.DeliverySucceeded, "office"), (onPortal.Id, EventTypes.ItemAccepted, "office")],
            all.Select(r => (r.Event.ItemId, r.Event.Type, r.Subscription)));
        Assert.Equal([EventTypes.ItemLive], archive.Select(r => r.Event.Type));
        Assert.Equal([(onPortal.Id, EventTypes.ItemAccepted)], failed.Select(r => (r.Event.ItemId, r.Event.Type)));
        Assert.Equal([EventTypes.ItemAccepted], ofOther.Select(r => r.Event.Type));
        Assert.Equal(all.Take(2), two);
        Assert.Empty(failedOfArchive);
        Assert.Equal(failed, failedOfItem);
        Assert.Equal(archive, itemInArchive);
        Assert.Equal([all[1]], lastOfItem);
        Assert.All(all, r => Assert.Equal("", r.Event.Payload));
    }
}
