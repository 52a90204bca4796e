using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;
using Syndicator.Core.Tracking;
using Syndicator.Testing.Conformance;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Channels.WeChat.Tests;

/// <summary>
/// Platform-truth W1: the daily call budgets per API, kept in the shared channel state, against the emulator with a new
/// account's limits (submit, get, getarticle, batchget 100; delete 10). The fixture's clock starts at 18:00 Beijing time,
/// so the quota day ends six hours later.
/// </summary>
public sealed class WeChatQuotaTests : WeChatFixture
{
    private static readonly DateTimeOffset NextQuotaDay = new(2026, 3, 3, 0, 0, 0, TimeSpan.FromHours(8));

    protected override TimeSpan TestTimeout => TimeSpan.FromMinutes(5);

    /// <summary>
    /// The day the issue describes: 100 items (the day's freepublish/submit quota) go live and are confirmed, one of them
    /// after a lost submit answer (reconciliation's list read), each is read back by tracking (getarticle); the 101st item
    /// and 5 updates — each update is a new article, so a submit — wait for the next quota day and say so; then they go
    /// live and the 5 old articles are deleted. No call is ever answered 45009.
    /// </summary>
    [Fact]
    public async Task OneDay_HundredItemsThenTheQuotaDayEnds_NothingAnswered45009AndTheRestWaitsForTheNextDay()
    {
        var sut = CreateSut(PlatformPaced());
        var published = new List<(ItemRevision Item, Placement Placement)>();
        for (var i = 0; i < 100; i++)
        {
            if (i == 50)
            {
                await FaultAsync(SandboxFault.CommitThenDropConnection() with { Path = "/cgi-bin/freepublish/submit" });
            }

            var item = NewItem();
            var delivery = Delivery(item);
            var outcome = await RunPacedAsync(delivery, sut.Connector);
            published.Add((item, delivery.PlacementOf(Assert.IsType<ChannelOutcome.Succeeded>(outcome))));
        }

        var verifier = (IChannelVerifier)sut.Connector;
        foreach (var (item, placement) in published)
        {
            Assert.Equal(LiveStatus.Verified, (await verifier.VerifyAsync(placement, item, Timeout))!.Status);
        }

        var unread = await verifier.VerifyAsync(published[0].Placement, published[0].Item, Timeout);
        var updates = published.Take(5)
            .Select(p => new InMemoryDelivery(NewItem(p.Item.Id, 2, p.Item.Title, "<p>第二版</p>"), WeChatSut.Channel, DeliveryOperation.Update, p.Placement))
            .ToList();
        var extra = Delivery(NewItem());
        var waiting = new List<ChannelOutcome>();
        foreach (var delivery in updates.Append(extra))
        {
            waiting.Add(await TryAsync(delivery, sut.Connector));
        }

        var health = await sut.Connector.CheckHealthAsync(Timeout);

        Assert.Null(unread); // getarticle's budget is spent: tracking skips instead of drawing 45009
        Assert.All(waiting, w =>
        {
            var quota = Assert.IsType<ChannelOutcome.QuotaExhausted>(w);
            Assert.Equal(NextQuotaDay, quota.Until);
            Assert.Contains("freepublish/submit", quota.Reason, StringComparison.Ordinal);
            Assert.Contains("100 of 100", quota.Reason, StringComparison.Ordinal);
            Assert.Contains("2026-03-03 00:00 Beijing time", quota.Reason, StringComparison.Ordinal);
        });
        Assert.Equal(ChannelHealthStatus.Degraded, health.Status);
        Assert.Contains("freepublish/submit 100/100", health.Detail, StringComparison.Ordinal);
        Assert.Contains("freepublish/getarticle 100/100", health.Detail, StringComparison.Ordinal);
        Assert.Contains("freepublish/get 99/100", health.Detail, StringComparison.Ordinal);
        Assert.Contains("freepublish/batchget 1/100", health.Detail, StringComparison.Ordinal);
        Assert.Contains("freepublish/delete 0/10", health.Detail, StringComparison.Ordinal);
        Assert.Equal(0, health.Quota!["freepublish/submit"]);
        Assert.Equal(0, health.Quota[WeChatHealthCheck.SubmitPath]); // the platform's own count agrees
        Assert.Equal(10, health.Quota["freepublish/delete"]);

        Time.Advance(NextQuotaDay - Time.GetUtcNow());
        foreach (var delivery in updates.Append(extra))
        {
            Assert.IsType<ChannelOutcome.Succeeded>(await RunPacedAsync(delivery, sut.Connector));
        }

        var articles = await ArticlesAsync();
        Assert.Equal(106, articles.Count);
        Assert.Equal(5, articles.Count(a => a.Deleted));
        Assert.DoesNotContain("45009", (await StatsAsync()).Errors.Keys);
    }

