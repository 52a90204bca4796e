using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;
using Syndicator.Sandbox;
using Syndicator.Testing;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Channels.TrsWcm.Tests;

public sealed class TrsWcmPublishTests : TrsWcmSandboxTests
{
    [Fact]
    public async Task Publish_DisclosureMetadata_ArrivesIntactInTheMetadataView()
    {
        var item = NewItem() with
        {
            IndexNumber = "002482285/2026-00042",
            DocumentNumber = "桐审〔2026〕3号",
            Publisher = "桐乡市行政审批服务中心",
            WrittenOn = new DateOnly(2026, 2, 27),
            Disclosure = new DisclosureMetadata
            {
                Topic = @"综合政务\政务公开", Genre = "通知", Validity = "有效", Mode = "依申请公开", Scope = "面向全社会",
                Keywords = ["审批", "汛期"],
            },
        };

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(CreateSut(settings: MetaView).Connector, item));

        var article = Assert.Single(await ArticlesAsync());
        var view = article.Metadata["metaView"]!.AsObject();
        Assert.Equal("002482285/2026-00042", view["IDXID"]!.GetValue<string>());
        Assert.Equal("桐乡市行政审批服务中心", view["PUBLISHER"]!.GetValue<string>());
        Assert.Equal("2026-02-27", view["WRITTENDATE"]!.GetValue<string>());
        Assert.Equal("桐审〔2026〕3号", view["FILENUM"]!.GetValue<string>());
        Assert.Equal(@"综合政务\政务公开", view["SUBJECTCAT"]!.GetValue<string>());
        Assert.Equal("通知", view["GENRE"]!.GetValue<string>());
        Assert.Equal("有效", view["VALIDITY"]!.GetValue<string>());
        Assert.Equal("依申请公开", view["OPENMODE"]!.GetValue<string>());
        Assert.Equal("面向全社会", view["OPENSCOPE"]!.GetValue<string>());
        Assert.Equal("审批,汛期", view["KEYWORDS"]!.GetValue<string>());
        Assert.Equal(item.Id, article.SourceId);
        Assert.Contains(item.BodyHtml, article.Metadata["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("002482285/2026-00042", await PageAsync(succeeded.Url!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_ContextNamesAColumn_CreatesInThatChannel()
    {
        var delivery = Delivery(NewItem());
        delivery.Column = SandboxCredentials.ApprovalNoticeChannelId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await RunAsync(CreateSut().Connector, delivery));

        var article = Assert.Single(await ArticlesAsync());
        Assert.Equal(SandboxCredentials.ApprovalNoticeChannelId, article.Metadata["channelId"]!.GetValue<int>());
        Assert.Contains("/site/102/", succeeded.Url!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_ColumnNotAnId_RejectedNamingTheCatalogueKey()
    {
        var delivery = Delivery(NewItem());
        delivery.Column = "通知公告";

        var rejected = Assert.IsType<ChannelOutcome.Rejected>(await RunAsync(CreateSut().Connector, delivery));

        Assert.Contains("ChannelColumns:approval", rejected.Reason, StringComparison.Ordinal);
        Assert.Empty(await ArticlesAsync());
    }

    [Fact]
    public async Task Publish_WithAttachments_UploadedAndLinkedFromThePage()
    {
        var attachment = Some.Attachment("通知.pdf");
        var item = NewItem() with { Attachments = [attachment] };

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(CreateSut().Connector, item));

        var appendix = Assert.Single(Assert.Single(await ArticlesAsync()).Metadata["appendixes"]!.AsArray())!;
        Assert.Equal("通知.pdf", appendix["appDesc"]!.GetValue<string>());
        var file = appendix["appFile"]!.GetValue<string>();
        Assert.EndsWith(".pdf", file, StringComparison.Ordinal);
        Assert.Contains(file, await PageAsync(succeeded.Url!), StringComparison.Ordinal);
        using var client = Sandbox.CreateClient();
        Assert.Equal(attachment.Content, await client.GetByteArrayAsync(new Uri(succeeded.Url!, $"../../files/{file}"), Timeout));
    }

    [Fact]
    public async Task Publish_AttachmentNamedAsAScript_StoredUnderTheExtensionOfItsVerifiedTypeWithTheNameAsDescription()
    {
        var attachment = new Syndicator.Core.Items.MediaFile("shell.jsp", "text/plain", "plain words"u8.ToArray());
        var item = NewItem() with { Attachments = [attachment] };

        Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(CreateSut().Connector, item));

        var appendix = Assert.Single(Assert.Single(await ArticlesAsync()).Metadata["appendixes"]!.AsArray())!;
        Assert.Equal("shell.jsp", appendix["appDesc"]!.GetValue<string>());
        Assert.EndsWith(".txt", appendix["appFile"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_SaveCommittedThenConnectionReset_ExactlyOneDocumentAfterRetry()
    {
        var connector = CreateSut().Connector;
        var delivery = Delivery(NewItem());
        await AddFaultAsync(SandboxFault.CommitThenDropConnection() with { Path = "/wcm/center.do" });

        var lost = await RunAsync(connector, delivery);
        var retried = await RunAsync(connector, delivery);

        Assert.IsType<ChannelOutcome.Transient>(lost);
        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(retried);
        var article = Assert.Single(await ArticlesAsync());
        Assert.Equal(succeeded.RemoteId, article.RemoteId);
        Assert.Equal(10, article.Metadata["docStatus"]!.GetValue<int>());
        Assert.Equal(1, (await Sandbox.Control.GetStatsAsync(TrsWcmSut.Channel, Timeout)).Creates);
    }

    [Fact]
    public async Task Update_LiveDocument_KeepsIdAndReplacesFields()
    {
        var connector = CreateSut(settings: MetaView).Connector;
        var first = NewItem();
        var published = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(connector, first));
        var second = NewItem(first.Id, 2, "关于调整审批事项的通知（修订）", "<p>第二版</p>") with { IndexNumber = "002482285/2026-00043" };

        var updated = await RunAsync(connector, Delivery(second, DeliveryOperation.Update, Live(first, published.RemoteId)));

        Assert.Equal(published.RemoteId, Assert.IsType<ChannelOutcome.Succeeded>(updated).RemoteId);
        var article = Assert.Single(await ArticlesAsync());
        Assert.Equal("关于调整审批事项的通知（修订）", article.Title);
        Assert.Equal("002482285/2026-00043", article.Metadata["metaView"]!["IDXID"]!.GetValue<string>());
        Assert.Equal(1, (await Sandbox.Control.GetStatsAsync(TrsWcmSut.Channel, Timeout)).Updates);
    }

    [Fact]
    public async Task Withdraw_LiveDocument_DeletedAndPageGone()
    {
        var connector = CreateSut().Connector;
        var item = NewItem();
        var published = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(connector, item));

        var withdrawn = await RunAsync(connector, Delivery(item, DeliveryOperation.Withdraw, Live(item, published.RemoteId)));
        var again = await RunAsync(connector, Delivery(item, DeliveryOperation.Withdraw, Live(item, published.RemoteId)));

        Assert.IsType<ChannelOutcome.Succeeded>(withdrawn);
        Assert.IsType<ChannelOutcome.Succeeded>(again);
        Assert.True(Assert.Single(await ArticlesAsync()).Deleted);
        using var client = Sandbox.CreateClient();
        using var page = await client.GetAsync(published.Url, Timeout);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(1, (await Sandbox.Control.GetStatsAsync(TrsWcmSut.Channel, Timeout)).Deletes);
    }

    [Fact]
    public async Task Publish_TitleTooLong_RejectedWithTheFieldNamed()
    {
        var outcome = await PublishAsync(CreateSut().Connector, NewItem(title: new string('长', 201)));

        var rejected = Assert.IsType<ChannelOutcome.Rejected>(outcome);
        Assert.Equal("10", rejected.Code);
        Assert.Contains("DOCTITLE", rejected.Reason, StringComparison.Ordinal);
        Assert.Empty(await ArticlesAsync());
    }

    private static Dictionary<string, string?> MetaView => new() { ["Mode"] = "metaview" };
}
