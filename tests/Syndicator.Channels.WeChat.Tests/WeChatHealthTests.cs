using Syndicator.Core.Channels;
using Syndicator.Testing;

namespace Syndicator.Channels.WeChat.Tests;

public sealed class WeChatHealthTests : WeChatFixture
{
    [Fact]
    public async Task CheckHealth_GoodCredentials_HealthyWithSubmitQuota()
    {
        await WeChatSut.SetEmulatorAsync(Sandbox, new { publishDelaySeconds = 0 }, Timeout);
        Assert.IsType<ChannelOutcome.Succeeded>(await RunToEndAsync(Delivery(NewItem())));

        var health = await Sut.Connector.CheckHealthAsync(Timeout);

        Assert.Equal(ChannelHealthStatus.Healthy, health.Status);
        Assert.Equal(99, health.Quota![WeChatHealthCheck.SubmitPath]);
    }

    [Fact]
    public async Task CheckHealth_SubmitQuotaUsedUp_Degraded()
    {
        await WeChatSut.SetEmulatorAsync(Sandbox, new { submitDailyLimit = 0 }, Timeout);

        var health = await Sut.Connector.CheckHealthAsync(Timeout);

        Assert.Equal(ChannelHealthStatus.Degraded, health.Status);
        Assert.Equal(0, health.Quota![WeChatHealthCheck.SubmitPath]);
    }

    [Fact]
    public async Task CheckHealth_DigestOnAndNoMassSendLeft_DegradedReportingBothQuotas()
    {
        var settings = WeChatSut.SandboxSettings(Sandbox);
        settings["MassSend:Enabled"] = "true";
        await WeChatSut.SetEmulatorAsync(Sandbox, new { massSendDailyLimit = 0 }, Timeout);

        var health = await CreateSut(settings).Connector.CheckHealthAsync(Timeout);

        Assert.Equal(ChannelHealthStatus.Degraded, health.Status);
        Assert.Equal(0, health.Quota![WeChatHealthCheck.MassSendPath]);
        Assert.Equal(100, health.Quota![WeChatHealthCheck.SubmitPath]);
        Assert.Contains("message/mass/sendall quota today: 0 of 0 left", health.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealth_NothingListens_Unhealthy()
    {
        var closed = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/wechat/");

        var health = await CreateSut(WeChatSut.SettingsFor(closed, closed)).Connector.CheckHealthAsync(Timeout);

        Assert.Equal(ChannelHealthStatus.Unhealthy, health.Status);
        Assert.Contains("unreachable", health.Detail, StringComparison.Ordinal);
    }
}
