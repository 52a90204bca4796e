using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Testing;

namespace Syndicator.Channels.WeChat.Tests;

/// <summary>阅读原文 (<c>content_source_url</c>): off by default, else the item's page on another channel once it is live there.</summary>
public sealed class WeChatReadMoreTests : WeChatFixture
{
    private static readonly Uri BureauPage = new("http://127.0.0.1:5080/bureau/site/contents/2/41.html");

    [Fact]
    public async Task Publish_ReadMoreNotConfigured_ArticleHasNoSourceUrl()
    {
        var delivery = new Syndicator.Testing.Conformance.InMemoryDelivery(ItemOnBureauToo(), WeChatSut.Channel);
        delivery.OtherPlacements["bureau"] = Placement(delivery);

        Assert.IsType<ChannelOutcome.Succeeded>(await RunToEndAsync(delivery));

        Assert.Null(SourceUrl(Assert.Single(await ArticlesAsync())));
    }

    [Fact]
    public async Task Publish_OtherChannelLive_ArticleLinksToItsPage()
    {
        var connector = CreateSut(ReadMoreSettings()).Connector;
        var delivery = new Syndicator.Testing.Conformance.InMemoryDelivery(ItemOnBureauToo(), WeChatSut.Channel);
        delivery.OtherPlacements["bureau"] = Placement(delivery);

        Assert.IsType<ChannelOutcome.Succeeded>(await RunToEndAsync(delivery, connector));

        Assert.Equal(BureauPage.AbsoluteUri, SourceUrl(Assert.Single(await ArticlesAsync())));
    }

    [Fact]
    public async Task Publish_OtherChannelNotYetLive_WaitsWithoutDraftThenLinksOnceItIs()
    {
        var connector = CreateSut(ReadMoreSettings()).Connector;
        var delivery = new Syndicator.Testing.Conformance.InMemoryDelivery(ItemOnBureauToo(), WeChatSut.Channel);

        var waiting = Assert.IsType<ChannelOutcome.Pending>(await TryAsync(delivery, connector));
        var draftWhileWaiting = delivery.Checkpoint[WeChatPublish.DraftKey];
        delivery.OtherPlacements["bureau"] = Placement(delivery);
        Time.Advance(waiting.CheckAgainAfter);
        var outcome = await RunToEndAsync(delivery, connector);

        Assert.Contains("阅读原文", waiting.Detail, StringComparison.Ordinal);
        Assert.Null(draftWhileWaiting);
        Assert.IsType<ChannelOutcome.Succeeded>(outcome);
        Assert.Equal(BureauPage.AbsoluteUri, SourceUrl(Assert.Single(await ArticlesAsync())));
    }

    [Fact]
    public async Task Publish_OtherChannelNeverPublishes_GoesOutWithoutLinkAfterTheWait()
    {
        var connector = CreateSut(ReadMoreSettings()).Connector;
        var delivery = new Syndicator.Testing.Conformance.InMemoryDelivery(ItemOnBureauToo(), WeChatSut.Channel);

        Assert.IsType<ChannelOutcome.Pending>(await TryAsync(delivery, connector));
        Time.Advance(TimeSpan.FromMinutes(11));
        var outcome = await RunToEndAsync(delivery, connector);

        Assert.IsType<ChannelOutcome.Succeeded>(outcome);
        Assert.Null(SourceUrl(Assert.Single(await ArticlesAsync())));
    }

    [Fact]
    public async Task Publish_ItemNotRoutedToTheOtherChannel_PublishesAtOnceWithoutLink()
    {
        var connector = CreateSut(ReadMoreSettings()).Connector;

        var delivery = Delivery(NewItem());

        Assert.IsType<ChannelOutcome.Pending>(await TryAsync(delivery, connector)); // the publish job's own wait
        Assert.NotNull(delivery.Checkpoint[WeChatPublish.PublishIdKey]);
    }

    private Dictionary<string, string?> ReadMoreSettings()
    {
        var settings = WeChatSut.SandboxSettings(Sandbox);
        settings["ReadMoreFrom"] = "bureau";
        return settings;
    }

    private Syndicator.Core.Items.ItemRevision ItemOnBureauToo() =>
        Some.Item(channels: [WeChatSut.Channel, "bureau"], acceptedAt: Time.GetUtcNow());

    private Placement Placement(Syndicator.Testing.Conformance.InMemoryDelivery delivery) =>
        new(delivery.Item.Id, "bureau", delivery.Item.Revision, "41", BureauPage, Time.GetUtcNow());

    private static string? SourceUrl(Syndicator.Testing.Sandbox.SandboxArticle article) =>
        article.Metadata["content_source_url"]?.GetValue<string>();
}
