using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;
using Xunit;

namespace Syndicator.Testing.Storage;

/// <summary>Tries that never finished are counted, so the dispatcher can quarantine a delivery that keeps killing its worker.</summary>
public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task ClaimAsync_TakingOverExpiredLeases_CountsEachUnfinishedTry()
    {
        await AcceptAsync(Some.Item(acceptedAt: T0));
        var first = await ClaimOneAsync(T0, owner: "died-1");
        var second = await ClaimOneAsync(T0 + LeaseFor + TimeSpan.FromSeconds(1), owner: "died-2");

        var third = await ClaimOneAsync(T0 + (2 * LeaseFor) + TimeSpan.FromSeconds(2), owner: "w3");

        Assert.Equal((0, 1, 2), (first.Delivery.Crashes, second.Delivery.Crashes, third.Delivery.Crashes));
        Assert.Equal(2, (await DeliveryAsync(third.Delivery.Id)).Crashes);
    }

    [Fact]
    public async Task ClaimAsync_AfterAReleaseOrARetryDue_NoCrashCounted()
    {
        await AcceptAsync(Some.Item(acceptedAt: T0));
        var lease = await ClaimOneAsync(T0);
        await Deliveries.ReleaseAsync(lease, T0.AddSeconds(1), Ct);

        var again = await ClaimOneAsync(T0.AddSeconds(2));

        Assert.Equal(0, again.Delivery.Crashes);
    }

    [Fact]
    public async Task RetryAsync_QuarantinedDelivery_CrashesReset()
    {
        await AcceptAsync(Some.Item(acceptedAt: T0));
        await ClaimOneAsync(T0, owner: "died");
        var later = T0 + LeaseFor + TimeSpan.FromSeconds(1);
        var taken = await ClaimOneAsync(later, owner: "w2");
        Assert.True(await CompleteAsync(taken, new Transition(DeliveryStatus.Unconfirmed, 1, null, "隔离 quarantined"), later));

        await Deliveries.RetryAsync(new DeliveryCommand(taken.Delivery.Id, "已查明", "operator", later.AddMinutes(1)), Ct);

        Assert.Equal(0, (await DeliveryAsync(taken.Delivery.Id)).Crashes);
    }
}
