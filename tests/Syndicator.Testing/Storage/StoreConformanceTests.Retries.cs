using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;
using Xunit;

namespace Syndicator.Testing.Storage;

public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task RetryAsync_UnknownDelivery_NotFound()
    {
        var outcome = await Deliveries.RetryAsync(new DeliveryCommand("missing", null, Actor, T0), Ct);

        Assert.Equal(CommandResult.NotFound, outcome.Result);
    }

    [Fact]
    public async Task RetryAsync_PendingDelivery_ConflictNamingStatus()
    {
        var item = await AcceptAsync(Some.Item(acceptedAt: T0));
        var delivery = Assert.Single(await DeliveriesOfAsync(item.Id));

        var outcome = await Deliveries.RetryAsync(new DeliveryCommand(delivery.Id, null, Actor, T0), Ct);

        Assert.Equal(CommandResult.Conflict, outcome.Result);
        Assert.Contains("pending", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetryAsync_FailedDelivery_PendingDueNowWithAttemptsKeptAndAudited()
    {
        await AcceptAsync(Some.Item(acceptedAt: T0));
        var lease = await ClaimOneAsync(T0);
        Assert.True(await CompleteAsync(lease, Failed(lease), T0));
        var now = T0.AddHours(1);

        var outcome = await Deliveries.RetryAsync(new DeliveryCommand(lease.Delivery.Id, "已修正", "operator", now), Ct);

        Assert.Equal(CommandResult.Done, outcome.Result);
        var stored = await DeliveryAsync(lease.Delivery.Id);
        Assert.Equal((DeliveryStatus.Pending, now, 1, 1), (stored.Status, stored.NextAttemptAt, stored.Attempts, stored.RetryBase));
        Assert.Equal(lease.Delivery.Id, (await ClaimOneAsync(now)).Delivery.Id);
        Assert.Contains(await Store.Audit.ListAsync(lease.Delivery.ItemId, 10, Ct),
            e => e.Action == "delivery.retry" && e.DeliveryId == lease.Delivery.Id && e.Actor == "operator");
    }

    [Fact]
    public async Task RetryAsync_FailedButNewerRevisionQueued_ConflictSuperseded()
    {
        var id = Some.ItemId();
        await AcceptAsync(Some.Item(id: id, revision: 1, acceptedAt: T0));
        var lease = await ClaimOneAsync(T0);
        Assert.True(await CompleteAsync(lease, Failed(lease), T0));
        await AcceptAsync(Some.Item(id: id, revision: 2, acceptedAt: T0.AddMinutes(1)));

        var outcome = await Deliveries.RetryAsync(new DeliveryCommand(lease.Delivery.Id, null, Actor, T0.AddMinutes(2)), Ct);

        Assert.Equal(CommandResult.Conflict, outcome.Result);
        Assert.Contains("superseded by", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Failed, (await DeliveryAsync(lease.Delivery.Id)).Status);
    }

    [Fact]
    public async Task RetryManyAsync_DryRun_ListsCurrentFailuresAndChangesNothing()
    {
        var (failed, unconfirmed, replaced) = await ThreeFailuresAsync();

        var listed = await Deliveries.RetryManyAsync(new RetryFilter(), dryRun: true, Actor, T0.AddHours(1), Ct);

        Assert.Equal([failed, unconfirmed], listed.Select(d => d.Id));
        Assert.Equal([DeliveryStatus.Failed, DeliveryStatus.Unconfirmed], listed.Select(d => d.Status));
        Assert.Equal(DeliveryStatus.Failed, (await DeliveryAsync(failed)).Status);
        Assert.Equal(DeliveryStatus.Failed, (await DeliveryAsync(replaced)).Status);
    }

    [Fact]
    public async Task RetryManyAsync_Filters_ByChannelItemAndSince()
    {
        var (failed, unconfirmed, _) = await ThreeFailuresAsync();
        var item = (await DeliveryAsync(unconfirmed)).ItemId;

        var byChannel = await Deliveries.RetryManyAsync(new RetryFilter(Channel: "portal"), true, Actor, T0, Ct);
        var byItem = await Deliveries.RetryManyAsync(new RetryFilter(ItemId: item), true, Actor, T0, Ct);
        var bySince = await Deliveries.RetryManyAsync(new RetryFilter(Since: T0.AddSeconds(2)), true, Actor, T0, Ct);

        Assert.Equal([failed], byChannel.Select(d => d.Id));
        Assert.Equal([unconfirmed], byItem.Select(d => d.Id));
        Assert.Equal([unconfirmed], bySince.Select(d => d.Id));
    }

    [Fact]
    public async Task RetryManyAsync_NotDryRun_RetriesEachAndAudits()
    {
        var (failed, unconfirmed, replaced) = await ThreeFailuresAsync();
        var now = T0.AddHours(1);

        var retried = await Deliveries.RetryManyAsync(new RetryFilter(), dryRun: false, "operator", now, Ct);

        Assert.Equal([failed, unconfirmed], retried.Select(d => d.Id));
        Assert.All(retried, d => Assert.Equal((DeliveryStatus.Pending, now), (d.Status, d.NextAttemptAt)));
        Assert.Equal(DeliveryStatus.Pending, (await DeliveryAsync(unconfirmed)).Status);
        Assert.Equal(DeliveryStatus.Failed, (await DeliveryAsync(replaced)).Status);
        Assert.Equal(2, (await Store.Audit.ListAsync(null, 100, Ct)).Count(e => e.Action == "delivery.retry"));
    }

    [Fact]
    public async Task ConfirmAsync_UnknownDelivery_NotFound()
    {
        var outcome = await Deliveries.ConfirmAsync(new DeliveryCommand("missing", null, Actor, T0), new Uri("https://x.test/1"), Ct);

        Assert.Equal(CommandResult.NotFound, outcome.Result);
    }

    [Fact]
    public async Task ConfirmAsync_NotHandoff_Conflict()
    {
        var item = await AcceptAsync(Some.Item(acceptedAt: T0));
        var delivery = Assert.Single(await DeliveriesOfAsync(item.Id));

        var outcome = await Deliveries.ConfirmAsync(new DeliveryCommand(delivery.Id, null, Actor, T0), new Uri("https://x.test/1"), Ct);

        Assert.Equal(CommandResult.Conflict, outcome.Result);
        Assert.Equal(DeliveryStatus.Pending, (await DeliveryAsync(delivery.Id)).Status);
    }

    [Fact]
    public async Task ConfirmAsync_Handoff_SucceededLiveAtUrlAndAudited()
    {
        var item = await AcceptAsync(Some.Item(channels: ["approval"], acceptedAt: T0));
        var lease = await ClaimOneAsync(T0, "approval");
        Assert.True(await CompleteAsync(lease, new Transition(DeliveryStatus.Handoff, 1, null, "请人工发布"), T0));
        var url = new Uri("https://approval.example.test/art/2026/3/2/42.html");
        var now = T0.AddHours(2);

        var outcome = await Deliveries.ConfirmAsync(new DeliveryCommand(lease.Delivery.Id, null, "operator", now), url, Ct);

        var confirmed = Assert.Single(outcome.Deliveries);
        Assert.Equal((DeliveryStatus.Succeeded, url, now), (confirmed.Status, confirmed.Url, confirmed.UpdatedAt));
        Assert.Equal(new Placement(item.Id, "approval", 1, url.OriginalString, url, now), await Deliveries.GetPlacementAsync(item.Id, "approval", Ct));
        Assert.Contains(await Store.Audit.ListAsync(item.Id, 10, Ct), e => e.Action == "delivery.confirm" && e.Actor == "operator");
        Assert.Equal(CommandResult.Conflict, (await Deliveries.ConfirmAsync(new DeliveryCommand(lease.Delivery.Id, null, Actor, now), url, Ct)).Result);
    }

    /// <summary>A failed delivery on portal (at T0+1s), an unconfirmed one on bureau (at T0+2s), and a failed one replaced by a newer revision.</summary>
    private async Task<(string Failed, string Unconfirmed, string Replaced)> ThreeFailuresAsync()
    {
        await AcceptAsync(Some.Item(channels: ["portal"], acceptedAt: T0));
        var failed = await ClaimOneAsync(T0, "portal");
        Assert.True(await CompleteAsync(failed, Failed(failed), T0.AddSeconds(1)));

        await AcceptAsync(Some.Item(channels: ["bureau"], acceptedAt: T0));
        var unconfirmed = await ClaimOneAsync(T0, "bureau");
        Assert.True(await CompleteAsync(unconfirmed, new Transition(DeliveryStatus.Unconfirmed, 1, null, "timeout"), T0.AddSeconds(2)));

        var id = Some.ItemId();
        await AcceptAsync(Some.Item(id: id, channels: ["wechat"], acceptedAt: T0));
        var replaced = await ClaimOneAsync(T0, "wechat");
        Assert.True(await CompleteAsync(replaced, Failed(replaced), T0.AddSeconds(3)));
        await AcceptAsync(Some.Item(id: id, revision: 2, channels: ["wechat"], acceptedAt: T0.AddSeconds(4)));

        return (failed.Delivery.Id, unconfirmed.Delivery.Id, replaced.Delivery.Id);
    }
}
