using System.Collections.Concurrent;
using Syndicator.Core.Deliveries;
using Xunit;

namespace Syndicator.Testing.Storage;

public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task ClaimAsync_DuePending_LeasesItInProgress()
    {
        var item = await AcceptAsync(Some.Item(acceptedAt: T0));
        var now = T0.AddSeconds(5);

        var lease = await ClaimOneAsync(now, owner: "node-a");

        Assert.Equal(("node-a", now + LeaseFor), (lease.Owner, lease.ExpiresAt));
        Assert.Equal((item.Id, DeliveryStatus.InProgress), (lease.Delivery.ItemId, lease.Delivery.Status));
        var stored = await DeliveryAsync(lease.Delivery.Id);
        Assert.Equal((DeliveryStatus.InProgress, now), (stored.Status, stored.UpdatedAt));
    }

    [Fact]
    public async Task ClaimAsync_NothingDue_Empty()
    {
        await AcceptAsync(Some.Item(acceptedAt: T0) with { PublishAt = T0.AddMinutes(1) });
        await AcceptAsync(Some.Item(channels: ["wechat"], acceptedAt: T0));

        Assert.Empty(await Deliveries.ClaimAsync("bureau", "w1", 10, T0, LeaseFor, Ct));
        Assert.Empty(await Deliveries.ClaimAsync("portal", "w1", 10, T0.AddHours(1), LeaseFor, Ct));
    }

    [Fact]
    public async Task ClaimAsync_AlreadyLeased_NotClaimedAgainBeforeExpiry()
    {
        await AcceptAsync(Some.Item(acceptedAt: T0));
        await ClaimOneAsync(T0, owner: "w1");

        Assert.Empty(await Deliveries.ClaimAsync("bureau", "w2", 10, T0 + LeaseFor, LeaseFor, Ct));
    }

    [Fact]
    public async Task ClaimAsync_SeveralDue_TakesUpToMaxInDueOrder()
    {
        var late = await AcceptAsync(Some.Item(acceptedAt: T0) with { PublishAt = T0.AddSeconds(2) });
        var middle = await AcceptAsync(Some.Item(acceptedAt: T0.AddSeconds(1)));
        var early = await AcceptAsync(Some.Item(acceptedAt: T0));
        var now = T0.AddSeconds(5);

        var first = await Deliveries.ClaimAsync("bureau", "w1", 2, now, LeaseFor, Ct);
        var rest = await Deliveries.ClaimAsync("bureau", "w1", 10, now, LeaseFor, Ct);

        Assert.Equal([early.Id, middle.Id], first.Select(l => l.Delivery.ItemId));
        Assert.Equal([late.Id], rest.Select(l => l.Delivery.ItemId));
    }

    [Fact]
    public async Task ClaimAsync_LaterRevisionWhileEarlierInProgress_WaitsUntilEarlierCompletes()
    {
        var id = Some.ItemId();
        await AcceptAsync(Some.Item(id: id, revision: 1, acceptedAt: T0));
        var first = await ClaimOneAsync(T0);
        await AcceptAsync(Some.Item(id: id, revision: 2, acceptedAt: T0.AddSeconds(1)));

        var blocked = await Deliveries.ClaimAsync("bureau", "w2", 10, T0.AddSeconds(2), LeaseFor, Ct);
        Assert.True(await SucceedAsync(first, T0.AddSeconds(3)));
        var second = await ClaimOneAsync(T0.AddSeconds(4), owner: "w2");

        Assert.Empty(blocked);
        Assert.Equal((id, 2), (second.Delivery.ItemId, second.Delivery.Revision));
    }

    [Fact]
    public async Task ClaimAsync_ExpiredLease_ReclaimedByAnotherOwnerAndOldOwnerFenced()
    {
        await AcceptAsync(Some.Item(acceptedAt: T0));
        var old = await ClaimOneAsync(T0, owner: "dead");
        var later = T0 + LeaseFor + TimeSpan.FromSeconds(1);

        var taken = await ClaimOneAsync(later, owner: "alive");

        Assert.Equal((old.Delivery.Id, "alive"), (taken.Delivery.Id, taken.Owner));
        Assert.True(taken.Token > old.Token);
        Assert.False(await Deliveries.RenewAsync(old, later.AddHours(1), Ct));
        Assert.False(await Deliveries.SaveCheckpointAsync(old, Checkpoint.Empty.With("step", "stale"), later, Ct));
        Assert.False(await SucceedAsync(old, later, "r-stale"));
        await Deliveries.ReleaseAsync(old, later, Ct);
        var stored = await DeliveryAsync(old.Delivery.Id);
        Assert.Equal((DeliveryStatus.InProgress, 0, (string?)null), (stored.Status, stored.Attempts, stored.RemoteId));
        Assert.True(stored.Checkpoint.IsEmpty);
        Assert.Empty(await Deliveries.GetAttemptsAsync(old.Delivery.Id, Ct));
        Assert.Null(await Deliveries.GetPlacementAsync(old.Delivery.ItemId, "bureau", Ct));
        Assert.True(await SucceedAsync(taken, later));
    }

    [Fact]
    public async Task ClaimAsync_AwaitingConfirmation_ClaimedAgainWhenDue()
    {
        await AcceptAsync(Some.Item(acceptedAt: T0));
        var lease = await ClaimOneAsync(T0);
        var checkAt = T0.AddMinutes(5);
        Assert.True(await CompleteAsync(lease, new Transition(DeliveryStatus.AwaitingConfirmation, 1, checkAt, null), T0));

        var early = await Deliveries.ClaimAsync("bureau", "w1", 10, checkAt.AddSeconds(-1), LeaseFor, Ct);
        var due = await ClaimOneAsync(checkAt);

        Assert.Empty(early);
        Assert.Equal((lease.Delivery.Id, DeliveryStatus.InProgress, 1), (due.Delivery.Id, due.Delivery.Status, due.Delivery.Attempts));
    }

    [Fact]
    public async Task ClaimAsync_ParallelClaimersOnTwoInstances_EachDeliveryClaimedExactlyOnce()
    {
        const int count = 200;
        for (var i = 0; i < count; i++)
        {
            await AcceptAsync(Some.Item(channels: ["portal"], acceptedAt: T0));
        }

        var peer = await PeerAsync();
        var claimed = new ConcurrentBag<string>();
        var claimers = Enumerable.Range(0, 8).Select(n => Task.Run(async () =>
        {
            var store = n % 2 == 0 ? Store.Deliveries : peer.Deliveries;
            while (await store.ClaimAsync("portal", $"w{n}", 3, T0, LeaseFor, Ct) is { Count: > 0 } leases)
            {
                foreach (var lease in leases)
                {
                    claimed.Add(lease.Delivery.Id);
                }
            }
        }));
        await Task.WhenAll(claimers);

        Assert.Equal(count, claimed.Count);
        Assert.Equal(count, claimed.Distinct().Count());
    }

    [Fact]
    public async Task NextDueAsync_NothingWaiting_Null()
    {
        await AcceptAsync(Some.Item(channels: ["wechat"], acceptedAt: T0));

        Assert.Null(await Deliveries.NextDueAsync("bureau", Ct));
    }

    [Fact]
    public async Task NextDueAsync_PendingAndLeased_EarliestOfDueTimeAndLeaseExpiry()
    {
        await AcceptAsync(Some.Item(acceptedAt: T0) with { PublishAt = T0.AddMinutes(10) });
        await AcceptAsync(Some.Item(acceptedAt: T0) with { PublishAt = T0.AddMinutes(5) });
        Assert.Equal(T0.AddMinutes(5), await Deliveries.NextDueAsync("bureau", Ct));

        await ClaimOneAsync(T0.AddMinutes(5));

        Assert.Equal(T0.AddMinutes(5) + LeaseFor, await Deliveries.NextDueAsync("bureau", Ct));
    }

    [Fact]
    public async Task NextDueAsync_LaterRevisionBlocked_IgnoredUntilEarlierEnds()
    {
        var id = Some.ItemId();
        await AcceptAsync(Some.Item(id: id, revision: 1, acceptedAt: T0));
        var lease = await ClaimOneAsync(T0);
        await AcceptAsync(Some.Item(id: id, revision: 2, acceptedAt: T0.AddSeconds(1)));

        Assert.Equal(T0 + LeaseFor, await Deliveries.NextDueAsync("bureau", Ct));
        Assert.True(await SucceedAsync(lease, T0.AddSeconds(2)));
        Assert.Equal(T0.AddSeconds(1), await Deliveries.NextDueAsync("bureau", Ct));
    }
}
