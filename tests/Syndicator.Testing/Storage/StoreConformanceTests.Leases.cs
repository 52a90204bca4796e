using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;
using Xunit;

namespace Syndicator.Testing.Storage;

public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task RenewAsync_HeldLease_KeepsOthersOutPastTheOldExpiry()
    {
        await AcceptAsync(Some.Item(acceptedAt: T0));
        var lease = await ClaimOneAsync(T0);

        var renewed = await Deliveries.RenewAsync(lease, T0.AddMinutes(10), Ct);

        Assert.True(renewed);
        Assert.Empty(await Deliveries.ClaimAsync("bureau", "w2", 10, T0.AddMinutes(5), LeaseFor, Ct));
        Assert.Single(await Deliveries.ClaimAsync("bureau", "w2", 10, T0.AddMinutes(11), LeaseFor, Ct));
    }

    [Fact]
    public async Task SaveCheckpointAsync_HeldLease_StoredAndHandedToTheNextClaim()
    {
        await AcceptAsync(Some.Item(acceptedAt: T0));
        var lease = await ClaimOneAsync(T0);
        var checkpoint = Checkpoint.Empty.With("step", "create-sent").With("remoteId", "42");

        var saved = await Deliveries.SaveCheckpointAsync(lease, checkpoint, T0.AddSeconds(3), Ct);
        var next = await ClaimOneAsync(T0 + LeaseFor + TimeSpan.FromSeconds(1), owner: "w2");

        Assert.True(saved);
        var stored = await DeliveryAsync(lease.Delivery.Id);
        Assert.Equal(checkpoint.Values.ToArray(), stored.Checkpoint.Values.ToArray());
        Assert.Equal("42", next.Delivery.Checkpoint["remoteId"]);
        Assert.Equal("create-sent", next.Delivery.Checkpoint["step"]);
    }

    [Fact]
    public async Task CompleteAsync_Succeeded_RecordsAttemptRemoteIdAndPlacement()
    {
        var item = await AcceptAsync(Some.Item(acceptedAt: T0));
        var lease = await ClaimOneAsync(T0);
        var done = T0.AddSeconds(2);

        Assert.True(await SucceedAsync(lease, done, "remote-7"));

        var stored = await DeliveryAsync(lease.Delivery.Id);
        Assert.Equal((DeliveryStatus.Succeeded, 1, "remote-7", done), (stored.Status, stored.Attempts, stored.RemoteId, stored.UpdatedAt));
        Assert.Equal(new Uri("https://example.test/a/remote-7"), stored.Url);
        Assert.Null(stored.NextAttemptAt);
        var attempt = Assert.Single(await Deliveries.GetAttemptsAsync(lease.Delivery.Id, Ct));
        Assert.Equal(new Attempt(lease.Delivery.Id, 1, done, done, "succeeded", "200", "done"), attempt);
        var placement = await Deliveries.GetPlacementAsync(item.Id, "bureau", Ct);
        Assert.Equal(new Placement(item.Id, "bureau", 1, "remote-7", new Uri("https://example.test/a/remote-7"), done), placement);
    }

    [Fact]
    public async Task CompleteAsync_TransientThenAgain_PendingOnScheduleWithEveryAttemptKept()
    {
        await AcceptAsync(Some.Item(acceptedAt: T0));
        var first = await ClaimOneAsync(T0);
        Assert.True(await CompleteAsync(first, new Transition(DeliveryStatus.Pending, 1, T0.AddSeconds(30), "503 busy"), T0));

        var pending = await DeliveryAsync(first.Delivery.Id);
        var second = await ClaimOneAsync(T0.AddSeconds(30));
        Assert.True(await CompleteAsync(second, Failed(second), T0.AddSeconds(31)));

        Assert.Equal((DeliveryStatus.Pending, 1, T0.AddSeconds(30), "503 busy"),
            (pending.Status, pending.Attempts, pending.NextAttemptAt, pending.LastError));
        var failed = await DeliveryAsync(first.Delivery.Id);
        Assert.Equal((DeliveryStatus.Failed, 2, "rejected: too long"), (failed.Status, failed.Attempts, failed.LastError));
        Assert.Equal([1, 2], (await Deliveries.GetAttemptsAsync(first.Delivery.Id, Ct)).Select(a => a.Number));
        Assert.Null(await Deliveries.GetPlacementAsync(first.Delivery.ItemId, "bureau", Ct));
    }

    [Fact]
    public async Task CompleteAsync_UpdateWithoutNewRemoteId_PlacementKeepsRemoteIdAndTakesRevision()
    {
        var id = Some.ItemId();
        await MakeLiveAsync(Some.Item(id: id, revision: 1, acceptedAt: T0), remoteId: "remote-1");
        await AcceptAsync(Some.Item(id: id, revision: 2, acceptedAt: T0.AddMinutes(1)));
        var update = await ClaimOneAsync(T0.AddMinutes(1));

        Assert.True(await CompleteAsync(update, new Transition(DeliveryStatus.Succeeded, 1, null, null), T0.AddMinutes(2)));

        var placement = await Deliveries.GetPlacementAsync(id, "bureau", Ct);
        Assert.Equal((2, "remote-1", new Uri("https://example.test/a/remote-1")), (placement!.Revision, placement.RemoteId, placement.Url));
    }

    [Fact]
    public async Task CompleteAsync_OperationChangedByDispatcher_StoredAsRun()
    {
        await AcceptAsync(Some.Item(acceptedAt: T0));
        var lease = await ClaimOneAsync(T0);

        await Deliveries.CompleteAsync(lease, new TryResult(
            DeliveryOperation.Update,
            new Transition(DeliveryStatus.Succeeded, 1, null, null, "r-9"),
            new Attempt(lease.Delivery.Id, 1, T0, T0, "succeeded", null, null),
            T0,
            null), Ct);

        Assert.Equal(DeliveryOperation.Update, (await DeliveryAsync(lease.Delivery.Id)).Operation);
    }

    [Fact]
    public async Task CompleteAsync_WithdrawSucceeded_RemovesPlacement()
    {
        var item = Some.Item(acceptedAt: T0);
        await MakeLiveAsync(item);
        await Deliveries.WithdrawAsync(new ItemCommand(item.Id, null, "撤稿", Actor, T0.AddMinutes(1)), Ct);
        var withdraw = await ClaimOneAsync(T0.AddMinutes(1));

        Assert.True(await SucceedAsync(withdraw, T0.AddMinutes(2)));

        Assert.Equal(DeliveryOperation.Withdraw, withdraw.Delivery.Operation);
        Assert.Null(await Deliveries.GetPlacementAsync(item.Id, "bureau", Ct));
    }

    [Fact]
    public async Task CompleteAsync_WithAuditEntry_AppendsIt()
    {
        var item = await AcceptAsync(Some.Item(acceptedAt: T0));
        var lease = await ClaimOneAsync(T0);
        var entry = new AuditEntry(T0.AddSeconds(1), "dispatcher", "delivery.failed", item.Id, lease.Delivery.Id, "bureau", null, "too long");

        Assert.True(await CompleteAsync(lease, Failed(lease), T0.AddSeconds(1), entry));

        Assert.Equal(entry, (await Store.Audit.ListAsync(item.Id, 10, Ct))[0]);
    }

    [Fact]
    public async Task ReleaseAsync_HeldLease_PendingDueNowWithoutAnAttempt()
    {
        await AcceptAsync(Some.Item(acceptedAt: T0));
        var lease = await ClaimOneAsync(T0);
        var now = T0.AddSeconds(10);

        await Deliveries.ReleaseAsync(lease, now, Ct);

        var stored = await DeliveryAsync(lease.Delivery.Id);
        Assert.Equal((DeliveryStatus.Pending, 0, now), (stored.Status, stored.Attempts, stored.NextAttemptAt));
        Assert.Empty(await Deliveries.GetAttemptsAsync(lease.Delivery.Id, Ct));
        Assert.False(await Deliveries.RenewAsync(lease, now.AddMinutes(1), Ct));
        Assert.Single(await Deliveries.ClaimAsync("bureau", "w2", 10, now, LeaseFor, Ct));
    }
}
