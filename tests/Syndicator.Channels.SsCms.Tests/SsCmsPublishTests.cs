using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Testing.Conformance;
using Syndicator.Testing.Sandbox;
using Syndicator.Testing;

namespace Syndicator.Channels.SsCms.Tests;

public sealed class SsCmsPublishTests : SsCmsSandboxTests
{
    [Fact]
    public async Task Publish_BodyNamesAnImage_PageCarriesItAsDataUri()
    {
        var image = Some.Image("fig1.png");
        var item = NewItem(bodyHtml: "<p>见下图<img src=\"fig1.png\" alt=\"图一\"><img src=\"https://example.org/other.png\"></p>") with { Images = [image] };

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(CreateSut().Connector, item));

        var page = await PageAsync(succeeded.Url!);
        Assert.Contains($"src=\"{image.ToDataUri()}\"", page, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", page, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"fig1.png\"", page, StringComparison.Ordinal);
        Assert.Contains("src=\"https://example.org/other.png\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_WithAttachments_PageLinksEachForDownloadUnderAGeneratedNameWithTheOriginalAsText()
    {
        var attachment = Some.Attachment("通知.pdf");
        var item = NewItem() with { Attachments = [attachment] };

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(CreateSut().Connector, item));

        var page = await PageAsync(succeeded.Url!);
        Assert.Contains($"href=\"{attachment.ToDataUri()}\"", page, StringComparison.Ordinal);
        Assert.Contains("download=\"att-1.pdf\">通知.pdf</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_AnyItem_BodyCarriesItsMarkerAndFields()
    {
        var item = NewItem() with { Cover = Some.Image("cover.png") };

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(CreateSut().Connector, item));

        Assert.Contains($"<!-- syndicator:item={item.Id} -->", await PageAsync(succeeded.Url!), StringComparison.Ordinal);
        var article = Assert.Single(await ArticlesAsync());
        Assert.Equal("", article.Metadata["imageUrl"]!.GetValue<string>());
        Assert.Equal(item.Summary, article.Metadata["summary"]!.GetValue<string>());
        Assert.Equal(item.Publisher, article.Metadata["source"]!.GetValue<string>());
        Assert.True(article.Metadata["checked"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Publish_CategoryWithOwnColumn_CreatesInThatColumn()
    {
        var catalogue = new CatalogueOptions
        {
            Categories = [new CategoryOptions { Name = "政策文件", ChannelColumns = { [SsCmsSut.Channel] = "3" } }],
        };

        var outcome = await PublishAsync(CreateSut(catalogue: catalogue).Connector, NewItem(category: "政策文件"));

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(outcome);
        Assert.Equal(3, Assert.Single(await ArticlesAsync()).Metadata["channelId"]!.GetValue<int>());
        Assert.EndsWith($"/contents/3/{succeeded.RemoteId}.html", succeeded.Url!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_ColumnUnknownToSsCms_RejectedNamingTheSettings()
    {
        var settings = SsCmsSut.SandboxSettings(Sandbox);
        settings["ChannelId"] = "9";

        var outcome = await PublishAsync(CreateSut(settings).Connector, NewItem());

        var rejected = Assert.IsType<ChannelOutcome.Rejected>(outcome);
        Assert.Equal("400", rejected.Code);
        Assert.Contains("Channels:bureau:ChannelId", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_CheckedFalse_StoredForReviewWithoutUrl()
    {
        var settings = SsCmsSut.SandboxSettings(Sandbox);
        settings["Checked"] = "false";

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(CreateSut(settings).Connector, NewItem()));

        Assert.Null(succeeded.Url);
        Assert.False(Assert.Single(await ArticlesAsync()).Metadata["checked"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Publish_NewItem_SavesCreateSentBeforeCreatedWithRemoteId()
    {
        var delivery = new InMemoryDelivery(NewItem(), SsCmsSut.Channel);

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await RunAsync(CreateSut().Connector, delivery));

        Assert.Equal(["create-sent", "created", "created"], delivery.Saved.Select(c => c["step"]));
        Assert.Null(delivery.Saved[0]["remoteId"]);
        Assert.Equal(succeeded.Url!.AbsoluteUri, delivery.Checkpoint["url"]);
        Assert.Equal(succeeded.RemoteId, delivery.Checkpoint["remoteId"]);
        Assert.Equal("200", succeeded.Code);
    }

    [Fact]
    public async Task Publish_CheckpointHoldsRemoteIdAndUrl_SucceedsWithoutCallingSsCms()
    {
        var checkpoint = Checkpoint.Empty.With("step", "created").With("remoteId", "41").With("url", "http://cms.example.org/contents/2/41.html");
        var delivery = new InMemoryDelivery(NewItem(), SsCmsSut.Channel, checkpoint: checkpoint);

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await RunAsync(CreateSut().Connector, delivery));

        Assert.Equal("41", succeeded.RemoteId);
        Assert.Equal("http://cms.example.org/contents/2/41.html", succeeded.Url!.AbsoluteUri);
        Assert.Equal(0, (await Sandbox.Control.GetStatsAsync(SsCmsSut.Channel, Timeout)).Requests);
    }

    [Fact]
    public async Task Publish_ConnectionDroppedBeforeCreateRan_ReconcilesThenCreatesOnce()
    {
        var connector = CreateSut().Connector;
        var delivery = new InMemoryDelivery(NewItem(), SsCmsSut.Channel);
        await AddFaultAsync(SandboxFault.DropConnection() with { Path = "/api/v1/contents/1/2" });

        var lost = Assert.IsType<ChannelOutcome.Transient>(await RunAsync(connector, delivery));
        var retried = Assert.IsType<ChannelOutcome.Succeeded>(await RunAsync(connector, delivery));

        Assert.StartsWith("outcome unknown, will reconcile", lost.Reason, StringComparison.Ordinal);
        Assert.Equal(retried.RemoteId, Assert.Single(await ArticlesAsync()).RemoteId);
    }

    [Fact]
    public async Task Publish_SameTitleAsAnotherItem_ReconcilesToItsOwnContent()
    {
        var connector = CreateSut().Connector;
        var other = NewItem();
        var theirs = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(connector, other));
        var delivery = new InMemoryDelivery(NewItem(title: other.Title), SsCmsSut.Channel);
        await AddFaultAsync(SandboxFault.CommitThenDropConnection() with { Path = "/api/v1/contents/1/2" });

        Assert.IsType<ChannelOutcome.Transient>(await RunAsync(connector, delivery));
        var ours = Assert.IsType<ChannelOutcome.Succeeded>(await RunAsync(connector, delivery));

        Assert.NotEqual(theirs.RemoteId, ours.RemoteId);
        Assert.Equal(2, (await ArticlesAsync()).Count);
    }

    [Fact]
    public async Task Publish_ReconcileListFails_TransientWithoutCreatingAgain()
    {
        var connector = CreateSut().Connector;
        var delivery = new InMemoryDelivery(NewItem(), SsCmsSut.Channel);
        await AddFaultAsync(SandboxFault.CommitThenDropConnection() with { Path = "/api/v1/contents/1/2" });
        Assert.IsType<ChannelOutcome.Transient>(await RunAsync(connector, delivery));
        await AddFaultAsync(SandboxFault.Fail(503) with { Path = "/api/v1/contents" });

        var outcome = await RunAsync(connector, delivery);

        var transient = Assert.IsType<ChannelOutcome.Transient>(outcome);
        Assert.StartsWith("could not reconcile an earlier create", transient.Reason, StringComparison.Ordinal);
        Assert.Equal("503", transient.Code);
        Assert.Equal("create-sent", delivery.Checkpoint["step"]);
        Assert.Equal(1, (await Sandbox.Control.GetStatsAsync(SsCmsSut.Channel, Timeout)).Creates);
    }

    [Fact]
    public async Task Publish_LeaseLost_ThrowsAndSendsNothing()
    {
        var delivery = new InMemoryDelivery(NewItem(), SsCmsSut.Channel) { FailSavesWith = new LeaseLostException() };

        await Assert.ThrowsAsync<LeaseLostException>(() => RunAsync(CreateSut().Connector, delivery));

        Assert.Empty(await ArticlesAsync());
    }

    [Fact]
    public async Task Publish_NothingListening_TransientUnreachable()
    {
        var connector = CreateSut(SsCmsSut.SettingsFor(new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/bureau/"))).Connector;

        var outcome = await PublishAsync(connector, NewItem());

        var transient = Assert.IsType<ChannelOutcome.Transient>(outcome);
        Assert.StartsWith("SSCMS unreachable", transient.Reason, StringComparison.Ordinal);
        Assert.Null(transient.Code);
    }
}
