using Syndicator.Core.Events;
using Syndicator.Core.Storage;
using Syndicator.Testing;

namespace Syndicator.Storage.Tests.Events;

/// <summary>Replay: sent or failed events queued again under their ids; waiting or running ones left alone.</summary>
public abstract partial class EventStoreConformanceTests
{
    [Fact]
    public async Task ReplayAsync_SucceededAndFailed_QueuedAgainUnderTheirIds_WaitingAndRunningLeftAlone()
    {
        for (var i = 0; i < 4; i++)
        {
            await AcceptAsync(Some.Item(acceptedAt: T0.AddSeconds(i)));
        }

        var leases = await Events.ClaimAsync("office", "e1", 10, T0.AddMinutes(1), LeaseFor, Ct);
        var ended = T0.AddMinutes(1).AddSeconds(5);
        Assert.True(await Events.CompleteAsync(leases[0], new EventTryResult(EventDeliveryStatus.Succeeded, 1, null, null, "200", ended), Ct));
        Assert.True(await Events.CompleteAsync(leases[1], new EventTryResult(EventDeliveryStatus.Failed, 3, null, "gave up", "503", ended), Ct));
        Assert.True(await Events.CompleteAsync(leases[2], new EventTryResult(EventDeliveryStatus.Pending, 1, T0.AddHours(1), "503", "503", ended), Ct));
        var now = T0.AddMinutes(5);

        var queued = await Events.ReplayAsync(new EventReplay(T0, [Routes.Find("office")!], now), Ct);

        Assert.Equal(2, queued["office"]);
        Assert.True(await Events.CompleteAsync(leases[3], new EventTryResult(EventDeliveryStatus.Succeeded, 1, null, null, "200", now), Ct));
        var again = await Events.ClaimAsync("office", "e2", 10, now, LeaseFor, Ct);
        Assert.Equal([leases[0].Event.Id, leases[1].Event.Id], again.Select(l => l.Event.Id));
        Assert.Equal([(1, 1), (3, 3)], again.Select(l => (l.Attempts, l.RetryBase)));
        Assert.Equal(leases[1].Event.Payload, again[1].Event.Payload);

        // The two replayed are in flight again: only the one delivered since is queued by a second replay.
        Assert.Equal(1, (await Events.ReplayAsync(new EventReplay(T0, [Routes.Find("office")!], now), Ct))["office"]);
    }

    [Fact]
    public async Task ReplayAsync_Since_OnlyEventsFromThatMoment()
    {
        await AcceptAsync(Some.Item(acceptedAt: T0));
        var late = await AcceptAsync(Some.Item(acceptedAt: T0.AddHours(1)));
        foreach (var lease in await Events.ClaimAsync("office", "e1", 10, T0.AddHours(2), LeaseFor, Ct))
        {
            Assert.True(await Events.CompleteAsync(lease, new EventTryResult(EventDeliveryStatus.Succeeded, 1, null, null, "200", T0.AddHours(2)), Ct));
        }

        var queued = await Events.ReplayAsync(new EventReplay(T0.AddMinutes(30), [Routes.Find("office")!], T0.AddHours(3)), Ct);

        Assert.Equal(1, queued["office"]);
        Assert.Equal(late.Id, Assert.Single(await Events.ClaimAsync("office", "e1", 10, T0.AddHours(3), LeaseFor, Ct)).Event.ItemId);
    }

    [Fact]
    public async Task ReplayAsync_SubscriptionAddedLater_QueuedWhatItsTypesAndChannelsTake()
    {
        var onPortal = await AcceptAsync(Some.Item(channels: ["portal"], acceptedAt: T0));
        await DeliverAsync("portal", T0);
        await AcceptAsync(Some.Item(channels: ["bureau"], acceptedAt: T0));
        await DeliverAsync("bureau", T0);
        var liveOnPortal = (await OneAsync(onPortal.Id, EventTypes.ItemLive)).Event;
        var later = Subscription("later", [EventTypes.ItemLive], ["portal"]);

        var queued = await Events.ReplayAsync(new EventReplay(T0, [later, Subscription("everything")], T0.AddDays(1)), Ct);

        Assert.Equal((1, 6), (queued["later"], queued["everything"]));
        var lease = Assert.Single(await Events.ClaimAsync("later", "e1", 10, T0.AddDays(1), LeaseFor, Ct));
        Assert.Equal((liveOnPortal.Id, liveOnPortal.Payload), (lease.Event.Id, lease.Event.Payload));
    }

    [Fact]
    public async Task ReplayAsync_MoreEventsThanOneBatch_EveryOneQueued()
    {
        const int count = 1_201;

        // Written straight into the table: the replay reads only events, and 1,201 accepts would only slow the test.
        await SqlAsync<long>(
            """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1201)
            INSERT INTO events (id, type, item_id, revision, channel, channels, occurred_at, payload)
            SELECT 'evt_bulk' || i, 'item.accepted', 'bulk' || i, 1, NULL, '["bureau"]', @at, '{}' FROM n
            """, new { at = T0.ToUnixTimeMilliseconds() });

        var queued = await Events.ReplayAsync(new EventReplay(T0, [Subscription("later")], T0.AddDays(1)), Ct);

        Assert.Equal(count, queued["later"]);
        Assert.Equal(count, await RowsAsync("event_deliveries"));
    }
}
