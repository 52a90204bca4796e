using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;
using Syndicator.Testing;
using Syndicator.Testing.Fakes;

namespace Syndicator.Core.Tests.Dispatch;

/// <summary>A try runs on what its claim carried: the revision and the live placement are not read back.</summary>
public sealed class DeliveryRunnerClaimTests
{
    [Fact]
    public async Task RunAsync_LeaseCarriesRevisionAndPlacement_TryUsesThemAndReadsNothingBack()
    {
        var sut = new DispatchHarness();
        var connector = FakeChannel.Returning(new ChannelOutcome.Succeeded("art_9", null));
        sut.Connectors.With("bureau", connector);
        var item = Some.Item(channels: ["bureau"]);
        await sut.AcceptAsync(item);
        var claimed = await sut.ClaimAsync("bureau");
        // What the claim read: a title and a placement the store does not hold, so that a read-back would show.
        var carried = item with { Title = "随领取读出的标题" };
        var live = new Placement(item.Id, "bureau", 1, "art_9", null, sut.Time.GetUtcNow());

        await sut.Runner.RunAsync(claimed with { With = new ClaimedWith(carried, live) }, CancellationToken.None);

        var context = Assert.Single(connector.Calls);
        Assert.Equal("随领取读出的标题", context.Item.Title);
        Assert.Equal((DeliveryOperation.Update, "art_9"), (context.Operation, context.Live?.RemoteId));
    }

    [Fact]
    public async Task RunAsync_LeaseCarriesNoRevision_RejectedAsMissing()
    {
        var sut = new DispatchHarness();
        var connector = FakeChannel.Returning(new ChannelOutcome.Succeeded("art_9", null));
        sut.Connectors.With("bureau", connector);
        var delivery = (await sut.AcceptAsync(Some.Item(channels: ["bureau"])))["bureau"];
        var claimed = await sut.ClaimAsync("bureau");

        await sut.Runner.RunAsync(claimed with { With = new ClaimedWith(null, null) }, CancellationToken.None);

        Assert.Empty(connector.Calls);
        Assert.Equal(DeliveryStatus.Failed, (await sut.DeliveryAsync(delivery.Id)).Status);
    }
}
