using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Sandbox;
using Syndicator.Testing.Conformance;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Channels.WeChat.Tests;

public sealed class WeChatConformanceTests : ChannelConformanceTests
{
    private readonly List<WeChatSut> _suts = [];

    protected override string ChannelId => WeChatSut.Channel;

    protected override string CreatingCallPath => "/cgi-bin/freepublish/submit";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();

        // Publish jobs finish at once, so the suite's immediate Pending re-asks see them end.
        await WeChatSut.SetEmulatorAsync(Sandbox, new { publishDelaySeconds = 0 }, Timeout);
    }

    protected override IChannelConnector CreateConnector(SandboxServer sandbox, bool validCredentials)
    {
        var sut = WeChatSut.ForSandbox(sandbox, validCredentials ? SandboxCredentials.WeChatAppSecret : "0123456789abcdef0123456789abcdef");
        _suts.Add(sut);
        return sut.Connector;
    }

    /// <summary>WeChat cannot edit a published article: an update is a new article, and the old one is deleted (DeleteOld).</summary>
    [Fact]
    public override async Task Update_NextRevision_SameArticleWithNewContent()
    {
        var connector = CreateConnector(Sandbox, validCredentials: true);
        var first = NewItem();
        var published = await PublishAsync(connector, first);
        var second = NewItem(id: first.Id, revision: 2, title: first.Title, bodyHtml: "<p>第二版正文</p>");

        var outcome = await RunAsync(connector, new InMemoryDelivery(second, ChannelId, DeliveryOperation.Update, live: published));

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(outcome);
        var articles = await ArticlesAsync();
        Assert.Equal(2, articles.Count);
        Assert.True(Assert.Single(articles, a => a.RemoteId == published.RemoteId).Deleted);
        Assert.False(Assert.Single(articles, a => a.RemoteId == succeeded.RemoteId).Deleted);
        Assert.NotEqual(published.RemoteId, succeeded.RemoteId);
    }

    public override async Task DisposeAsync()
    {
        _suts.ForEach(s => s.Dispose());
        await base.DisposeAsync();
    }
}
