using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;
using Xunit;

namespace Syndicator.Testing.Storage;

/// <summary>A notice board's hand-offs completed with a day and a photo: placed, kept, read back, counted by posting day.</summary>
public abstract partial class StoreConformanceTests
{
    private static readonly DateOnly PostedDay = new(2026, 3, 3);

    [Fact]
    public async Task ConfirmAsync_BoardPosting_PlacedWithoutUrlKeptWithItsPhotoAndAudited()
    {
        var item = await AcceptAsync(Some.Item(channels: ["approval"], acceptedAt: T0));
        var posting = await HandOffAsync(T0);
        var photo = Some.Image("board.png");
        var now = T0.AddDays(2);

        var outcome = await Deliveries.ConfirmAsync(new DeliveryCommand(posting, null, "user:clerk", now), HandoffProof.Board(PostedDay, photo), Ct);

        var confirmed = Assert.Single(outcome.Deliveries);
        Assert.Equal((DeliveryStatus.Succeeded, (Uri?)null), (confirmed.Status, confirmed.Url));
        var placement = await Deliveries.GetPlacementAsync(item.Id, "approval", Ct);
        Assert.Equal((item.Id, (Uri?)null), (placement?.ItemId, placement?.Url));
        var kept = Assert.Single(await Store.Board.ListConfirmationsAsync(item.Id, Ct));
        Assert.Equal(new BoardConfirmation(posting, item.Id, "approval", BoardEvent.Posted, PostedDay,
            new BoardPhoto("board.png", "image/png", photo.Content.Length), "user:clerk", now), kept);
        Assert.Equal(photo.Content, (await Store.Board.GetPhotoAsync(posting, Ct))?.Content);
        Assert.Equal([new PostedNotice(item.Id, "approval", item.Title, PostedDay)], await Store.Board.ListPostedAsync("approval", Ct));
        Assert.Contains(await Store.Audit.ListAsync(item.Id, 10, Ct), e => e.Action == "delivery.posted" && e.Actor == "user:clerk"
            && e.Detail == $"postedOn 2026-03-03; photo: yes (board.png, image/png, {photo.Content.Length} bytes)");
    }

    [Fact]
    public async Task ConfirmAsync_BoardTakeDown_PlacementGoneNoLongerPostedAndAudited()
    {
        var item = await AcceptAsync(Some.Item(channels: ["approval"], acceptedAt: T0));
        var posting = await HandOffAsync(T0);
        await Deliveries.ConfirmAsync(new DeliveryCommand(posting, null, Actor, T0.AddDays(1)), HandoffProof.Board(PostedDay, null), Ct);
        await Deliveries.WithdrawAsync(new ItemCommand(item.Id, ["approval"], "张贴期满", Actor, T0.AddDays(40)), Ct);
        var takeDown = await HandOffAsync(T0.AddDays(40));

        await Deliveries.ConfirmAsync(new DeliveryCommand(takeDown, null, Actor, T0.AddDays(41)), HandoffProof.Board(new DateOnly(2026, 4, 11), null), Ct);

        Assert.Null(await Deliveries.GetPlacementAsync(item.Id, "approval", Ct));
        Assert.Empty(await Store.Board.ListPostedAsync("approval", Ct));
        Assert.Equal([BoardEvent.Posted, BoardEvent.TakenDown], (await Store.Board.ListConfirmationsAsync(item.Id, Ct)).Select(b => b.Event));
        Assert.Null(await Store.Board.GetPhotoAsync(takeDown, Ct));
        Assert.Contains(await Store.Audit.ListAsync(item.Id, 10, Ct), e => e.Action == "delivery.taken_down" && e.Detail == "takenDownOn 2026-04-11; photo: no");
    }

    [Fact]
    public async Task CountPublishedAsync_BoardPosting_CountedInTheYearOfItsPostingDayNotOfTheConfirmation()
    {
        await AcceptAsync(Some.Item(channels: ["approval"], acceptedAt: T0));
        var posting = await HandOffAsync(T0);
        var confirmedIn2027 = new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.FromHours(8));
        await Deliveries.ConfirmAsync(new DeliveryCommand(posting, null, Actor, confirmedIn2027), HandoffProof.Board(new DateOnly(2026, 12, 31), null), Ct);
        var y2026 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

        var in2026 = await Store.Statistics.CountPublishedAsync(y2026, y2026.AddYears(1), includeWithdrawn: true, Ct);
        var in2027 = await Store.Statistics.CountPublishedAsync(y2026.AddYears(1), y2026.AddYears(2), includeWithdrawn: true, Ct);

        Assert.Equal(1, Assert.Single(in2026, c => c.Channel == "approval").Count);
        Assert.DoesNotContain(in2027, c => c.Channel == "approval");
    }

    /// <summary>Claims the next delivery on <c>approval</c> and hands it off, as a board's connector does; its id.</summary>
    private async Task<string> HandOffAsync(DateTimeOffset at)
    {
        var lease = await ClaimOneAsync(at, "approval");
        Assert.True(await CompleteAsync(lease, new Transition(DeliveryStatus.Handoff, 1, null, "请打印公告并张贴"), at));
        return lease.Delivery.Id;
    }
}
