using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;
using Xunit;

namespace Syndicator.Testing.Storage;

public abstract partial class StoreConformanceTests
{
    /// <summary>
    /// A confirmation awaited (WeChat's "is it out yet") is claimed before new sends when both are due, even when
    /// the sends were due first: a confirmation holds its article half-done and is one cheap call.
    /// </summary>
    [Fact]
    public async Task ClaimAsync_ConfirmationAndEarlierSendsDue_ConfirmationFirst()
    {
        await AcceptAsync(Some.Item(channels: ["wechat"], acceptedAt: T0));
        var sent = await ClaimOneAsync(T0, "wechat");
        var checkAt = T0.AddMinutes(5);
        Assert.True(await CompleteAsync(sent, new Transition(DeliveryStatus.AwaitingConfirmation, 1, checkAt, null), T0));
        for (var i = 0; i < 3; i++)
        {
            await AcceptAsync(Some.Item(channels: ["wechat"], acceptedAt: T0.AddMinutes(1 + i)));
        }

        var first = await Deliveries.ClaimAsync("wechat", "w1", 1, checkAt, LeaseFor, Ct);
        var rest = await Deliveries.ClaimAsync("wechat", "w1", 10, checkAt, LeaseFor, Ct);

        Assert.Equal(sent.Delivery.Id, Assert.Single(first).Delivery.Id);
        Assert.Equal(3, rest.Count);
    }

    /// <summary>
    /// A dead worker's delivery (in progress under an expired lease) is taken over before pending work, even pending work
    /// that was due long before the lease ran out: a crashed node's tries resume within the lease, not behind the queue.
    /// </summary>
    [Fact]
    public async Task ClaimAsync_ExpiredLeaseAndEarlierPendingDue_TakeoverFirst()
    {
        await AcceptAsync(Some.Item(channels: ["bureau"], acceptedAt: T0));
        var dead = await ClaimOneAsync(T0, "bureau", owner: "dead");
        for (var i = 0; i < 3; i++)
        {
            await AcceptAsync(Some.Item(channels: ["bureau"], acceptedAt: T0.AddSeconds(1 + i)));
        }

        var afterLease = T0 + LeaseFor + TimeSpan.FromSeconds(1);
        var first = await Deliveries.ClaimAsync("bureau", "alive", 1, afterLease, LeaseFor, Ct);
        var rest = await Deliveries.ClaimAsync("bureau", "alive", 10, afterLease, LeaseFor, Ct);

        var taken = Assert.Single(first);
        Assert.Equal((dead.Delivery.Id, 1), (taken.Delivery.Id, taken.Delivery.Crashes));
        Assert.Equal(3, rest.Count);
    }

    /// <summary>A claim hands the try its revision and what is live, read in the claim: the try reads nothing back.</summary>
    [Fact]
    public async Task ClaimAsync_LiveItemNewRevision_LeaseCarriesRevisionAndPlacement()
    {
        var id = Some.ItemId();
        await AcceptAsync(Some.Item(id: id, channels: ["portal"], acceptedAt: T0));
        var first = await ClaimOneAsync(T0, "portal");
        Assert.True(await SucceedAsync(first, T0.AddSeconds(1), remoteId: "art-7"));
        var revision2 = await AcceptAsync(Some.Item(id: id, revision: 2, channels: ["portal"], acceptedAt: T0.AddMinutes(1)));

        var second = await ClaimOneAsync(T0.AddMinutes(1), "portal");

        Assert.NotNull(first.With);
        Assert.Null(first.With.Live);
        Assert.Equal((id, 1), (first.With.Item?.Id, first.With.Item?.Revision));
        Assert.NotNull(second.With);
        Assert.Equal((id, 2, revision2.Title), (second.With.Item?.Id, second.With.Item?.Revision, second.With.Item?.Title));
        Assert.Equal(await Deliveries.GetPlacementAsync(id, "portal", Ct), second.With.Live);
        Assert.Equal(("art-7", 1), (second.With.Live?.RemoteId, second.With.Live?.Revision));
    }
}
