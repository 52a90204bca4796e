using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;
using Xunit;

namespace Syndicator.Testing.Storage;

public abstract partial class StoreConformanceTests
{
    /// <summary>
    /// The channel counts after every kind of status change, each checked against a count made from the deliveries
    /// themselves: a store that keeps its counts as it goes (rather than counting on read) must never drift.
    /// </summary>
    [Fact]
    public async Task CountAsync_EveryTransition_MatchesACountOfTheDeliveries()
    {
        var a = Some.ItemId();
        var b = Some.ItemId();
        var now = T0;
        DateTimeOffset Next() => now = now.AddSeconds(1);
        var items = new List<string> { a, b };

        await AcceptAsync(Some.Item(id: a, channels: ["portal"], acceptedAt: Next()));
        await AcceptAsync(Some.Item(id: b, channels: ["portal", "wechat"], acceptedAt: Next()));
        await AssertCountsAsync(items, "portal", pending: 2, failed: 0);

        var first = Assert.Single(await Deliveries.ClaimAsync("portal", "w1", 1, Next(), LeaseFor, Ct));
        Assert.True(await CompleteAsync(first, Failed(first), Next()));
        await AssertCountsAsync(items, "portal", pending: 1, failed: 1);

        // A new revision waiting behind the failure: the failure is no longer current.
        await AcceptAsync(Some.Item(id: first.Delivery.ItemId, revision: 2, channels: ["portal"], acceptedAt: Next()));
        await AssertCountsAsync(items, "portal", pending: 2, failed: 0);

        // Withdraw supersedes the pending revision 2 and queues a withdraw: still not current.
        var withdrawn = await Deliveries.WithdrawAsync(new ItemCommand(first.Delivery.ItemId, ["portal"], "撤回", Actor, Next()), Ct);
        Assert.NotNull(withdrawn);
        await AssertCountsAsync(items, "portal", pending: null, failed: null);

        // Everything due is claimed and fails; then the failures are retried and succeed.
        for (var round = 0; round < 3; round++)
        {
            foreach (var lease in await Deliveries.ClaimAsync("portal", "w1", 10, Next(), LeaseFor, Ct))
            {
                Assert.True(await CompleteAsync(lease, Failed(lease), Next()));
            }

            await AssertCountsAsync(items, "portal", pending: null, failed: null);
        }

        var retried = await Deliveries.RetryManyAsync(new RetryFilter("portal"), dryRun: false, Actor, Next(), Ct);
        Assert.NotEmpty(retried);
        await AssertCountsAsync(items, "portal", pending: null, failed: 0);
        foreach (var lease in await Deliveries.ClaimAsync("portal", "w1", 10, Next(), LeaseFor, Ct))
        {
            Assert.True(await SucceedAsync(lease, Next()));
        }

        await AssertCountsAsync(items, "portal", pending: null, failed: 0);
        await AssertCountsAsync(items, "wechat", pending: 1, failed: 0);

        // Unconfirmed counts as failed; an operator's republish replaces it.
        var wechat = await ClaimOneAsync(Next(), "wechat");
        Assert.True(await CompleteAsync(wechat, new Transition(DeliveryStatus.Unconfirmed, 1, null, "no answer"), Next()));
        await AssertCountsAsync(items, "wechat", pending: 0, failed: 1);
        await Deliveries.RepublishAsync(new ItemCommand(b, ["wechat"], "再发", Actor, Next()), Ct);
        await AssertCountsAsync(items, "wechat", pending: 1, failed: 0);
    }

    /// <summary>The store's counts equal a count of the items' deliveries by the definition; expected figures when given.</summary>
    private async Task AssertCountsAsync(IEnumerable<string> itemIds, string channel, int? pending, int? failed)
    {
        var deliveries = new List<Delivery>();
        foreach (var id in itemIds)
        {
            deliveries.AddRange((await Items.GetAsync(id, Ct))!.Deliveries.Where(d => d.Channel == channel));
        }

        static bool Active(Delivery d) => d.Status is DeliveryStatus.Pending or DeliveryStatus.InProgress or DeliveryStatus.AwaitingConfirmation;
        var recount = (
            Pending: deliveries.Count(Active),
            Failed: deliveries.Count(d => d.Status is DeliveryStatus.Failed or DeliveryStatus.Unconfirmed
                && !deliveries.Any(l => l.ItemId == d.ItemId && l.Sequence > d.Sequence && l.Status != DeliveryStatus.Superseded)));

        var counts = await Deliveries.CountAsync(channel, Ct);

        Assert.Equal(recount, (counts.Pending, counts.Failed));
        Assert.Equal(pending ?? recount.Pending, counts.Pending);
        Assert.Equal(failed ?? recount.Failed, counts.Failed);
    }
}
