using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;
using Xunit;

namespace Syndicator.Testing.Storage;

public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task RepublishAsync_UnknownItem_NotFound()
    {
        var outcome = await Deliveries.RepublishAsync(new ItemCommand(Some.ItemId(), null, "再发", Actor, T0), Ct);

        Assert.Equal(CommandResult.NotFound, outcome.Result);
    }

    [Fact]
    public async Task RepublishAsync_NoChannelsNamed_UpdateWhereLivePublishElseAndPendingSuperseded()
    {
        var id = Some.ItemId();
        await MakeLiveAsync(Some.Item(id: id, channels: ["bureau", "wechat"], acceptedAt: T0));
        var pendingWechat = (await DeliveriesOfAsync(id)).Single(d => d.Channel == "wechat");
        var now = T0.AddHours(1);

        var outcome = await Deliveries.RepublishAsync(new ItemCommand(id, null, "标题有误", "operator", now), Ct);

        Assert.Equal(CommandResult.Done, outcome.Result);
        Assert.Equal(
            [("bureau", DeliveryOperation.Update), ("wechat", DeliveryOperation.Publish)],
            outcome.Deliveries.Select(d => (d.Channel, d.Operation)));
        Assert.All(outcome.Deliveries, d => Assert.Equal((1, DeliveryStatus.Pending, now, "标题有误"), (d.Revision, d.Status, d.NextAttemptAt, d.Reason)));
        Assert.Equal(DeliveryStatus.Superseded, (await DeliveryAsync(pendingWechat.Id)).Status);
        Assert.Equal(2, (await Store.Audit.ListAsync(id, 10, Ct)).Count(e => e.Action == "item.republish" && e.Actor == "operator"));
    }

    [Fact]
    public async Task RepublishAsync_ChannelNamed_OnlyThatChannelAtLatestRevision()
    {
        var id = Some.ItemId();
        await AcceptAsync(Some.Item(id: id, revision: 1, channels: ["bureau", "wechat"], acceptedAt: T0));
        await AcceptAsync(Some.Item(id: id, revision: 2, channels: ["bureau", "wechat"], acceptedAt: T0.AddMinutes(1)));

        var outcome = await Deliveries.RepublishAsync(new ItemCommand(id, ["wechat"], null, Actor, T0.AddMinutes(2)), Ct);

        var queued = Assert.Single(outcome.Deliveries);
        Assert.Equal(("wechat", 2), (queued.Channel, queued.Revision));
    }

    [Fact]
    public async Task WithdrawAsync_UnknownItem_NotFound()
    {
        var outcome = await Deliveries.WithdrawAsync(new ItemCommand(Some.ItemId(), null, "撤稿", Actor, T0), Ct);

        Assert.Equal(CommandResult.NotFound, outcome.Result);
    }

    [Fact]
    public async Task WithdrawAsync_NoChannelsNamed_WithdrawsWhereLiveAndSupersedesUnsentElsewhere()
    {
        var id = Some.ItemId();
        await MakeLiveAsync(Some.Item(id: id, channels: ["bureau", "portal"], acceptedAt: T0));
        var unsent = (await DeliveriesOfAsync(id)).Single(d => d.Channel == "portal");
        var now = T0.AddHours(1);

        var outcome = await Deliveries.WithdrawAsync(new ItemCommand(id, null, "内容过期", "operator", now), Ct);

        var withdraw = Assert.Single(outcome.Deliveries);
        Assert.Equal(("bureau", DeliveryOperation.Withdraw, DeliveryStatus.Pending, now, "内容过期"),
            (withdraw.Channel, withdraw.Operation, withdraw.Status, withdraw.NextAttemptAt, withdraw.Reason));
        Assert.Equal(DeliveryStatus.Superseded, (await DeliveryAsync(unsent.Id)).Status);
        Assert.Contains(await Store.Audit.ListAsync(id, 10, Ct), e => e.Action == "item.withdraw" && e.DeliveryId == withdraw.Id);
    }

    [Fact]
    public async Task WithdrawAsync_WhileSendInProgress_QueuesWithdrawThatWaitsForIt()
    {
        var item = await AcceptAsync(Some.Item(acceptedAt: T0));
        var send = await ClaimOneAsync(T0);

        var outcome = await Deliveries.WithdrawAsync(new ItemCommand(item.Id, null, "撤稿", Actor, T0.AddSeconds(1)), Ct);

        Assert.Equal(DeliveryOperation.Withdraw, Assert.Single(outcome.Deliveries).Operation);
        Assert.Empty(await Deliveries.ClaimAsync("bureau", "w2", 10, T0.AddSeconds(2), LeaseFor, Ct));
        Assert.True(await SucceedAsync(send, T0.AddSeconds(3)));
        Assert.Equal(DeliveryOperation.Withdraw, (await ClaimOneAsync(T0.AddSeconds(4))).Delivery.Operation);
    }

    [Fact]
    public async Task WithdrawAsync_HandoffOnly_SupersededAndNothingToSend()
    {
        var item = await AcceptAsync(Some.Item(acceptedAt: T0));
        var lease = await ClaimOneAsync(T0);
        Assert.True(await CompleteAsync(lease, new Transition(DeliveryStatus.Handoff, 1, null, "请人工发布"), T0));

        var outcome = await Deliveries.WithdrawAsync(new ItemCommand(item.Id, null, "撤稿", Actor, T0.AddMinutes(1)), Ct);

        Assert.Equal((CommandResult.Done, 0), (outcome.Result, outcome.Deliveries.Count));
        Assert.Equal(DeliveryStatus.Superseded, (await DeliveryAsync(lease.Delivery.Id)).Status);
    }

    [Fact]
    public async Task WithdrawAsync_ChannelWithNothing_DoneWithoutDeliveries()
    {
        var item = await MakeLiveAsync(Some.Item(acceptedAt: T0));

        var outcome = await Deliveries.WithdrawAsync(new ItemCommand(item.ItemId, ["wechat"], null, Actor, T0.AddMinutes(1)), Ct);

        Assert.Equal((CommandResult.Done, 0), (outcome.Result, outcome.Deliveries.Count));
        Assert.NotNull(await Deliveries.GetPlacementAsync(item.ItemId, "bureau", Ct));
    }
}
