using System.Net;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Testing.Conformance;

namespace Syndicator.Channels.Jcms.Tests;

public sealed class JcmsUpdateWithdrawTests : JcmsSandboxTests
{
    [Fact]
    public async Task Update_NextRevision_SameIdSameUrlNewFieldsDatesKept()
    {
        var connector = CreateSut().Connector;
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
        var connector = CreateSut().Connector;
        var first = NewItem() with { Attachments = [Testing.Some.Attachment()] };
        var published = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(connector, first));
        var second = NewItem(id: first.Id, revision: 2, title: first.Title);

        Assert.IsType<ChannelOutcome.Succeeded>(await RunAsync(connector, new InMemoryDelivery(second, JcmsSut.Channel, DeliveryOperation.Update, Live(first, published.RemoteId))));

        Assert.Empty(Assert.Single(await ArticlesAsync()).Metadata["附件"]!.AsArray());
    }

    [Fact]
    public async Task Update_ArticleMissing_RejectedWithA04()
    {
        var item = NewItem();

        var outcome = await RunAsync(CreateSut().Connector, new InMemoryDelivery(item, JcmsSut.Channel, DeliveryOperation.Update, Live(item, "999")));

        var rejected = Assert.IsType<ChannelOutcome.Rejected>(outcome);
        Assert.Equal("A04", rejected.Code);
        Assert.Contains("no article 999", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdraw_PublishedItem_DeletedAndPageGone()
    {
        var connector = CreateSut().Connector;
        var item = NewItem();
        var published = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(connector, item));

        Assert.IsType<ChannelOutcome.Succeeded>(await WithdrawAsync(connector, item, Live(item, published.RemoteId)));

        Assert.True(Assert.Single(await ArticlesAsync()).Deleted);
        using var client = Sandbox.CreateClient();
        using var page = await client.GetAsync(published.Url, Timeout);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task Withdraw_ArticleUnknownToPortal_SucceededAsAlreadyGone()
    {
        var item = NewItem();

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await WithdrawAsync(CreateSut().Connector, item, Live(item, "999")));

        Assert.Equal("999", succeeded.RemoteId);
        Assert.Equal("A04", succeeded.Code);
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
        var connector = CreateSut().Connector;
        var item = NewItem();
        var publish = new InMemoryDelivery(item, JcmsSut.Channel);
        await AddFaultAsync(Testing.Sandbox.SandboxFault.CommitThenDropConnection() with { Path = ReceivePath });
        Assert.IsType<ChannelOutcome.Transient>(await RunAsync(connector, publish));

        var outcome = await RunAsync(connector, new InMemoryDelivery(item, JcmsSut.Channel, DeliveryOperation.Withdraw, checkpoint: publish.Checkpoint));

        Assert.IsType<ChannelOutcome.Succeeded>(outcome);
        Assert.True(Assert.Single(await ArticlesAsync()).Deleted);
    }
}
