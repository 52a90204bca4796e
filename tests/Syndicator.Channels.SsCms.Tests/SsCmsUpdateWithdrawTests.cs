using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Testing.Conformance;

namespace Syndicator.Channels.SsCms.Tests;

public sealed class SsCmsUpdateWithdrawTests : SsCmsSandboxTests
{
    [Fact]
    public async Task Update_ContentMissing_RejectedNamingWhatToCheck()
    {
        var item = NewItem();

        var outcome = await RunAsync(CreateSut().Connector, new InMemoryDelivery(item, SsCmsSut.Channel, DeliveryOperation.Update, Live(item, "999")));

        var rejected = Assert.IsType<ChannelOutcome.Rejected>(outcome);
        Assert.Equal("400", rejected.Code);
        Assert.Contains("content 999", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains("Channels:bureau:SiteId", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains("Channels:bureau:ChannelId", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_SentTwice_OneArticleWithTheNewTitle()
    {
        var connector = CreateSut().Connector;
        var first = NewItem();
        var published = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(connector, first));
        var second = NewItem(id: first.Id, revision: 2, title: "更正后的标题");
        var update = new InMemoryDelivery(second, SsCmsSut.Channel, DeliveryOperation.Update, Live(first, published.RemoteId));

        Assert.IsType<ChannelOutcome.Succeeded>(await RunAsync(connector, update));
        Assert.IsType<ChannelOutcome.Succeeded>(await RunAsync(connector, update));

        var article = Assert.Single(await ArticlesAsync());
        Assert.Equal("更正后的标题", article.Title);
    }

    [Fact]
    public async Task Withdraw_AlreadyDeleted_Succeeded()
    {
        var connector = CreateSut().Connector;
        var item = NewItem();
        var published = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(connector, item));
        Assert.IsType<ChannelOutcome.Succeeded>(await WithdrawAsync(connector, item, Live(item, published.RemoteId)));

        var again = await WithdrawAsync(connector, item, Live(item, published.RemoteId));

        Assert.Equal(published.RemoteId, Assert.IsType<ChannelOutcome.Succeeded>(again).RemoteId);
        Assert.True(Assert.Single(await ArticlesAsync()).Deleted);
    }

    [Fact]
    public async Task Withdraw_ContentUnknownToSsCms_SucceededAsAlreadyGone()
    {
        var item = NewItem();

        var outcome = await WithdrawAsync(CreateSut().Connector, item, Live(item, "999"));

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(outcome);
        Assert.Equal("999", succeeded.RemoteId);
        Assert.Null(succeeded.Url);
    }

    [Fact]
    public async Task Withdraw_NothingLive_SucceededWithoutCallingSsCms()
    {
        var outcome = await WithdrawAsync(CreateSut().Connector, NewItem(), live: null);

        Assert.IsType<ChannelOutcome.Succeeded>(outcome);
        Assert.Equal(0, (await Sandbox.Control.GetStatsAsync(SsCmsSut.Channel, Timeout)).Requests);
    }

    [Fact]
    public async Task Withdraw_PublishedItem_PageGone()
    {
        var connector = CreateSut().Connector;
        var item = NewItem();
        var published = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(connector, item));

        Assert.IsType<ChannelOutcome.Succeeded>(await WithdrawAsync(connector, item, Live(item, published.RemoteId)));

        using var client = Sandbox.CreateClient();
        using var page = await client.GetAsync(published.Url, Timeout);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, page.StatusCode);
    }
}
