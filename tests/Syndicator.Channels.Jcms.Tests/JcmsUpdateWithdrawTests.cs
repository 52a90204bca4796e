using System.Net;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Testing.Conformance;

namespace Syndicator.Channels.Jcms.Tests;

public sealed class JcmsUpdateWithdrawTests : JcmsSandboxTests
{
    [Fact]
    public async Task Update_SiteWithUpdate_SameIdSameUrlNewFieldsDatesKept()
    {
        await FullSiteAsync();
        var connector = CreateFullSut().Connector;
        var first = NewItem();
        var published = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(connector, first));
        var before = Assert.Single(await ArticlesAsync());
        var second = NewItem(id: first.Id, revision: 2, title: "更正后的标题") with { DocumentNumber = "桐水〔2026〕13号" };

        var outcome = await RunAsync(connector, new InMemoryDelivery(second, JcmsSut.Channel, DeliveryOperation.Update, Live(first, published.RemoteId)));

        var updated = Assert.IsType<ChannelOutcome.Succeeded>(outcome);
        var after = Assert.Single(await ArticlesAsync());
        Assert.Equal(published.RemoteId, updated.RemoteId);
        Assert.Equal(published.Url, updated.Url);
        Assert.Equal("更正后的标题", after.Title);
        Assert.Equal("桐水〔2026〕13号", (string?)after.Metadata["文号"]);
        Assert.Equal((string?)before.Metadata["发布日期"], (string?)after.Metadata["发布日期"]);
        Assert.Equal(1, (await StatsAsync()).Updates);
    }

    [Fact]
    public async Task Update_AttachmentsDropped_ArticleHasNoneLeft()
    {
        await FullSiteAsync();
        var connector = CreateFullSut().Connector;
        var first = NewItem() with { Attachments = [Testing.Some.Attachment()] };
        var published = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(connector, first));
        var second = NewItem(id: first.Id, revision: 2, title: first.Title);

        Assert.IsType<ChannelOutcome.Succeeded>(await RunAsync(connector, new InMemoryDelivery(second, JcmsSut.Channel, DeliveryOperation.Update, Live(first, published.RemoteId))));

        Assert.Empty(Assert.Single(await ArticlesAsync()).Metadata["附件"]!.AsArray());
    }

    [Fact]
    public async Task Update_ArticleMissing_RejectedWithThePortalsWords()
    {
        await FullSiteAsync();
        var item = NewItem();

        var outcome = await RunAsync(CreateFullSut().Connector, new InMemoryDelivery(item, JcmsSut.Channel, DeliveryOperation.Update, Live(item, "999")));

        var rejected = Assert.IsType<ChannelOutcome.Rejected>(outcome);
        Assert.Contains("信息不存在：articleid=999", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_SiteAddsOnly_HandedOffWithInstructionsAndNothingSent()
    {
        var connector = CreateSut().Connector;
        var first = NewItem();
        var published = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(connector, first));
        var second = NewItem(id: first.Id, revision: 2, title: "更正后的标题");

        var outcome = await RunAsync(connector, new InMemoryDelivery(second, JcmsSut.Channel, DeliveryOperation.Update, Live(first, published.RemoteId) with { Url = published.Url }));

        var handedOff = Assert.IsType<ChannelOutcome.HandedOff>(outcome);
        Assert.Contains($"article {published.RemoteId} ({published.Url!.AbsoluteUri})", handedOff.Instructions, StringComparison.Ordinal);
        Assert.Contains("«更正后的标题»", handedOff.Instructions, StringComparison.Ordinal);
        Assert.Contains("Channels:portal:SupportsUpdate is off", handedOff.Instructions, StringComparison.Ordinal);
        Assert.Equal(1, (await StatsAsync()).Requests);
        Assert.Equal(first.Title, Assert.Single(await ArticlesAsync()).Title);
    }

    [Fact]
    public async Task Update_SwitchedOnButTheSiteAddsOnly_RejectedWithTheSitesWordsNothingChanged()
    {
        var connector = CreateFullSut().Connector;
        var first = NewItem();
        await FullSiteAsync();
        var published = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(connector, first));
        await SiteAsync(new { operationElement = "status" });

        var outcome = await RunAsync(connector, new InMemoryDelivery(NewItem(id: first.Id, revision: 2, title: "新标题"), JcmsSut.Channel, DeliveryOperation.Update, Live(first, published.RemoteId)));

        Assert.Contains("接口不支持该操作：U", Assert.IsType<ChannelOutcome.Rejected>(outcome).Reason, StringComparison.Ordinal);
        Assert.Equal(first.Title, Assert.Single(await ArticlesAsync()).Title);
    }

    [Fact]
    public async Task Withdraw_SiteWithDelete_DeletedAndPageGone()
    {
        await FullSiteAsync();
        var connector = CreateFullSut().Connector;
        var item = NewItem();
        var published = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(connector, item));

        Assert.IsType<ChannelOutcome.Succeeded>(await WithdrawAsync(connector, item, Live(item, published.RemoteId)));

        Assert.True(Assert.Single(await ArticlesAsync()).Deleted);
        using var client = Sandbox.CreateClient();
        using var page = await client.GetAsync(published.Url, Timeout);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task Withdraw_SiteAddsOnly_HandedOffArticleStillLive()
    {
        var connector = CreateSut().Connector;
        var item = NewItem();
        var published = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(connector, item));

        var handedOff = Assert.IsType<ChannelOutcome.HandedOff>(await WithdrawAsync(connector, item, Live(item, published.RemoteId)));

        Assert.Contains($"article {published.RemoteId}", handedOff.Instructions, StringComparison.Ordinal);
        Assert.Contains("Channels:portal:SupportsWithdraw is off", handedOff.Instructions, StringComparison.Ordinal);
        Assert.False(Assert.Single(await ArticlesAsync()).Deleted);
        Assert.Equal(1, (await StatsAsync()).Requests);
    }

    [Fact]
    public async Task Withdraw_NothingLive_SucceededWithoutCallingThePortal()
    {
        Assert.IsType<ChannelOutcome.Succeeded>(await WithdrawAsync(CreateSut().Connector, NewItem(), live: null));

        Assert.Equal(0, (await StatsAsync()).Requests);
    }

    [Fact]
    public async Task Withdraw_AfterAddWhoseAnswerWasLost_FindsAndDeletesIt()
    {
        await FullSiteAsync();
        var connector = CreateFullSut().Connector;
        var item = NewItem();
        var publish = new InMemoryDelivery(item, JcmsSut.Channel);
        await AddFaultAsync(Testing.Sandbox.SandboxFault.CommitThenDropConnection() with { Path = ReceivePath });
        Assert.IsType<ChannelOutcome.Transient>(await RunAsync(connector, publish));

        var outcome = await RunAsync(connector, new InMemoryDelivery(item, JcmsSut.Channel, DeliveryOperation.Withdraw, checkpoint: publish.Checkpoint));

        Assert.IsType<ChannelOutcome.Succeeded>(outcome);
        Assert.True(Assert.Single(await ArticlesAsync()).Deleted);
    }
}
