using System.Net;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;
using Syndicator.Sandbox;
using Syndicator.Testing;
using Syndicator.Testing.Conformance;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Channels.Jcms.Tests;

public sealed class JcmsPublishTests : JcmsSandboxTests
{
    [Fact]
    public async Task Publish_CatalogueMetadata_ArrivesIntactAndShowsOnThePage()
    {
        var item = NewItem() with
        {
            IndexNumber = "002482285/2026-00042",
            DocumentNumber = "桐水〔2026〕12号",
            Publisher = "桐乡市水利局",
            WrittenOn = new DateOnly(2026, 3, 1),
            Disclosure = new DisclosureMetadata { Topic = "综合政务\\政务公开", Genre = "通知", Validity = "有效", Keywords = ["防汛", "安全"] },
        };

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(CreateSut().Connector, item));

        var article = Assert.Single(await ArticlesAsync());
        Assert.Equal(item.Id, article.SourceId);
        Assert.Equal(item.Title, article.Title);
        Assert.Equal(SandboxArticleHash(item.BodyHtml), article.ContentHash);
        var metadata = article.Metadata;
        Assert.Equal("002482285/2026-00042", (string?)metadata["索引号"]);
        Assert.Equal("桐乡市水利局", (string?)metadata["发布机构"]);
        Assert.Equal("桐水〔2026〕12号", (string?)metadata["文号"]);
        Assert.Equal("2026-03-01", (string?)metadata["成文日期"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", (string?)metadata["发布日期"]);
        Assert.Equal("综合政务\\政务公开", (string?)metadata["主题分类"]);
        Assert.Equal("通知", (string?)metadata["体裁分类"]);
        Assert.Equal("有效", (string?)metadata["有效性"]);
        Assert.Equal("主动公开", (string?)metadata["公开方式"]);
        Assert.Equal("面向全社会", (string?)metadata["公开范围"]);
        Assert.Equal("防汛 安全", (string?)metadata["主题词"]);
        var page = await PageAsync(succeeded.Url!);
        Assert.Contains("<th>索引号</th><td>002482285/2026-00042</td>", page, StringComparison.Ordinal);
        Assert.Contains("<th>发布机构</th><td>桐乡市水利局</td>", page, StringComparison.Ordinal);
        Assert.Contains("<th>成文日期</th><td>2026-03-01</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_DeliveryNamesAColumn_ArticleInThatColumn()
    {
        var delivery = new InMemoryDelivery(NewItem(), JcmsSut.Channel) { Column = SandboxCredentials.PortalPolicyColumnId.ToString(System.Globalization.CultureInfo.InvariantCulture) };

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await RunAsync(CreateSut().Connector, delivery));

        Assert.Equal(SandboxCredentials.PortalPolicyColumnId, (int?)Assert.Single(await ArticlesAsync()).Metadata["columnid"]);
        Assert.Contains($"/art_{SandboxCredentials.PortalPolicyColumnId}_{succeeded.RemoteId}.html", succeeded.Url!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_NoColumnInDelivery_ArticleInDefaultColumn()
    {
        Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(CreateSut().Connector, NewItem()));

        Assert.Equal(SandboxCredentials.PortalColumnId, (int?)Assert.Single(await ArticlesAsync()).Metadata["columnid"]);
    }

    [Fact]
    public async Task Publish_ColumnNotAnId_RejectedNamingCatalogueKey()
    {
        var delivery = new InMemoryDelivery(NewItem(), JcmsSut.Channel) { Column = "政策" };

        var rejected = Assert.IsType<ChannelOutcome.Rejected>(await RunAsync(CreateSut().Connector, delivery));

        Assert.Contains("Catalogue ChannelColumns:portal", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal(0, (await StatsAsync()).Requests);
    }

    [Fact]
    public async Task Publish_ColumnUnknownToPortal_RejectedWithThePortalsWords()
    {
        var delivery = new InMemoryDelivery(NewItem(), JcmsSut.Channel) { Column = "999" };

        var rejected = Assert.IsType<ChannelOutcome.Rejected>(await RunAsync(CreateSut().Connector, delivery));

        Assert.Equal("200", rejected.Code);
        Assert.Contains("栏目不存在：columnid=999", rejected.Reason, StringComparison.Ordinal);
        Assert.Empty(await ArticlesAsync());
    }

    [Fact]
    public async Task Publish_WithAttachments_EachStoredUnderAGeneratedNameShownUnderTheSendersAndDownloadsFromThePage()
    {
        var pdf = Some.Attachment("通知.pdf");
        var item = NewItem() with { Attachments = [pdf, Some.Attachment("附表.pdf")] };

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(CreateSut().Connector, item));

        var files = Assert.Single(await ArticlesAsync()).Metadata["附件"]!.AsArray();
        Assert.Equal(["att-1.pdf", "att-2.pdf"], files.Select(f => (string?)f!["name"]));
        Assert.Equal(["通知.pdf", "附表.pdf"], files.Select(f => (string?)f!["title"]));
        Assert.Equal(pdf.Content.Length, (int?)files[0]!["size"]);
        var page = await PageAsync(succeeded.Url!);
        Assert.Contains(">通知.pdf</a>", page, StringComparison.Ordinal);
        using var client = Sandbox.CreateClient();
        var download = await client.GetByteArrayAsync(new Uri(succeeded.Url!, $"/portal/site/attach/{succeeded.RemoteId}/1/att-1.pdf"), Timeout);
        Assert.Equal(pdf.Content, download);
    }

    [Fact]
    public async Task Publish_BodyNamesAnImage_PageCarriesItAsDataUri()
    {
        var image = Some.Image("fig1.png");
        var item = NewItem(bodyHtml: "<p>见下图<img src=\"fig1.png\"></p>") with { Images = [image] };

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(CreateSut().Connector, item));

        Assert.Contains($"src=\"{image.ToDataUri()}\"", await PageAsync(succeeded.Url!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_NewItem_SavesAddSentBeforeAddedWithRemoteIdAndUrl()
    {
        var delivery = new InMemoryDelivery(NewItem(), JcmsSut.Channel);

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await RunAsync(CreateSut().Connector, delivery));

        Assert.Equal(["add-sent", "added"], delivery.Saved.Select(c => c["step"]));
        Assert.Null(delivery.Saved[0]["remoteId"]);
        Assert.Equal(succeeded.RemoteId, delivery.Checkpoint["remoteId"]);
        Assert.Equal(succeeded.Url!.AbsoluteUri, delivery.Checkpoint["url"]);
        Assert.Equal("200", succeeded.Code);
    }

    [Fact]
    public async Task Publish_CommitThenReset_ReconciledByTheColumnsListPageExactlyOneArticle()
    {
        var connector = CreateSut().Connector;
        var delivery = new InMemoryDelivery(NewItem(), JcmsSut.Channel);
        await AddFaultAsync(SandboxFault.CommitThenDropConnection() with { Path = ReceivePath });

        var lost = Assert.IsType<ChannelOutcome.Transient>(await RunAsync(connector, delivery));
        var first = Assert.IsType<ChannelOutcome.Succeeded>(await RunAsync(connector, delivery));
        var again = Assert.IsType<ChannelOutcome.Succeeded>(await RunAsync(connector, delivery));

        Assert.StartsWith("outcome unknown, will reconcile", lost.Reason, StringComparison.Ordinal);
        var article = Assert.Single(await ArticlesAsync());
        Assert.Equal(article.RemoteId, first.RemoteId);
        Assert.Equal(first.RemoteId, again.RemoteId);
        Assert.Equal(first.Url, again.Url);
        Assert.EndsWith($"/art_{SandboxCredentials.PortalColumnId}_{article.RemoteId}.html", first.Url!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(1, (await StatsAsync()).Creates);
    }

    [Fact]
    public async Task Publish_ListPageShowsNoSuchTitle_AddsOnce()
    {
        var connector = CreateSut().Connector;
        var delivery = new InMemoryDelivery(NewItem(), JcmsSut.Channel);
        await AddFaultAsync(SandboxFault.DropConnection() with { Path = ReceivePath });

        Assert.IsType<ChannelOutcome.Transient>(await RunAsync(connector, delivery));
        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await RunAsync(connector, delivery));

        Assert.Equal(succeeded.RemoteId, Assert.Single(await ArticlesAsync()).RemoteId);
    }

    [Fact]
    public async Task Publish_AnswerLostWithoutQueryOrListPage_UnconfirmedInWordsNeverSentAgain()
    {
        var settings = JcmsSut.SandboxSettings(Sandbox);
        settings.Remove("Reconcile:ListPage");
        var connector = CreateSut(settings).Connector;
        var delivery = new InMemoryDelivery(NewItem(title: "关于汛期值班安排的通知"), JcmsSut.Channel);
        await AddFaultAsync(SandboxFault.CommitThenDropConnection() with { Path = ReceivePath });

        var unconfirmed = Assert.IsType<ChannelOutcome.Unconfirmed>(await RunAsync(connector, delivery));
        var later = Assert.IsType<ChannelOutcome.Unconfirmed>(await RunAsync(connector, delivery));

        Assert.Contains("offers no query", unconfirmed.Reason, StringComparison.Ordinal);
        Assert.Contains("«关于汛期值班安排的通知»", unconfirmed.Reason, StringComparison.Ordinal);
        Assert.Contains($"column {SandboxCredentials.PortalColumnId} of the portal's back office", unconfirmed.Reason, StringComparison.Ordinal);
        Assert.Contains("offers no query", later.Reason, StringComparison.Ordinal);
        Assert.Single(await ArticlesAsync());
        Assert.Equal(1, (await StatsAsync()).Requests);
    }

    [Fact]
    public async Task Publish_CommitThenResetOnASiteWithQuery_ReconciledByQuery()
    {
        await FullSiteAsync();
        var settings = JcmsSut.FullSandboxSettings(Sandbox);
        settings.Remove("Reconcile:ListPage");
        var connector = CreateSut(settings).Connector;
        var delivery = new InMemoryDelivery(NewItem(), JcmsSut.Channel);
        await AddFaultAsync(SandboxFault.CommitThenDropConnection() with { Path = ReceivePath });

        Assert.IsType<ChannelOutcome.Transient>(await RunAsync(connector, delivery));
        var first = Assert.IsType<ChannelOutcome.Succeeded>(await RunAsync(connector, delivery));

        Assert.Equal(Assert.Single(await ArticlesAsync()).RemoteId, first.RemoteId);
        Assert.Equal(1, (await StatsAsync()).Creates);
    }

    [Fact]
    public async Task Publish_ReconcileQueryFails_TransientWithoutAddingAgain()
    {
        await FullSiteAsync();
        var connector = CreateFullSut().Connector;
        var delivery = new InMemoryDelivery(NewItem(), JcmsSut.Channel);
        await AddFaultAsync(SandboxFault.CommitThenDropConnection() with { Path = ReceivePath });
        Assert.IsType<ChannelOutcome.Transient>(await RunAsync(connector, delivery));
        await AddFaultAsync(SandboxFault.Fail(503) with { Path = ReceivePath });

        var transient = Assert.IsType<ChannelOutcome.Transient>(await RunAsync(connector, delivery));

        Assert.StartsWith("could not reconcile an earlier add", transient.Reason, StringComparison.Ordinal);
        Assert.Equal("503", transient.Code);
        Assert.Equal("add-sent", delivery.Checkpoint["step"]);
        Assert.Equal(1, (await StatsAsync()).Creates);
    }

    [Theory]
    [InlineData("html", "alert('信息已提交')")]
    [InlineData("other", "<response><state>ok</state>")]
    public async Task Publish_AnswerInAShapeTheRulesDoNotDescribe_UnconfirmedShowingTheRawAnswer(string shape, string shown)
    {
        await SiteAsync(new { reply = shape });
        var delivery = new InMemoryDelivery(NewItem(), JcmsSut.Channel);

        var unconfirmed = Assert.IsType<ChannelOutcome.Unconfirmed>(await RunAsync(CreateSut().Connector, delivery));

        Assert.Contains(shown, unconfirmed.Reason, StringComparison.Ordinal);
        Assert.Contains("Channels:portal:Reply does not describe", unconfirmed.Reason, StringComparison.Ordinal);
        Assert.Equal("200", unconfirmed.Code);
        Assert.Single(await ArticlesAsync());
        Assert.Equal(1, (await StatsAsync()).Requests);
    }

    [Fact]
    public async Task Publish_DefaultReplyRuleOnTheDefaultSite_SucceedsWithoutAnId()
    {
        var settings = JcmsSut.SettingsFor(Sandbox.ChannelAddress(JcmsSut.Channel));

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(CreateSut(settings).Connector, NewItem()));

        Assert.Equal("", succeeded.RemoteId);
        Assert.Contains("Channels:portal:Reply:Id", succeeded.Note, StringComparison.Ordinal);
        Assert.Single(await ArticlesAsync());
    }

    [Fact]
    public async Task Publish_CheckpointFromEarlierRevision_UpdatesTheArticleToThisRevision()
    {
        await FullSiteAsync();
        var connector = CreateFullSut().Connector;
        var first = NewItem();
        var delivery = new InMemoryDelivery(first, JcmsSut.Channel);
        Assert.IsType<ChannelOutcome.Succeeded>(await RunAsync(connector, delivery));
        var second = NewItem(id: first.Id, revision: 2, title: "第二版标题");

        var outcome = await RunAsync(connector, new InMemoryDelivery(second, JcmsSut.Channel, checkpoint: delivery.Checkpoint));

        Assert.IsType<ChannelOutcome.Succeeded>(outcome);
        Assert.Equal("第二版标题", Assert.Single(await ArticlesAsync()).Title);
    }

    [Fact]
    public async Task Publish_CheckpointFromEarlierRevisionWithoutUpdate_HandedOffNothingSent()
    {
        var connector = CreateSut().Connector;
        var first = NewItem();
        var delivery = new InMemoryDelivery(first, JcmsSut.Channel);
        Assert.IsType<ChannelOutcome.Succeeded>(await RunAsync(connector, delivery));
        var second = NewItem(id: first.Id, revision: 2, title: "第二版标题");

        var outcome = await RunAsync(connector, new InMemoryDelivery(second, JcmsSut.Channel, checkpoint: delivery.Checkpoint));

        var handedOff = Assert.IsType<ChannelOutcome.HandedOff>(outcome);
        Assert.Contains("«第二版标题»", handedOff.Instructions, StringComparison.Ordinal);
        Assert.Equal(1, (await StatsAsync()).Requests);
    }

    [Fact]
    public async Task Publish_LeaseLost_ThrowsAndSendsNothing()
    {
        var delivery = new InMemoryDelivery(NewItem(), JcmsSut.Channel) { FailSavesWith = new LeaseLostException() };

        await Assert.ThrowsAsync<LeaseLostException>(() => RunAsync(CreateSut().Connector, delivery));

        Assert.Empty(await ArticlesAsync());
    }

    [Fact]
    public async Task Publish_NothingListening_TransientUnreachable()
    {
        var connector = CreateSut(JcmsSut.SettingsFor(new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/portal/"))).Connector;

        var transient = Assert.IsType<ChannelOutcome.Transient>(await PublishAsync(connector, NewItem()));

        Assert.StartsWith("portal unreachable", transient.Reason, StringComparison.Ordinal);
        Assert.Null(transient.Code);
    }

    [Fact]
    public async Task Publish_PageUnderAnotherDate_NotFound()
    {
        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(CreateSut().Connector, NewItem()));
        var otherYear = new Uri(succeeded.Url!.AbsoluteUri.Replace("/art/20", "/art/19", StringComparison.Ordinal));

        using var client = Sandbox.CreateClient();
        using var response = await client.GetAsync(otherYear, Timeout);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string SandboxArticleHash(string body) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body)));
}
