using Syndicator.Core.Channels;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Channels.WeChat.Tests;

/// <summary>
/// Platform-truth W7: after a submit whose answer was lost, the draft has left the draft box and the article appears in
/// freepublish/batchget (20 a page, newest first) only once its job finished. Reconciliation pages back to the submit
/// time and waits for a running job; it is unconfirmed only when the platform truly cannot tell.
/// </summary>
public sealed class WeChatReconcileTests : WeChatFixture
{
    [Fact]
    public async Task Reconcile_LostSubmitThenTwentyFiveNewerArticles_FoundBeyondTheFirstPage()
    {
        var lost = Delivery(NewItem());
        await FaultAsync(SandboxFault.CommitThenDropConnection() with { Path = "/cgi-bin/freepublish/submit" });
        Assert.IsType<ChannelOutcome.Transient>(await TryAsync(lost));
        for (var i = 0; i < 25; i++)
        {
            Assert.IsType<ChannelOutcome.Succeeded>(await RunToEndAsync(Delivery(NewItem())));
        }

        var reconciled = await TryAsync(lost);

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(reconciled);
        var articles = await ArticlesAsync();
        Assert.Equal(26, articles.Count);
        Assert.Equal(articles[0].RemoteId, succeeded.RemoteId); // the oldest: on batchget's second page
        Assert.EndsWith("|2", Sut.State.ValueOf(WeChatSut.Channel, "quota:freepublish/batchget"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_LostSubmitWhileTheJobRuns_PendingNotUnconfirmedThenConfirmed()
    {
        await WeChatSut.SetEmulatorAsync(Sandbox, new { publishDelaySeconds = 600 }, Timeout);
        var lost = Delivery(NewItem());
        await FaultAsync(SandboxFault.CommitThenDropConnection() with { Path = "/cgi-bin/freepublish/submit" });
        Assert.IsType<ChannelOutcome.Transient>(await TryAsync(lost));

        var running = await TryAsync(lost);
        Time.Advance(TimeSpan.FromMinutes(10));
        var finished = await TryAsync(lost);

        Assert.Contains("only once its job finished", Assert.IsType<ChannelOutcome.Pending>(running).Detail, StringComparison.Ordinal);
        Assert.Equal(Assert.Single(await ArticlesAsync()).RemoteId, Assert.IsType<ChannelOutcome.Succeeded>(finished).RemoteId);
    }

    [Fact]
    public async Task Reconcile_ArticleNeverListed_PendingUntilTheWaitThenUnconfirmed()
    {
        var settings = WeChatSut.SandboxSettings(Sandbox);
        settings["ReconcileWait"] = "00:30:00";
        var sut = CreateSut(settings);
        var lost = Delivery(NewItem());
        await FaultAsync(SandboxFault.CommitThenDropConnection() with { Path = "/cgi-bin/freepublish/submit" });
        Assert.IsType<ChannelOutcome.Transient>(await TryAsync(lost, sut.Connector));
        Time.Advance(TimeSpan.FromSeconds(3));
        await Sandbox.Control.DeleteArticleAsync(WeChatSut.Channel, Assert.Single(await ArticlesAsync()).RemoteId, Timeout);

        var early = await TryAsync(lost, sut.Connector);
        Time.Advance(TimeSpan.FromMinutes(30));
        var late = await TryAsync(lost, sut.Connector);

        Assert.IsType<ChannelOutcome.Pending>(early);
        Assert.Contains("发表记录", Assert.IsType<ChannelOutcome.Unconfirmed>(late).Reason, StringComparison.Ordinal);
    }
}
