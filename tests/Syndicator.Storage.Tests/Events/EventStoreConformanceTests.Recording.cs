using System.Text.RegularExpressions;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Events;
using Syndicator.Core.Items;
using Syndicator.Core.Storage;
using Syndicator.Testing;

namespace Syndicator.Storage.Tests.Events;

/// <summary>Which changes write which event, in their own transaction.</summary>
public abstract partial class EventStoreConformanceTests
{
    [Fact]
    public async Task NoSubscription_AcceptCompleteConfirmWithdraw_NoEventRows()
    {
        await FreshAsync(EventRoutes.None);
        var item = await AcceptAsync(Some.Item(channels: ["bureau", "board", "portal"], acceptedAt: T0));
        await DeliverAsync("bureau", T0);
        var board = await HandOffAsync("board", T0);
        Assert.Equal(CommandResult.Done, (await Deliveries.ConfirmAsync(new DeliveryCommand(board.Id, null, Actor, T0.AddMinutes(1)), new Uri("https://board.example.test/1"), Ct)).Result);
        var portal = await ClaimOneAsync(T0, "portal");
        Assert.True(await CompleteAsync(portal, new Transition(DeliveryStatus.Failed, 1, null, "rejected"), T0));
        await Deliveries.WithdrawAsync(new ItemCommand(item.Id, null, "撤稿", Actor, T0.AddMinutes(2)), Ct);
        await DeliverAsync("bureau", T0.AddMinutes(2));
        var unsent = await AcceptAsync(Some.Item(acceptedAt: T0.AddMinutes(3)));
        await Deliveries.WithdrawAsync(new ItemCommand(unsent.Id, null, "撤稿", Actor, T0.AddMinutes(3)), Ct);

        Assert.Equal((0, 0), (await RowsAsync("events"), await RowsAsync("event_deliveries")));
    }

    [Fact]
    public async Task AcceptAsync_WithSubscriptions_ItemAcceptedStoredAndQueuedForWhoTakesIt()
    {
        var item = await AcceptAsync(Some.Item(channels: ["bureau", "portal"], acceptedAt: T0));

        var (stored, data) = await OneAsync(item.Id, EventTypes.ItemAccepted);
        Assert.Matches(new Regex(@"\Aevt_[0-9a-f]{32}\z"), stored.Id);
        Assert.Equal((1L, (string?)null), (stored.Revision, stored.Channel));
        Assert.Equal(
            (item.Id, 1, item.Title, item.Category, "bureau,portal", T0),
            (data.GetProperty("itemId").GetString(), data.GetProperty("revision").GetInt32(), data.GetProperty("title").GetString(),
                data.GetProperty("category").GetString(), string.Join(',', data.GetProperty("channels").EnumerateArray().Select(c => c.GetString())),
                data.GetProperty("acceptedAt").GetDateTimeOffset()));
        Assert.Equal(["office"], await QueuedForAsync(stored.Seq));
    }

    [Fact]
    public async Task AcceptAsync_IndexNumberGivenInTheSameTransaction_InItemAcceptedAndItemLive()
    {
        var item = Some.Item(acceptedAt: T0);
        var number = (await Items.AcceptAsync(item, Actor, new IndexNumberScheme("002564328"), Ct)).IndexNumber;
        await DeliverAsync("bureau", T0);

        Assert.Equal("002564328/2026-00001", number);
        Assert.Equal(number, (await OneAsync(item.Id, EventTypes.ItemAccepted)).Data.GetProperty("indexNumber").GetString());
        Assert.Equal(number, (await OneAsync(item.Id, EventTypes.ItemLive)).Data.GetProperty("indexNumber").GetString());
    }

    [Fact]
    public async Task AcceptAsync_RefusedOrReplayed_WritesNoEvent()
    {
        var item = await AcceptAsync(Some.Item(revision: 2, acceptedAt: T0));
        var scheme = new IndexNumberScheme("002564328");
        var holder = Some.Item(acceptedAt: T0);
        var number = (await Items.AcceptAsync(holder, Actor, scheme, Ct)).IndexNumber;
        var other = Some.Item(acceptedAt: T0) with { IndexNumber = number };
        var before = await RowsAsync("events");

        var outcomes = new[]
        {
            (await Items.AcceptAsync(item, Actor, Ct)).Kind,
            (await Items.AcceptAsync(Some.Item(id: item.Id, revision: 2, acceptedAt: T0), Actor, Ct)).Kind,
            (await Items.AcceptAsync(Some.Item(id: item.Id, revision: 1, acceptedAt: T0), Actor, Ct)).Kind,
            (await Items.AcceptAsync(other, Actor, scheme, Ct)).Kind,
        };

        Assert.Equal([AcceptKind.Replayed, AcceptKind.Conflict, AcceptKind.Stale, AcceptKind.IndexNumberTaken], outcomes);
        Assert.Equal(before, await RowsAsync("events"));
        Assert.Equal([EventTypes.ItemAccepted], await TypesOfAsync(item.Id));
        Assert.Empty(await EventsOfAsync(other.Id));
    }

