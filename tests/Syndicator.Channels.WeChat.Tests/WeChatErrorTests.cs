using Syndicator.Core.Channels;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Channels.WeChat.Tests;

public sealed class WeChatErrorTests : WeChatFixture
{
    [Fact]
    public async Task Publish_Injected45009_QuotaExhaustedUntilNextBeijingMidnightThenSucceeds()
    {
        var delivery = Delivery(NewItem());
        await FaultAsync(SandboxFault.WechatError(45009) with { Path = "/cgi-bin/draft/add" });

        var waiting = await TryAsync(delivery);

        var quota = Assert.IsType<ChannelOutcome.QuotaExhausted>(waiting);
        Assert.Equal("45009", quota.Code);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.FromHours(8)), quota.Until); // 10:00 UTC is 18:00 in Beijing
        Time.Advance(quota.Until - Time.GetUtcNow());
        Assert.IsType<ChannelOutcome.Succeeded>(await RunToEndAsync(delivery));
        Assert.Single(await ArticlesAsync());
    }

    [Fact]
    public async Task Publish_Injected45011_RateLimitedUntilNextMinute()
    {
        Time.Advance(TimeSpan.FromSeconds(17));
        await FaultAsync(SandboxFault.WechatError(45011) with { Path = "/cgi-bin/material/add_material" });

        var outcome = await TryAsync(Delivery(NewItem()));

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 10, 1, 0, TimeSpan.Zero), Assert.IsType<ChannelOutcome.RateLimited>(outcome).Until);
    }

    [Fact]
    public async Task Publish_Injected53501_RateLimitedNotFailed()
    {
        await FaultAsync(SandboxFault.WechatError(53501) with { Path = "/cgi-bin/draft/add" });

        var outcome = await TryAsync(Delivery(NewItem()));

        var limited = Assert.IsType<ChannelOutcome.RateLimited>(outcome);
        Assert.Equal(Time.GetUtcNow() + TimeSpan.FromMinutes(1), limited.Until);
        Assert.Contains("53501", limited.Reason, StringComparison.Ordinal);
    }

    /// <summary>
    /// W2: 48001 and 50002 describe the account. Each queued item's try pauses the channel as refused credentials do —
    /// the circuit opens and claims nothing, the items stay pending — instead of each item failing on its own.
    /// </summary>
    [Theory]
    [InlineData(48001, "lacks the permission")]
    [InlineData(50002, "limited")]
    public async Task Publish_AccountNotAllowedForEveryItem_ChannelPausesAndItemsWait(int errcode, string words)
    {
        await FaultAsync(SandboxFault.WechatError(errcode, count: 3) with { Path = "/cgi-bin/draft/add" });
        var circuit = new Syndicator.Core.Dispatch.ChannelCircuit(3, TimeSpan.FromMinutes(5), Time);
        var machine = new Syndicator.Core.Deliveries.DeliveryStateMachine(new Syndicator.Core.Deliveries.RetryOptions(), () => 0.5);

        var transitions = new List<Syndicator.Core.Deliveries.Transition>();
        for (var i = 0; i < 3; i++)
        {
            var delivery = Delivery(NewItem());
            var outcome = await TryAsync(delivery);
            Assert.Contains(words, Assert.IsType<ChannelOutcome.AuthFailed>(outcome).Reason, StringComparison.Ordinal);
            circuit.Record(outcome);
            transitions.Add(machine.Apply(delivery.Delivery, outcome, Time.GetUtcNow()));
        }

        Assert.Equal(Syndicator.Core.Dispatch.CircuitState.Open, circuit.State);
        Assert.Equal(0, circuit.Admit(10));
        Assert.All(transitions, t => Assert.Equal(Syndicator.Core.Deliveries.DeliveryStatus.Pending, t.Status));
        Assert.Empty(await ArticlesAsync());
    }

    [Fact]
    public async Task Publish_InjectedSystemBusy_Transient()
    {
        await FaultAsync(SandboxFault.WechatError(-1) with { Path = "/cgi-bin/draft/add" });

        var outcome = await TryAsync(Delivery(NewItem()));

        Assert.Equal("-1", Assert.IsType<ChannelOutcome.Transient>(outcome).Code);
        Assert.Empty(await ArticlesAsync());
    }

    [Theory]
    [InlineData(40164, typeof(ChannelOutcome.AuthFailed), "IP白名单")]
    [InlineData(48001, typeof(ChannelOutcome.AuthFailed), "认证")]
    [InlineData(50002, typeof(ChannelOutcome.AuthFailed), "账号受限")]
    public async Task Publish_AccountProblem_OutcomeNamesWhatToFix(int errcode, Type expected, string hint)
    {
        await FaultAsync(SandboxFault.WechatError(errcode) with { Path = "/cgi-bin/draft/add" });

        var outcome = await TryAsync(Delivery(NewItem()));

        Assert.IsType(expected, outcome);
        Assert.Contains(hint, outcome.ToString(), StringComparison.Ordinal);
        Assert.Equal(errcode.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.Code);
    }

    [Fact]
    public async Task Publish_WrongSecret_AuthFailedNamingTheKeyNeverTheSecret()
    {
        const string wrong = "feedfacefeedfacefeedfacefeedface";
        var sut = CreateSut(WeChatSut.SandboxSettings(Sandbox, wrong));

        var outcome = await TryAsync(Delivery(NewItem()), sut.Connector);
        var health = await sut.Connector.CheckHealthAsync(Timeout);

        var failed = Assert.IsType<ChannelOutcome.AuthFailed>(outcome);
        Assert.Contains("Channels:wechat:AppSecret", failed.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, failed.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, health.Detail, StringComparison.Ordinal);
        Assert.NotEmpty(sut.Logs.Messages);
        Assert.All(sut.Logs.Messages, m => Assert.DoesNotContain(wrong, m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_GoodSecret_NeverLoggedNorInOutcome()
    {
        var outcome = await RunToEndAsync(Delivery(NewItem()));

        Assert.DoesNotContain(Syndicator.Sandbox.SandboxCredentials.WeChatAppSecret, outcome.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(Sut.Logs.Messages);
        Assert.All(Sut.Logs.Messages, m => Assert.DoesNotContain(Syndicator.Sandbox.SandboxCredentials.WeChatAppSecret, m, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-03-02T15:59:59Z", "2026-03-02T16:00:00Z")]
    [InlineData("2026-03-02T16:00:00Z", "2026-03-03T16:00:00Z")]
    [InlineData("2026-03-02T17:00:00Z", "2026-03-03T16:00:00Z")]
    public void NextBeijingMidnight_AnyInstant_TheComingMidnightInUtcPlus8(string now, string expected) =>
        Assert.Equal(
            DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            WeChatQuota.NextDay(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
}