    [Fact]
    public async Task Publish_SlowJob_PollsBackOffOneTwoFiveMinutes()
    {
        await WeChatSut.SetEmulatorAsync(Sandbox, new { publishDelaySeconds = 240 }, Timeout);
        var sut = CreateSut(PlatformPaced());
        var delivery = Delivery(NewItem());

        var waits = new List<TimeSpan>();
        var outcome = await TryAsync(delivery, sut.Connector);
        while (outcome is ChannelOutcome.Pending pending)
        {
            waits.Add(pending.CheckAgainAfter);
            Time.Advance(pending.CheckAgainAfter);
            outcome = await TryAsync(delivery, sut.Connector);
        }

        Assert.IsType<ChannelOutcome.Succeeded>(outcome);
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5)], waits);
        Assert.EndsWith("|3", sut.State.ValueOf(WeChatSut.Channel, "quota:freepublish/get"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poll_GetBudgetSpent_WaitsForTheNextQuotaDayWithoutCalling()
    {
        await WeChatSut.SetEmulatorAsync(Sandbox, new { publishDelaySeconds = 240 }, Timeout);
        var settings = PlatformPaced();
        settings["DailyLimits:Get"] = "1";
        var sut = CreateSut(settings);
        var delivery = Delivery(NewItem());

        var submitted = Assert.IsType<ChannelOutcome.Pending>(await TryAsync(delivery, sut.Connector));
        Time.Advance(submitted.CheckAgainAfter);
        var polled = Assert.IsType<ChannelOutcome.Pending>(await TryAsync(delivery, sut.Connector));
        Time.Advance(polled.CheckAgainAfter);
        var spent = Assert.IsType<ChannelOutcome.QuotaExhausted>(await TryAsync(delivery, sut.Connector));
        var requests = (await StatsAsync()).Requests;
        Time.Advance(spent.Until - Time.GetUtcNow());
        var nextDay = await TryAsync(delivery, sut.Connector);

        Assert.Equal(NextQuotaDay, spent.Until);
        Assert.Contains("freepublish/get", spent.Reason, StringComparison.Ordinal);
        Assert.Contains("DailyLimits:Get", spent.Reason, StringComparison.Ordinal);
        Assert.IsType<ChannelOutcome.Succeeded>(nextDay);
        Assert.True(requests > 0);
        Assert.DoesNotContain("45009", (await StatsAsync()).Errors.Keys);
    }

    [Fact]
    public async Task Budget_TwoNodesShareTheStore_OneCount()
    {
        var settings = PlatformPaced();
        settings["DailyLimits:Submit"] = "2";
        var node1 = CreateSut(settings);
        var node2 = CreateSut(settings, node1.State);

        Assert.IsType<ChannelOutcome.Succeeded>(await RunPacedAsync(Delivery(NewItem()), node1.Connector));
        Assert.IsType<ChannelOutcome.Succeeded>(await RunPacedAsync(Delivery(NewItem()), node2.Connector));
        var third = await TryAsync(Delivery(NewItem()), node1.Connector);

        Assert.IsType<ChannelOutcome.QuotaExhausted>(third);
        Assert.Equal(2, (await ArticlesAsync()).Count);
    }

    [Fact]
    public async Task Withdraw_DeleteBudgetSpent_WaitsInsteadOfCalling()
    {
        var settings = PlatformPaced();
        settings["DailyLimits:Delete"] = "1";
        var sut = CreateSut(settings);
        var placements = new List<Placement>();
        var items = new List<ItemRevision>();
        for (var i = 0; i < 2; i++)
        {
            var item = NewItem();
            var delivery = Delivery(item);
            placements.Add(delivery.PlacementOf(Assert.IsType<ChannelOutcome.Succeeded>(await RunPacedAsync(delivery, sut.Connector))));
            items.Add(item);
        }

        var first = await TryAsync(new InMemoryDelivery(items[0], WeChatSut.Channel, DeliveryOperation.Withdraw, placements[0]), sut.Connector);
        var second = await TryAsync(new InMemoryDelivery(items[1], WeChatSut.Channel, DeliveryOperation.Withdraw, placements[1]), sut.Connector);

        Assert.IsType<ChannelOutcome.Succeeded>(first);
        Assert.Contains("freepublish/delete", Assert.IsType<ChannelOutcome.QuotaExhausted>(second).Reason, StringComparison.Ordinal);
        Assert.Equal(1, (await ArticlesAsync()).Count(a => a.Deleted));
    }

    [Fact]
    public async Task Poll_PlatformAnswered45009_BudgetSpentForTheDaySoNoSecond45009()
    {
        await WeChatSut.SetEmulatorAsync(Sandbox, new { publishDelaySeconds = 240 }, Timeout);
        var sut = CreateSut(PlatformPaced());
        var delivery = Delivery(NewItem());
        var submitted = Assert.IsType<ChannelOutcome.Pending>(await TryAsync(delivery, sut.Connector));
        await FaultAsync(SandboxFault.WechatError(45009) with { Path = "/cgi-bin/freepublish/get" });
        Time.Advance(submitted.CheckAgainAfter);

        var refused = Assert.IsType<ChannelOutcome.QuotaExhausted>(await TryAsync(delivery, sut.Connector));
        var again = Assert.IsType<ChannelOutcome.QuotaExhausted>(await TryAsync(delivery, sut.Connector));

        Assert.Equal("45009", refused.Code);
        Assert.Equal("budget freepublish/get", again.Code);
        Assert.Equal(NextQuotaDay, again.Until);
    }

    /// <summary>The sandbox's settings with the connector's own poll schedule (1, 2, 5, 10 minutes) and budgets.</summary>
    private Dictionary<string, string?> PlatformPaced()
    {
        var settings = WeChatSut.SandboxSettings(Sandbox);
        settings.Remove("PublishPollSchedule:0");
        return settings;
    }

    /// <summary>Tries until the outcome is not Pending or Transient, waiting as the outcome asks.</summary>
    private async Task<ChannelOutcome> RunPacedAsync(InMemoryDelivery delivery, IChannelConnector connector)
    {
        var outcome = await TryAsync(delivery, connector);
        for (var i = 0; i < 10 && outcome is ChannelOutcome.Pending or ChannelOutcome.Transient; i++)
        {
            Time.Advance(outcome is ChannelOutcome.Pending p ? p.CheckAgainAfter : TimeSpan.FromMinutes(1));
            outcome = await TryAsync(delivery, connector);
        }

        return outcome;
    }
}