    [Fact]
    public async Task AcceptAsync_EventCannotBeStored_NothingOfTheAcceptIsKept()
    {
        await RefuseEventsAsync();
        var item = Some.Item(acceptedAt: T0);

        await Assert.ThrowsAnyAsync<Exception>(() => Items.AcceptAsync(item, Actor, Ct));

        Assert.Null(await Items.GetAsync(item.Id, Ct));
        Assert.Empty(await Deliveries.ClaimAsync("bureau", "w1", 10, T0, LeaseFor, Ct));
    }

    [Fact]
    public async Task CompleteAsync_EventCannotBeStored_TheCompletionIsUndone()
    {
        var item = await AcceptAsync(Some.Item(acceptedAt: T0));
        var lease = await ClaimOneAsync(T0);
        await RefuseEventsAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => SucceedAsync(lease, T0.AddSeconds(1)));

        Assert.Equal(DeliveryStatus.InProgress, (await Deliveries.GetAsync(lease.Delivery.Id, Ct))!.Status);
        Assert.Null(await Deliveries.GetPlacementAsync(item.Id, "bureau", Ct));
        Assert.Empty(await Deliveries.GetAttemptsAsync(lease.Delivery.Id, Ct));
    }

    [Fact]
    public async Task CompleteAsync_EachEnd_ItsDeliveryEventWithUrlOrReason()
    {
        var item = await AcceptAsync(Some.Item(channels: ["bureau", "portal", "wechat", "approval"], acceptedAt: T0));
        var done = T0.AddSeconds(5);
        var bureau = await DeliverAsync("bureau", done);
        var portal = await ClaimOneAsync(T0, "portal");
        Assert.True(await CompleteAsync(portal, new Transition(DeliveryStatus.Failed, 1, null, "rejected: too long"), done));
        var wechat = await ClaimOneAsync(T0, "wechat");
        Assert.True(await CompleteAsync(wechat, new Transition(DeliveryStatus.Unconfirmed, 3, null, "no answer, not found by title"), done));
        var approval = await ClaimOneAsync(T0, "approval");
        Assert.True(await CompleteAsync(approval, new Transition(DeliveryStatus.Pending, 1, T0.AddMinutes(1), "503"), done));

        var events = (await EventsOfAsync(item.Id)).Where(e => e.Type != EventTypes.ItemAccepted).ToList();

        Assert.Equal(
            [(EventTypes.DeliverySucceeded, "bureau"), (EventTypes.DeliveryFailed, "portal"), (EventTypes.DeliveryUnconfirmed, "wechat")],
            events.Select(e => (e.Type, e.Channel!)));
        var data = events.Select(e => e.Data).ToList();
        Assert.Equal(
            (bureau.Id, "publish", "succeeded", "https://bureau.example.test/a/r-bureau-1", "r-bureau-1", (string?)null, 1, done),
            (data[0].GetProperty("deliveryId").GetString(), data[0].GetProperty("operation").GetString(), data[0].GetProperty("status").GetString(),
                data[0].GetProperty("url").GetString(), data[0].GetProperty("remoteId").GetString(), data[0].GetProperty("reason").GetString(),
                data[0].GetProperty("attempts").GetInt32(), data[0].GetProperty("at").GetDateTimeOffset()));
        Assert.Equal(("failed", (string?)null, "rejected: too long"),
            (data[1].GetProperty("status").GetString(), data[1].GetProperty("url").GetString(), data[1].GetProperty("reason").GetString()));
        Assert.Equal(("unconfirmed", 3, "no answer, not found by title"),
            (data[2].GetProperty("status").GetString(), data[2].GetProperty("attempts").GetInt32(), data[2].GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task CompleteAsync_LeaseLost_WritesNoEvent()
    {
        var item = await AcceptAsync(Some.Item(acceptedAt: T0));
        var lost = await ClaimOneAsync(T0);
        var taken = Assert.Single(await Deliveries.ClaimAsync("bureau", "w2", 10, T0 + LeaseFor + TimeSpan.FromSeconds(1), LeaseFor, Ct));

        Assert.False(await SucceedAsync(lost, T0.AddMinutes(2)));
        Assert.Equal([EventTypes.ItemAccepted], await TypesOfAsync(item.Id));

        Assert.True(await SucceedAsync(taken, T0.AddMinutes(2)));
        Assert.Equal([EventTypes.ItemAccepted, EventTypes.DeliverySucceeded, EventTypes.ItemLive], await TypesOfAsync(item.Id));
    }
}
