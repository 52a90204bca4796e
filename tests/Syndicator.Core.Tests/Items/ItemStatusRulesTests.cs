using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;
using Syndicator.Testing;

namespace Syndicator.Core.Tests.Items;

public sealed class ItemStatusRulesTests
{
    private readonly ItemRevision _item = Some.Item();
    private long _sequence;

    /// <summary>A delivery of the test's item; each call is newer (higher sequence) than the last.</summary>
    private Delivery D(string channel, DeliveryStatus status, DeliveryOperation operation = DeliveryOperation.Publish) =>
        Some.Delivery(_item, channel, operation, status) with { Sequence = ++_sequence };

    [Fact]
    public void Of_AllSucceeded_Delivered()
    {
        Assert.Equal(ItemStatus.Delivered, ItemStatusRules.Of([D("portal", DeliveryStatus.Succeeded), D("wechat", DeliveryStatus.Succeeded)]));
    }

    [Theory]
    [InlineData(DeliveryStatus.Pending)]
    [InlineData(DeliveryStatus.InProgress)]
    [InlineData(DeliveryStatus.AwaitingConfirmation)]
    [InlineData(DeliveryStatus.Handoff)]
    public void Of_OneStillMoving_InProgress(DeliveryStatus moving)
    {
        Assert.Equal(ItemStatus.InProgress, ItemStatusRules.Of([D("portal", DeliveryStatus.Succeeded), D("wechat", moving)]));
    }

    [Theory]
    [InlineData(DeliveryStatus.Failed)]
    [InlineData(DeliveryStatus.Unconfirmed)]
    public void Of_OneFailedOrUnconfirmed_AttentionEvenWhileOthersMove(DeliveryStatus stuck)
    {
        var deliveries = new[] { D("portal", DeliveryStatus.Pending), D("bureau", DeliveryStatus.Succeeded), D("wechat", stuck) };

        Assert.Equal(ItemStatus.Attention, ItemStatusRules.Of(deliveries));
    }

    [Fact]
    public void Of_AllWithdrawsSucceeded_Withdrawn()
    {
        var deliveries = new[]
        {
            D("portal", DeliveryStatus.Succeeded), D("wechat", DeliveryStatus.Succeeded),
            D("portal", DeliveryStatus.Succeeded, DeliveryOperation.Withdraw), D("wechat", DeliveryStatus.Succeeded, DeliveryOperation.Withdraw),
        };

        Assert.Equal(ItemStatus.Withdrawn, ItemStatusRules.Of(deliveries));
    }

    [Fact]
    public void Of_WithdrawnOnOneChannelOnly_Delivered()
    {
        var deliveries = new[]
        {
            D("portal", DeliveryStatus.Succeeded), D("wechat", DeliveryStatus.Succeeded),
            D("wechat", DeliveryStatus.Succeeded, DeliveryOperation.Withdraw),
        };

        Assert.Equal(ItemStatus.Delivered, ItemStatusRules.Of(deliveries));
    }

    [Fact]
    public void Of_WithdrawStillPending_InProgress()
    {
        var deliveries = new[] { D("portal", DeliveryStatus.Succeeded), D("portal", DeliveryStatus.Pending, DeliveryOperation.Withdraw) };

        Assert.Equal(ItemStatus.InProgress, ItemStatusRules.Of(deliveries));
    }

    [Fact]
    public void Of_NewerDeliverySucceededAfterOlderFailed_Delivered()
    {
        var deliveries = new[] { D("wechat", DeliveryStatus.Failed), D("wechat", DeliveryStatus.Succeeded, DeliveryOperation.Update) };

        Assert.Equal(ItemStatus.Delivered, ItemStatusRules.Of(deliveries));
    }

    [Fact]
    public void Of_NewerDeliveryFailedAfterOlderSucceeded_Attention()
    {
        var deliveries = new[] { D("wechat", DeliveryStatus.Succeeded), D("wechat", DeliveryStatus.Failed, DeliveryOperation.Update) };

        Assert.Equal(ItemStatus.Attention, ItemStatusRules.Of(deliveries));
    }

    [Fact]
    public void Of_NewestBySequenceNotByListOrder_Wins()
    {
        var older = D("wechat", DeliveryStatus.Failed);
        var newer = D("wechat", DeliveryStatus.Succeeded, DeliveryOperation.Update);

        Assert.Equal(ItemStatus.Delivered, ItemStatusRules.Of([newer, older]));
    }

    [Fact]
    public void Of_SupersededNewerDelivery_Ignored()
    {
        var deliveries = new[] { D("portal", DeliveryStatus.Succeeded), D("portal", DeliveryStatus.Superseded, DeliveryOperation.Update) };

        Assert.Equal(ItemStatus.Delivered, ItemStatusRules.Of(deliveries));
    }

    [Fact]
    public void Of_SupersededFailedSend_DoesNotRaiseAttention()
    {
        var deliveries = new[]
        {
            D("portal", DeliveryStatus.Superseded), D("portal", DeliveryStatus.Succeeded), D("wechat", DeliveryStatus.Succeeded),
        };

        Assert.Equal(ItemStatus.Delivered, ItemStatusRules.Of(deliveries));
    }

    [Theory]
    [InlineData(ItemStatus.InProgress, "in_progress")]
    [InlineData(ItemStatus.Delivered, "delivered")]
    [InlineData(ItemStatus.Attention, "attention")]
    [InlineData(ItemStatus.Withdrawn, "withdrawn")]
    public void WireName_EachStatus_RoundTripsThroughTryParse(ItemStatus status, string wire)
    {
        Assert.Equal(wire, ItemStatusRules.WireName(status));
        Assert.True(ItemStatusRules.TryParse(wire, out var parsed));
        Assert.Equal(status, parsed);
    }
}
