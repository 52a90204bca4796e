using Syndicator.Core.Events;
using Syndicator.Core.Storage;
using Syndicator.Testing;

namespace Syndicator.Storage.Tests.Events;

/// <summary>The subscriptions' queue: claims under fenced leases, next due, renew, release and complete.</summary>
public abstract partial class EventStoreConformanceTests
{
    [Fact]
    public async Task ClaimAsync_DueOnly_InDueOrder_UpToMax()
    {
        var a = await AcceptAsync(Some.Item(acceptedAt: T0));
        var b = await AcceptAsync(Some.Item(acceptedAt: T0.AddMinutes(1)));
        var c = await AcceptAsync(Some.Item(acceptedAt: T0.AddMinutes(2)));
        Assert.Equal(T0, await Events.NextDueAsync("office", Ct));
        Assert.Null(await Events.NextDueAsync("archive", Ct));

        var early = await ClaimEventsAsync(T0.AddSeconds(90));
        Assert.Equal([a.Id, b.Id], early.Select(l => l.Event.ItemId));
        Assert.All(early, l => Assert.Equal(
            ("office", EventTypes.ItemAccepted, 0, "e1", T0.AddSeconds(90) + LeaseFor, true),
            (l.Subscription, l.Event.Type, l.Attempts, l.Owner, l.ExpiresAt, l.Event.Payload.Contains(l.Event.ItemId, StringComparison.Ordinal))));
        Assert.Empty(await Events.ClaimAsync("archive", "e1", 10, T0.AddHours(1), LeaseFor, Ct));

        // Due order is the next try's time, not the order the events happened in.
        Assert.True(await Events.CompleteAsync(early[0], Retry(1, T0.AddMinutes(20), T0.AddMinutes(2)), Ct));
        Assert.True(await Events.CompleteAsync(early[1], Retry(1, T0.AddMinutes(10), T0.AddMinutes(2)), Ct));
        var third = Assert.Single(await ClaimEventsAsync(T0.AddMinutes(5)));
        Assert.True(await Events.CompleteAsync(third, Retry(1, T0.AddMinutes(15), T0.AddMinutes(5)), Ct));
        Assert.Equal(T0.AddMinutes(10), await Events.NextDueAsync("office", Ct));

        var later = await ClaimEventsAsync(T0.AddMinutes(30), max: 2);

        Assert.Equal([b.Id, c.Id], later.Select(l => l.Event.ItemId));
        Assert.All(later, l => Assert.Equal(1, l.Attempts));
        Assert.Equal(T0.AddMinutes(20), await Events.NextDueAsync("office", Ct));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task ClaimAsync_NoRoomAtAll_ClaimsNothing(int max)
    {
        await AcceptAsync(Some.Item(acceptedAt: T0));

        Assert.Empty(await ClaimEventsAsync(T0, max: max));

        Assert.Equal(EventDeliveryStatus.Pending, Assert.Single(await Events.ListAsync(new EventQuery("office"), Ct)).Status);
    }

    [Fact]
    public async Task ClaimAsync_ExpiredLeaseTakenOver_OldTokenChangesNothing()
    {
        await AcceptAsync(Some.Item(acceptedAt: T0));
        var first = Assert.Single(await ClaimEventsAsync(T0));
        Assert.Equal(T0 + LeaseFor, await Events.NextDueAsync("office", Ct));
        Assert.Empty(await ClaimEventsAsync(T0.AddSeconds(30), owner: "e2"));

        var now = T0 + LeaseFor + TimeSpan.FromSeconds(1);
        var taken = Assert.Single(await ClaimEventsAsync(now, owner: "e2"));

        Assert.Equal((first.Event.Id, first.Event.Sequence, "e2"), (taken.Event.Id, taken.Event.Sequence, taken.Owner));
        Assert.True(taken.Token > first.Token);
        Assert.False(await Events.CompleteAsync(first, Delivered(1, now), Ct));
        Assert.False(await Events.RenewAsync(first, now.AddMinutes(10), Ct));
        await Events.ReleaseAsync(first, now, Ct);
        var held = Assert.Single(await Events.ListAsync(new EventQuery("office"), Ct));
        Assert.Equal((EventDeliveryStatus.InProgress, 0, (DateTimeOffset?)null), (held.Status, held.Attempts, held.DeliveredAt));
        Assert.Empty(await ClaimEventsAsync(now.AddSeconds(1), owner: "e3"));

        Assert.True(await Events.CompleteAsync(taken, Delivered(1, now.AddSeconds(2)), Ct));
        var done = Assert.Single(await Events.ListAsync(new EventQuery("office"), Ct));
        Assert.Equal((EventDeliveryStatus.Succeeded, 1, (DateTimeOffset?)now.AddSeconds(2)), (done.Status, done.Attempts, done.DeliveredAt));
        Assert.Null(await Events.NextDueAsync("office", Ct));
    }

    [Fact]
    public async Task RenewAsync_HeldLease_KeepsOthersOutPastTheOldExpiry()
    {
        await AcceptAsync(Some.Item(acceptedAt: T0));
        var lease = Assert.Single(await ClaimEventsAsync(T0));

        Assert.True(await Events.RenewAsync(lease, T0.AddMinutes(10), Ct));

        Assert.Empty(await ClaimEventsAsync(T0.AddMinutes(5), owner: "e2"));
        Assert.Single(await ClaimEventsAsync(T0.AddMinutes(11), owner: "e2"));
    }

    [Fact]
    public async Task ReleaseAsync_HeldLease_PendingDueNowWithoutAnAttempt()
    {
        await AcceptAsync(Some.Item(acceptedAt: T0));
        var lease = Assert.Single(await ClaimEventsAsync(T0));
        var now = T0.AddSeconds(10);

        await Events.ReleaseAsync(lease, now, Ct);

        var released = Assert.Single(await Events.ListAsync(new EventQuery("office"), Ct));
        Assert.Equal((EventDeliveryStatus.Pending, 0, (DateTimeOffset?)now), (released.Status, released.Attempts, released.NextAttemptAt));
        Assert.False(await Events.RenewAsync(lease, now.AddMinutes(1), Ct));
        Assert.Single(await ClaimEventsAsync(now, owner: "e2"));
    }

    private Task<IReadOnlyList<EventLease>> ClaimEventsAsync(DateTimeOffset now, int max = 10, string owner = "e1") =>
        Events.ClaimAsync("office", owner, max, now, LeaseFor, Ct);

    private static EventTryResult Retry(int attempts, DateTimeOffset next, DateTimeOffset now) =>
        new(EventDeliveryStatus.Pending, attempts, next, "503 busy", "503", now);

    private static EventTryResult Delivered(int attempts, DateTimeOffset now) =>
        new(EventDeliveryStatus.Succeeded, attempts, null, null, "200", now);
}
