using Syndicator.Core.Storage;
using Syndicator.Core.Tracking;
using Xunit;

namespace Syndicator.Testing.Storage;

public abstract partial class StoreConformanceTests
{
    private ITrackingStore Tracking => Store.Tracking!;

    [Fact]
    public async Task TrackingRecordAsync_FirstThenSameThenOther_FirstUnchangedChanged()
    {
        var item = Some.Item();
        await MakeLiveAsync(item);

        var first = await Tracking.RecordAsync(Result(item.Id, LiveStatus.Verified, T0.AddMinutes(1)), Ct);
        var same = await Tracking.RecordAsync(Result(item.Id, LiveStatus.Verified, T0.AddMinutes(2)), Ct);
        var other = await Tracking.RecordAsync(Result(item.Id, LiveStatus.Changed, T0.AddMinutes(3)), Ct);

        Assert.Equal([TrackingWrite.First, TrackingWrite.Unchanged, TrackingWrite.Changed], [first, same, other]);
        var shown = Assert.Single(await Tracking.ListForItemAsync(item.Id, Ct));
        Assert.Equal((LiveStatus.Changed, T0.AddMinutes(3), T0.AddMinutes(3)), (shown.Status, shown.CheckedAt, shown.Since));
    }

    [Fact]
    public async Task TrackingRecordAsync_TwoNodesSameChange_OnlyOneHearsChanged()
    {
        var item = Some.Item();
        await MakeLiveAsync(item);
        await Tracking.RecordAsync(Result(item.Id, LiveStatus.Verified, T0), Ct);
        var peer = (await PeerAsync()).Tracking!;

        var writes = await Task.WhenAll(
            Tracking.RecordAsync(Result(item.Id, LiveStatus.Missing, T0.AddMinutes(1)), Ct),
            peer.RecordAsync(Result(item.Id, LiveStatus.Missing, T0.AddMinutes(1)), Ct));

        Assert.Equal(1, writes.Count(w => w == TrackingWrite.Changed));
    }

    [Fact]
    public async Task TrackingListPlacementsAsync_UncheckedBefore_OnlyDueAndNotYetChecked()
    {
        var checkedItem = Some.Item();
        var dueItem = Some.Item();
        await MakeLiveAsync(checkedItem, remoteId: "r-1");
        await MakeLiveAsync(dueItem, remoteId: "r-2");
        await Tracking.RecordAsync(Result(checkedItem.Id, LiveStatus.Verified, T0.AddMinutes(1)), Ct);

        var due = await Tracking.ListPlacementsAsync(null, 10, T0.AddMinutes(1), Ct);
        var all = await Tracking.ListPlacementsAsync(null, 10, null, Ct);
        var notYet = await Tracking.ListPlacementsAsync(null, 10, T0.AddMinutes(-1), Ct);

        Assert.Equal(dueItem.Id, Assert.Single(due).Placement.ItemId);
        Assert.Equal(2, all.Count);
        Assert.Contains(all, p => p.Last?.Status == LiveStatus.Verified);
        Assert.Empty(notYet);
    }

    [Fact]
    public async Task TrackingLastPublicationAsync_AfterAPublish_ItsTime()
    {
        Assert.Null(await Tracking.LastPublicationAsync("bureau", Ct));
        await MakeLiveAsync(Some.Item());

        Assert.Equal(T0, await Tracking.LastPublicationAsync("bureau", Ct));
    }

    private static TrackingResult Result(string itemId, LiveStatus status, DateTimeOffset at) =>
        new(itemId, "bureau", 1, status, "detail", "标题", "fp", at, at);
}
