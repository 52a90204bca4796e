using System.Text.Json;
using Syndicator.Core.Events;
using Syndicator.Core.Storage;
using Syndicator.Testing;

namespace Syndicator.Storage.Tests.Events;

/// <summary>item.live: once, when the latest revision becomes live on the last channel it is routed to.</summary>
public abstract partial class EventStoreConformanceTests
{
    [Fact]
    public async Task ItemLive_LastRoutedChannelGoesLive_WrittenOnceWithEveryUrl()
    {
        var item = await AcceptAsync(Some.Item(channels: ["bureau", "portal"], acceptedAt: T0));
        await DeliverAsync("bureau", T0.AddSeconds(1));
        Assert.DoesNotContain(EventTypes.ItemLive, await TypesOfAsync(item.Id));

        await DeliverAsync("portal", T0.AddSeconds(2));

        Assert.Equal(
            [EventTypes.ItemAccepted, EventTypes.DeliverySucceeded, EventTypes.DeliverySucceeded, EventTypes.ItemLive],
            await TypesOfAsync(item.Id));
        var (live, data) = await OneAsync(item.Id, EventTypes.ItemLive);
        Assert.Equal((1L, 1, item.Title), (live.Revision, data.GetProperty("revision").GetInt32(), data.GetProperty("title").GetString()));
        Assert.Equal(
            [("bureau", "https://bureau.example.test/a/r-bureau-1", T0.AddSeconds(1)), ("portal", "https://portal.example.test/a/r-portal-1", T0.AddSeconds(2))],
            data.GetProperty("channels").EnumerateArray()
                .Select(c => (c.GetProperty("channel").GetString()!, c.GetProperty("url").GetString()!, c.GetProperty("since").GetDateTimeOffset())));
        Assert.Equal(["archive", "office"], await QueuedForAsync(live.Seq));
    }

    [Fact]
    public async Task ItemLive_OlderRevisionSucceedsWhileANewerIsRouted_NotUntilTheNewerIsLive()
    {
        var id = Some.ItemId();
        await AcceptAsync(Some.Item(id: id, revision: 1, acceptedAt: T0));
        var first = await ClaimOneAsync(T0);
        await AcceptAsync(Some.Item(id: id, revision: 2, acceptedAt: T0.AddSeconds(1)));

        Assert.True(await SucceedAsync(first, T0.AddSeconds(2)));
        Assert.DoesNotContain(EventTypes.ItemLive, await TypesOfAsync(id));

        var update = await DeliverAsync("bureau", T0.AddSeconds(3));
        Assert.Equal(2, update.Revision);
        var (live, data) = await OneAsync(id, EventTypes.ItemLive);
        Assert.Equal((2L, 2), (live.Revision, data.GetProperty("channels")[0].GetProperty("revision").GetInt32()));
    }

    [Fact]
    public async Task ItemLive_SameRevisionRepublishedWhereLive_NotWrittenAgain()
    {
        var id = Some.ItemId();
        await AcceptAsync(Some.Item(id: id, acceptedAt: T0));
        await DeliverAsync("bureau", T0);
        await Deliveries.RepublishAsync(new ItemCommand(id, ["bureau"], "再发", Actor, T0.AddMinutes(1)), Ct);

        await DeliverAsync("bureau", T0.AddMinutes(1));

        Assert.Equal(
            [EventTypes.ItemAccepted, EventTypes.DeliverySucceeded, EventTypes.ItemLive, EventTypes.DeliverySucceeded],
            await TypesOfAsync(id));

        // A new revision is a new state: live again.
        await AcceptAsync(Some.Item(id: id, revision: 2, acceptedAt: T0.AddMinutes(2)));
        await DeliverAsync("bureau", T0.AddMinutes(2));
        Assert.Equal([1L, 2L], (await EventsOfAsync(id)).Where(e => e.Type == EventTypes.ItemLive).Select(e => e.Revision!.Value));
    }

    [Fact]
    public async Task ItemLive_HandOffChannel_HeldBackUntilConfirmed()
    {
        var item = await AcceptAsync(Some.Item(channels: ["board", "bureau"], acceptedAt: T0));
        await DeliverAsync("bureau", T0);
        var board = await HandOffAsync("board", T0.AddSeconds(1));
        Assert.DoesNotContain(EventTypes.ItemLive, await TypesOfAsync(item.Id));

        var url = new Uri("https://board.example.test/posted/1");
        var confirmed = await Deliveries.ConfirmAsync(new DeliveryCommand(board.Id, "已张贴", "operator", T0.AddHours(1)), url, Ct);

        Assert.Equal(CommandResult.Done, confirmed.Result);
        Assert.Equal([EventTypes.ItemAccepted, EventTypes.DeliverySucceeded, EventTypes.DeliverySucceeded, EventTypes.ItemLive], await TypesOfAsync(item.Id));
        var (_, data) = await OneAsync(item.Id, EventTypes.ItemLive);
        Assert.Equal(
            [("board", url.ToString()), ("bureau", "https://bureau.example.test/a/r-bureau-1")],
            data.GetProperty("channels").EnumerateArray().Select(c => (c.GetProperty("channel").GetString()!, c.GetProperty("url").GetString()!)));
    }

    [Fact]
    public async Task ItemLive_NoticeBoardPostingConfirmed_LiveThereWithoutAUrl()
    {
        var item = await AcceptAsync(Some.Item(channels: ["board", "bureau"], acceptedAt: T0));
        await DeliverAsync("bureau", T0);
        var board = await HandOffAsync("board", T0);

        var confirmed = await Deliveries.ConfirmAsync(
            new DeliveryCommand(board.Id, null, "operator", T0.AddDays(1)), HandoffProof.Board(new DateOnly(2026, 3, 3), null), Ct);

        Assert.Equal(CommandResult.Done, confirmed.Result);
        var (_, data) = await OneAsync(item.Id, EventTypes.ItemLive);
        var posted = data.GetProperty("channels")[0];
        Assert.Equal(("board", JsonValueKind.Null), (posted.GetProperty("channel").GetString(), posted.GetProperty("url").ValueKind));
        var (_, succeeded) = (await EventsOfAsync(item.Id)).Where(e => e.Channel == "board").Select(e => (e, e.Data)).Single();
        Assert.Equal(JsonValueKind.Null, succeeded.GetProperty("url").ValueKind);

        // Taken down: withdrawn everywhere, the board's take-down confirmed by its day.
        await Deliveries.WithdrawAsync(new ItemCommand(item.Id, null, "撤稿", Actor, T0.AddDays(2)), Ct);
        await DeliverAsync("bureau", T0.AddDays(2));
        var takeDown = await HandOffAsync("board", T0.AddDays(2));
        await Deliveries.ConfirmAsync(new DeliveryCommand(takeDown.Id, null, "operator", T0.AddDays(3)), HandoffProof.Board(new DateOnly(2026, 3, 5), null), Ct);
        var last = (await EventsOfAsync(item.Id))[^1];
        Assert.Equal(EventTypes.ItemWithdrawn, last.Type);
        Assert.Equal(["board", "bureau"], last.Data.GetProperty("gone").EnumerateArray().Select(g => g.GetProperty("channel").GetString()));
        Assert.Equal(0, last.Data.GetProperty("stillLive").GetArrayLength());
    }
}
