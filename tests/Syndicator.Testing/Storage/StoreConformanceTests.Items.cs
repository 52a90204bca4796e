using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;
using Syndicator.Core.Storage;
using Xunit;

namespace Syndicator.Testing.Storage;

public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task AcceptAsync_NewItem_QueuesOnePublishPerChannelDueNow()
    {
        var item = Some.Item(channels: ["bureau", "wechat"], acceptedAt: T0);

        var outcome = await Items.AcceptAsync(item, Actor, Ct);

        Assert.Equal(new AcceptOutcome(AcceptKind.Accepted, 1), outcome);
        var deliveries = await DeliveriesOfAsync(item.Id);
        Assert.Equal(["bureau", "wechat"], deliveries.Select(d => d.Channel));
        Assert.All(deliveries, d =>
        {
            Assert.Equal(DeliveryOperation.Publish, d.Operation);
            Assert.Equal(DeliveryStatus.Pending, d.Status);
            Assert.Equal(T0, d.NextAttemptAt);
            Assert.Equal(T0, d.CreatedAt);
            Assert.Equal(1, d.Revision);
            Assert.Equal(0, d.Attempts);
        });
        Assert.True(deliveries[0].Sequence < deliveries[1].Sequence);
    }

    [Fact]
    public async Task AcceptAsync_SameRevisionSameContent_ReplayedWithoutNewDeliveries()
    {
        var item = await AcceptAsync(Some.Item(acceptedAt: T0));

        var outcome = await Items.AcceptAsync(item with { AcceptedAt = T0.AddMinutes(1) }, Actor, Ct);

        Assert.Equal(new AcceptOutcome(AcceptKind.Replayed, 1), outcome);
        Assert.Single(await DeliveriesOfAsync(item.Id));
    }

    [Fact]
    public async Task AcceptAsync_SameRevisionOtherContent_ConflictAndStoredRevisionKept()
    {
        var item = await AcceptAsync(Some.Item(acceptedAt: T0));
        var other = Some.Item(id: item.Id, bodyHtml: "<p>另一个正文</p>", acceptedAt: T0.AddMinutes(1));

        var outcome = await Items.AcceptAsync(other, Actor, Ct);

        Assert.Equal(new AcceptOutcome(AcceptKind.Conflict, 1), outcome);
        Assert.Equal(item.BodyHtml, (await Items.GetRevisionAsync(item.Id, 1, Ct))!.BodyHtml);
        Assert.Single(await DeliveriesOfAsync(item.Id));
    }

    [Fact]
    public async Task AcceptAsync_OlderRevisionThanLatest_StaleWithLatestRevision()
    {
        var id = Some.ItemId();
        await AcceptAsync(Some.Item(id: id, revision: 3, acceptedAt: T0));

        var outcome = await Items.AcceptAsync(Some.Item(id: id, revision: 2, acceptedAt: T0.AddMinutes(1)), Actor, Ct);

        Assert.Equal(new AcceptOutcome(AcceptKind.Stale, 3), outcome);
        Assert.Null(await Items.GetRevisionAsync(id, 2, Ct));
    }

    [Fact]
    public async Task AcceptAsync_PublishAtLater_DeliveryDueThen()
    {
        var publishAt = T0.AddHours(2);
        var item = await AcceptAsync(Some.Item(acceptedAt: T0) with { PublishAt = publishAt });

        var delivery = Assert.Single(await DeliveriesOfAsync(item.Id));

        Assert.Equal(publishAt, delivery.NextAttemptAt);
        Assert.Empty(await Deliveries.ClaimAsync("bureau", "w1", 10, publishAt.AddSeconds(-1), LeaseFor, Ct));
        Assert.Single(await Deliveries.ClaimAsync("bureau", "w1", 10, publishAt, LeaseFor, Ct));
    }

    [Fact]
    public async Task AcceptAsync_NewRevisionWhileOlderPending_SupersedesOlder()
    {
        var id = Some.ItemId();
        await AcceptAsync(Some.Item(id: id, revision: 1, acceptedAt: T0));

        await AcceptAsync(Some.Item(id: id, revision: 2, acceptedAt: T0.AddMinutes(1)));

        var deliveries = await DeliveriesOfAsync(id);
        Assert.Equal([(1, DeliveryStatus.Superseded), (2, DeliveryStatus.Pending)], deliveries.Select(d => (d.Revision, d.Status)));
        Assert.Equal(T0.AddMinutes(1), deliveries[0].UpdatedAt);
        Assert.Equal(DeliveryOperation.Publish, deliveries[1].Operation);
        Assert.Equal(2, Assert.Single(await Deliveries.ClaimAsync("bureau", "w1", 10, T0.AddMinutes(1), LeaseFor, Ct)).Delivery.Revision);
    }

    [Fact]
    public async Task AcceptAsync_NewRevisionOfLiveItem_QueuesUpdate()
    {
        var id = Some.ItemId();
        await MakeLiveAsync(Some.Item(id: id, revision: 1, acceptedAt: T0));

        await AcceptAsync(Some.Item(id: id, revision: 2, acceptedAt: T0.AddMinutes(1)));

        var latest = (await DeliveriesOfAsync(id))[^1];
        Assert.Equal((2, DeliveryOperation.Update, DeliveryStatus.Pending), (latest.Revision, latest.Operation, latest.Status));
    }

    [Fact]
    public async Task AcceptAsync_NewRevisionWhileOlderInProgress_LeavesOlderRunning()
    {
        var id = Some.ItemId();
        await AcceptAsync(Some.Item(id: id, revision: 1, acceptedAt: T0));
        var lease = await ClaimOneAsync(T0);

        await AcceptAsync(Some.Item(id: id, revision: 2, acceptedAt: T0.AddSeconds(1)));

        Assert.Equal(DeliveryStatus.InProgress, (await DeliveryAsync(lease.Delivery.Id)).Status);
        Assert.True(await SucceedAsync(lease, T0.AddSeconds(2)));
    }

    [Fact]
    public async Task AcceptAsync_Accepted_AuditsWhoAndWhat()
    {
        var item = Some.Item(acceptedAt: T0);

        await Items.AcceptAsync(item, "approval-system", Ct);

        var entry = Assert.Single(await Store.Audit.ListAsync(item.Id, 10, Ct));
        Assert.Equal((T0, "approval-system", "item.accepted", item.Id), (entry.At, entry.Actor, entry.Action, entry.ItemId));
    }
}
