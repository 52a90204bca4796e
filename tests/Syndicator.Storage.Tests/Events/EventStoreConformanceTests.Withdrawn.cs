using System.Text.Json;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Events;
using Syndicator.Core.Storage;
using Syndicator.Testing;

namespace Syndicator.Storage.Tests.Events;

/// <summary>item.withdrawn: when no withdrawal of the item is on its way any more, with where it is gone and still live.</summary>
public abstract partial class EventStoreConformanceTests
{
    [Fact]
    public async Task ItemWithdrawn_LastWithdrawalEnds_WrittenThenWithEveryChannelGone()
    {
        var item = await AcceptAsync(Some.Item(channels: ["bureau", "portal"], acceptedAt: T0));
        await DeliverAsync("bureau", T0);
        await DeliverAsync("portal", T0);
        await Deliveries.WithdrawAsync(new ItemCommand(item.Id, null, "内容过期", Actor, T0.AddHours(1)), Ct);

        await DeliverAsync("bureau", T0.AddHours(1));
        Assert.DoesNotContain(EventTypes.ItemWithdrawn, await TypesOfAsync(item.Id));
        await DeliverAsync("portal", T0.AddHours(2));

        var (withdrawn, data) = await OneAsync(item.Id, EventTypes.ItemWithdrawn);
        Assert.Equal("内容过期", data.GetProperty("reason").GetString());
        Assert.Equal([("bureau", T0.AddHours(1)), ("portal", T0.AddHours(2))], Gone(data));
        Assert.Empty(data.GetProperty("stillLive").EnumerateArray());
        Assert.Equal(["archive", "office"], await QueuedForAsync(withdrawn.Seq));
    }

    [Fact]
    public async Task ItemWithdrawn_WithdrawingFailsOnOneChannel_ThatChannelStillLiveWithWhy()
    {
        var item = await AcceptAsync(Some.Item(channels: ["bureau", "portal"], acceptedAt: T0));
        await DeliverAsync("bureau", T0);
        await DeliverAsync("portal", T0);
        await Deliveries.WithdrawAsync(new ItemCommand(item.Id, null, "撤稿", Actor, T0.AddHours(1)), Ct);
        await DeliverAsync("bureau", T0.AddHours(1));

        var portal = await ClaimOneAsync(T0.AddHours(1), "portal");
        Assert.True(await CompleteAsync(portal, new Transition(DeliveryStatus.Failed, 1, null, "403 no right to delete"), T0.AddHours(1)));

        var (_, data) = await OneAsync(item.Id, EventTypes.ItemWithdrawn);
        Assert.Equal([("bureau", T0.AddHours(1))], Gone(data));
        var still = Assert.Single(data.GetProperty("stillLive").EnumerateArray());
        Assert.Equal(("portal", 1, "https://portal.example.test/a/r-portal-1", "failed", "403 no right to delete"),
            (still.GetProperty("channel").GetString(), still.GetProperty("revision").GetInt32(), still.GetProperty("url").GetString(),
                still.GetProperty("withdrawal").GetString(), still.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task ItemWithdrawn_NothingLiveToWithdraw_WrittenByTheCommandAtOnce()
    {
        var item = await AcceptAsync(Some.Item(channels: ["bureau", "portal"], acceptedAt: T0));

        var outcome = await Deliveries.WithdrawAsync(new ItemCommand(item.Id, null, "撤回", Actor, T0.AddMinutes(1)), Ct);

        Assert.Empty(outcome.Deliveries);
        var (_, data) = await OneAsync(item.Id, EventTypes.ItemWithdrawn);
        Assert.Equal(("撤回", 0, 0), (data.GetProperty("reason").GetString(), data.GetProperty("gone").GetArrayLength(), data.GetProperty("stillLive").GetArrayLength()));
    }

    [Fact]
    public async Task ItemWithdrawn_WithdrawalHandedOff_WrittenWithThatChannelStillLiveAsHandoff()
    {
        var item = await AcceptAsync(Some.Item(channels: ["board", "bureau"], acceptedAt: T0));
        await DeliverAsync("bureau", T0);
        var posted = await HandOffAsync("board", T0);
        await Deliveries.ConfirmAsync(new DeliveryCommand(posted.Id, null, "operator", T0.AddMinutes(1)), new Uri("https://board.example.test/1"), Ct);
        await Deliveries.WithdrawAsync(new ItemCommand(item.Id, null, "撤稿", Actor, T0.AddHours(1)), Ct);
        await DeliverAsync("bureau", T0.AddHours(1));
        Assert.DoesNotContain(EventTypes.ItemWithdrawn, await TypesOfAsync(item.Id));

        var takeDown = await HandOffAsync("board", T0.AddHours(1));

        Assert.Equal(DeliveryOperation.Withdraw, takeDown.Operation);
        var (_, data) = await OneAsync(item.Id, EventTypes.ItemWithdrawn);
        Assert.Equal([("bureau", T0.AddHours(1))], Gone(data));
        var still = Assert.Single(data.GetProperty("stillLive").EnumerateArray());
        Assert.Equal(("board", "handoff"), (still.GetProperty("channel").GetString(), still.GetProperty("withdrawal").GetString()));

        // Confirmed taken down: the withdrawal ran its course again, now gone everywhere.
        await Deliveries.ConfirmAsync(new DeliveryCommand(takeDown.Id, "已取下", "operator", T0.AddDays(1)), new Uri("https://board.example.test/1"), Ct);
        var last = (await EventsOfAsync(item.Id))[^1];
        Assert.Equal(EventTypes.ItemWithdrawn, last.Type);
        Assert.Equal([("board", T0.AddDays(1)), ("bureau", T0.AddHours(1))], Gone(last.Data));
        Assert.Equal(0, last.Data.GetProperty("stillLive").GetArrayLength());
    }

    private static (string, DateTimeOffset)[] Gone(JsonElement data) =>
        [.. data.GetProperty("gone").EnumerateArray().Select(g => (g.GetProperty("channel").GetString()!, g.GetProperty("at").GetDateTimeOffset()))];
}
