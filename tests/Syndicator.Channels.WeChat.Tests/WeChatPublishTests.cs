using Syndicator.Core.Channels;
using Syndicator.Testing.Sandbox;
using Syndicator.Testing;

namespace Syndicator.Channels.WeChat.Tests;

public sealed class WeChatPublishTests : WeChatFixture
{
    [Fact]
    public async Task Publish_BodyImages_UploadedAndSrcRewrittenToEmulatorHost()
    {
        var item = NewItem(bodyHtml: "<p>图一</p><p><img src=\"fig1.png\"></p>", images: [Some.Image("fig1.png")]);
        var delivery = Delivery(item);

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await RunToEndAsync(delivery));

        var imageHost = new Uri(Sandbox.ChannelAddress(WeChatSut.Channel), "mmbiz/").AbsoluteUri;
        var uploaded = delivery.Checkpoint["img:fig1.png"];
        Assert.NotNull(uploaded);
        Assert.StartsWith(imageHost, uploaded, StringComparison.Ordinal);
        using var client = Sandbox.CreateClient();
        var page = await client.GetStringAsync(succeeded.Url, Timeout);
        Assert.Contains($"src=\"{uploaded}\"", page, StringComparison.Ordinal);
        Assert.Single(await ArticlesAsync());
    }

    [Fact]
    public async Task Publish_RetriedWhileJobRuns_OneDraftAndOnePublishJob()
    {
        var delivery = Delivery(NewItem());

        var first = await TryAsync(delivery);
        var second = await TryAsync(delivery);
        Time.Advance(TimeSpan.FromSeconds(3));
        var third = await TryAsync(delivery);
        var fourth = await TryAsync(delivery);

        Assert.IsType<ChannelOutcome.Pending>(first);
        Assert.IsType<ChannelOutcome.Pending>(second);
        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(third);
        Assert.Equal(succeeded, fourth);
        Assert.Single(delivery.Saved.Select(c => c["draftMediaId"]).OfType<string>().Distinct());
        Assert.Single(delivery.Saved.Select(c => c["publishId"]).OfType<string>().Distinct());
        Assert.Equal(succeeded.RemoteId, Assert.Single(await ArticlesAsync()).RemoteId);
        Assert.Equal(1, (await StatsAsync()).Creates);
    }

    [Fact]
    public async Task Publish_SubmitCommittedButAnswerLost_WaitsForJobThenAdoptsItsArticle()
    {
        var delivery = Delivery(NewItem());
        await FaultAsync(SandboxFault.CommitThenDropConnection() with { Path = "/cgi-bin/freepublish/submit" });

        var lost = await TryAsync(delivery);
        var whileRunning = await TryAsync(delivery);
        Time.Advance(TimeSpan.FromSeconds(3));
        var reconciled = await TryAsync(delivery);

        Assert.IsType<ChannelOutcome.Transient>(lost);
        Assert.IsType<ChannelOutcome.Pending>(whileRunning);
        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(reconciled);
        Assert.Equal(succeeded.RemoteId, Assert.Single(await ArticlesAsync()).RemoteId);
        Assert.Equal(1, (await StatsAsync()).Creates);
    }

    [Fact]
    public async Task Publish_SubmitAnswered503_DraftStillThere_SubmitsAgainOnlyAfterTheWindow()
    {
        var delivery = Delivery(NewItem());
        await FaultAsync(SandboxFault.Fail(503) with { Path = "/cgi-bin/freepublish/submit" });

        var failed = await TryAsync(delivery);
        var waiting = await TryAsync(delivery);
        Time.Advance(new WeChatChannelOptions().SubmitSettleWindow + TimeSpan.FromSeconds(1));
        var outcome = await RunToEndAsync(delivery);

        Assert.Equal("503", Assert.IsType<ChannelOutcome.Transient>(failed).Code);
        Assert.IsType<ChannelOutcome.Pending>(waiting);
        Assert.IsType<ChannelOutcome.Succeeded>(outcome);
        Assert.Single(await ArticlesAsync());
    }

    [Fact]
    public async Task Publish_Injected40001_OneRefreshAndStillSucceeds()
    {
        await FaultAsync(SandboxFault.WechatError(40001) with { Path = "/cgi-bin/draft/add" });

        var outcome = await RunToEndAsync(Delivery(NewItem()));

        Assert.IsType<ChannelOutcome.Succeeded>(outcome);
        Assert.Equal(2, Sut.State.WritesOf(WeChatTokens.StateKey)); // the first fetch, then exactly one refresh
        Assert.Single(await ArticlesAsync());
    }

    [Fact]
    public async Task Publish_TwoNodesShareTheStore_OneTokenFetched()
    {
        var node2 = CreateSut(state: Sut.State);

        var one = await RunToEndAsync(Delivery(NewItem()));
        var two = await RunToEndAsync(Delivery(NewItem()), node2.Connector);

        Assert.IsType<ChannelOutcome.Succeeded>(one);
        Assert.IsType<ChannelOutcome.Succeeded>(two);
        Assert.Equal(1, Sut.State.WritesOf(WeChatTokens.StateKey));
        Assert.DoesNotContain("40001", (await StatsAsync()).Errors.Keys);
    }

    [Fact]
    public async Task Publish_TokenNearExpiry_RefreshedBeforeUse()
    {
        Assert.IsType<ChannelOutcome.Succeeded>(await RunToEndAsync(Delivery(NewItem())));
        var before = await Sut.State.GetAsync(WeChatSut.Channel, WeChatTokens.StateKey, Timeout);
        Time.Advance(before!.ExpiresAt!.Value - Time.GetUtcNow() - TimeSpan.FromMinutes(4));

        var outcome = await RunToEndAsync(Delivery(NewItem()));

        Assert.IsType<ChannelOutcome.Succeeded>(outcome);
        var after = await Sut.State.GetAsync(WeChatSut.Channel, WeChatTokens.StateKey, Timeout);
        Assert.True(after!.ExpiresAt > before.ExpiresAt);
    }

    [Fact]
    public async Task Publish_Status4_RejectedWithChineseReasonAndNoArticle()
    {
        await WeChatSut.SetEmulatorAsync(Sandbox, new { nextPublishStatus = 4 }, Timeout);

        var outcome = await RunToEndAsync(Delivery(NewItem()));

        var rejected = Assert.IsType<ChannelOutcome.Rejected>(outcome);
        Assert.Contains("平台审核不通过", rejected.Reason, StringComparison.Ordinal);
        Assert.Empty(await ArticlesAsync());
    }

    [Fact]
    public async Task Publish_NoCoverAndNoDefault_RejectedNamingTheSetting()
    {
        var settings = WeChatSut.SandboxSettings(Sandbox);
        settings.Remove("DefaultCoverBase64");

        var outcome = await RunToEndAsync(Delivery(NewItem()), CreateSut(settings).Connector);

        Assert.Contains("Channels:wechat:DefaultCoverBase64", Assert.IsType<ChannelOutcome.Rejected>(outcome).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_MainHostRefusesConnections_FallbackHostUsed()
    {
        var closed = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/wechat/");
        var settings = WeChatSut.SettingsFor(closed, Sandbox.ChannelAddress(WeChatSut.Channel));

        var outcome = await RunToEndAsync(Delivery(NewItem()), CreateSut(settings).Connector);

        Assert.IsType<ChannelOutcome.Succeeded>(outcome);
        Assert.Single(await ArticlesAsync());
    }
}
