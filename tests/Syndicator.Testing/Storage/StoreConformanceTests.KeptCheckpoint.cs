using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;
using Xunit;

namespace Syndicator.Testing.Storage;

public abstract partial class StoreConformanceTests
{
    /// <summary>A checkpoint that comes with the outcome is stored by the completion; none keeps the stored one.</summary>
    [Fact]
    public async Task CompleteAsync_WithKeptCheckpoint_StoredWithTheOutcomeAndNextTryStartsFromIt()
    {
        await AcceptAsync(Some.Item(channels: ["wechat"], acceptedAt: T0));
        var lease = await ClaimOneAsync(T0, "wechat");
        var saved = Checkpoint.Empty.With("draft", "media-1");
        Assert.True(await Deliveries.SaveCheckpointAsync(lease, saved, T0, Ct));
        var kept = saved.With("publish_id", "42");
        var attempt = new Attempt(lease.Delivery.Id, 1, T0, T0, "pending", null, "submitted");

        var completed = await Deliveries.CompleteAsync(lease, new TryResult(
            lease.Delivery.Operation, new Transition(DeliveryStatus.AwaitingConfirmation, 1, T0.AddMinutes(1), null), attempt, T0, null)
        {
            Checkpoint = kept,
        }, Ct);
        var next = await ClaimOneAsync(T0.AddMinutes(1), "wechat");
        var unchanged = await Deliveries.CompleteAsync(next, new TryResult(
            next.Delivery.Operation, new Transition(DeliveryStatus.AwaitingConfirmation, 1, T0.AddMinutes(2), null), attempt, T0, null), Ct);

        Assert.True(completed);
        Assert.Equal(kept.ToJson(), next.Delivery.Checkpoint.ToJson());
        Assert.True(unchanged);
        Assert.Equal(kept.ToJson(), (await Deliveries.GetAsync(lease.Delivery.Id, Ct))!.Checkpoint.ToJson());
    }
}
