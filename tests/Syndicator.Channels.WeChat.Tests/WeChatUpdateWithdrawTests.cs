using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Testing.Conformance;

namespace Syndicator.Channels.WeChat.Tests;

public sealed class WeChatUpdateWithdrawTests : WeChatFixture
{
    [Fact]
    public async Task Update_KeepOld_NewArticleAndOldOneStaysLive()
    {
        var settings = WeChatSut.SandboxSettings(Sandbox);
        settings["UpdatePolicy"] = "KeepOld";
        var connector = CreateSut(settings).Connector;
        var first = NewItem();
        var delivery = Delivery(first);
        var published = delivery.PlacementOf(Assert.IsType<ChannelOutcome.Succeeded>(await RunToEndAsync(delivery, connector)));
        var second = NewItem(first.Id, 2, first.Title, "<p>第二版</p>");

        var outcome = await RunToEndAsync(new InMemoryDelivery(second, WeChatSut.Channel, DeliveryOperation.Update, published), connector);

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(outcome);
        var articles = await ArticlesAsync();
        Assert.Equal(2, articles.Count);
        Assert.All(articles, a => Assert.False(a.Deleted));
        Assert.NotEqual(published.RemoteId, succeeded.RemoteId);
        Assert.Contains($"旧文章 {published.RemoteId} 已保留", succeeded.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_DeleteOld_NoteTellsOperatorsTheOldArticleWasDeleted()
    {
        var first = NewItem();
        var delivery = Delivery(first);
        var published = delivery.PlacementOf(Assert.IsType<ChannelOutcome.Succeeded>(await RunToEndAsync(delivery)));

        var outcome = await RunToEndAsync(new InMemoryDelivery(NewItem(first.Id, 2, first.Title, "<p>第二版</p>"), WeChatSut.Channel, DeliveryOperation.Update, published));

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(outcome);
        Assert.Contains($"旧文章 {published.RemoteId} 已删除", succeeded.Note, StringComparison.Ordinal);
        Assert.True(Assert.Single(await ArticlesAsync(), a => a.RemoteId == published.RemoteId).Deleted);
    }

    [Fact]
    public async Task Update_DeleteOldFailsOnce_RetryDeletesWithoutPublishingAgain()
    {
        var first = NewItem();
        var delivery = Delivery(first);
        var published = delivery.PlacementOf(Assert.IsType<ChannelOutcome.Succeeded>(await RunToEndAsync(delivery)));
        var update = new InMemoryDelivery(NewItem(first.Id, 2, first.Title, "<p>第二版</p>"), WeChatSut.Channel, DeliveryOperation.Update, published);
        await FaultAsync(Syndicator.Testing.Sandbox.SandboxFault.WechatError(-1) with { Path = "/cgi-bin/freepublish/delete" });

        var failed = await RunToEndAsync(update);
        var retried = await RunToEndAsync(update);

        Assert.IsType<ChannelOutcome.Transient>(failed);
        Assert.IsType<ChannelOutcome.Succeeded>(retried);
        var articles = await ArticlesAsync();
        Assert.Equal(2, articles.Count);
        Assert.True(Assert.Single(articles, a => a.RemoteId == published.RemoteId).Deleted);
    }

    [Fact]
    public async Task Withdraw_NothingLive_SucceededWithoutCalls()
    {
        var before = (await StatsAsync()).Requests;

        var outcome = await TryAsync(new InMemoryDelivery(NewItem(), WeChatSut.Channel, DeliveryOperation.Withdraw));

        Assert.IsType<ChannelOutcome.Succeeded>(outcome);
        Assert.Equal(before, (await StatsAsync()).Requests);
    }

    [Fact]
    public async Task Withdraw_AlreadyDeleted_Succeeded()
    {
        var item = NewItem();
        var delivery = Delivery(item);
        var published = delivery.PlacementOf(Assert.IsType<ChannelOutcome.Succeeded>(await RunToEndAsync(delivery)));
        var withdraw = new InMemoryDelivery(item, WeChatSut.Channel, DeliveryOperation.Withdraw, published);

        var first = await TryAsync(withdraw);
        var again = await TryAsync(withdraw);

        Assert.IsType<ChannelOutcome.Succeeded>(first);
        Assert.IsType<ChannelOutcome.Succeeded>(again);
        Assert.True(Assert.Single(await ArticlesAsync()).Deleted);
    }

    [Fact]
    public async Task Withdraw_CheckpointHandedOnFromConfirmedPublish_DeletesThatArticle()
    {
        var item = NewItem();
        var publish = Delivery(item);
        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await RunToEndAsync(publish));

        var outcome = await TryAsync(new InMemoryDelivery(item, WeChatSut.Channel, DeliveryOperation.Withdraw, checkpoint: publish.Checkpoint));

        Assert.Equal(succeeded.RemoteId, Assert.IsType<ChannelOutcome.Succeeded>(outcome).RemoteId);
        Assert.True(Assert.Single(await ArticlesAsync()).Deleted);
    }

    [Fact]
    public async Task Publish_CheckpointOfSupersededRevisionThatSubmitted_Unconfirmed()
    {
        var first = NewItem();
        var publish = Delivery(first);
        Assert.IsType<ChannelOutcome.Pending>(await TryAsync(publish));

        var outcome = await TryAsync(new InMemoryDelivery(NewItem(first.Id, 2), WeChatSut.Channel, checkpoint: publish.Checkpoint));

        Assert.IsType<ChannelOutcome.Unconfirmed>(outcome);
    }
}
