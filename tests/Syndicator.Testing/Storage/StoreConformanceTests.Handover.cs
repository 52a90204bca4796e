using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;
using Xunit;

namespace Syndicator.Testing.Storage;

/// <summary>A send superseded after it started hands its checkpoint on, so a create that may have landed is never repeated blind.</summary>
public abstract partial class StoreConformanceTests
{
    private static readonly Checkpoint CreateSent = Checkpoint.Empty.With("step", "create-sent").With("title", "第一版标题");

    [Fact]
    public async Task AcceptAsync_NewRevisionWhileAStartedPublishWaits_NewPublishInheritsItsCheckpoint()
    {
        var item = await AcceptAsync(Some.Item(acceptedAt: T0));
        await WaitAfterCreateSentAsync();

        await AcceptAsync(Some.Item(id: item.Id, revision: 2, acceptedAt: T0.AddMinutes(1)));

        var deliveries = await DeliveriesOfAsync(item.Id);
        Assert.Equal(DeliveryStatus.Superseded, deliveries[0].Status);
        Assert.Equal((DeliveryOperation.Publish, 2, "create-sent"), (deliveries[1].Operation, deliveries[1].Revision, deliveries[1].Checkpoint["step"]));
    }

    [Fact]
    public async Task WithdrawAsync_AStartedPublishWaits_QueuesAWithdrawThatInheritsItsCheckpoint()
    {
        var item = await AcceptAsync(Some.Item(acceptedAt: T0));
        await WaitAfterCreateSentAsync();

        var outcome = await Deliveries.WithdrawAsync(new ItemCommand(item.Id, null, "撤回", Actor, T0.AddMinutes(1)), Ct);

        var withdraw = Assert.Single(outcome.Deliveries);
        Assert.Equal((DeliveryOperation.Withdraw, "第一版标题"), (withdraw.Operation, withdraw.Checkpoint["title"]));
    }

    [Fact]
    public async Task WithdrawAsync_APublishThatNeverStartedWaits_NothingToWithdraw()
    {
        var item = await AcceptAsync(Some.Item(acceptedAt: T0.AddDays(1)));

        var outcome = await Deliveries.WithdrawAsync(new ItemCommand(item.Id, null, "撤回", Actor, T0), Ct);

        Assert.Empty(outcome.Deliveries);
        Assert.Equal(Core.Items.ItemStatus.Withdrawn, (await Items.GetAsync(item.Id, Ct))!.Status);
    }

    /// <summary>One try that sent its create and lost the answer: back to pending, due later, checkpoint at create-sent.</summary>
    private async Task WaitAfterCreateSentAsync()
    {
        var lease = await ClaimOneAsync(T0);
        Assert.True(await Deliveries.SaveCheckpointAsync(lease, CreateSent, T0, Ct));
        Assert.True(await CompleteAsync(lease, new Transition(DeliveryStatus.Pending, 1, T0.AddHours(1), "outcome unknown"), T0));
    }
}
