using Syndicator.Core.Channels;
using Syndicator.Sandbox;
using Syndicator.Testing.Sandbox;
using Syndicator.Testing;

namespace Syndicator.Channels.SsCms.Tests;

public sealed class SsCmsHealthTests : SsCmsSandboxTests
{
    [Fact]
    public async Task CheckHealth_KeyWithoutContentsScope_UnhealthyKeyRefused()
    {
        var health = await CreateSut(SandboxCredentials.BureauApiKeyWithoutContentsScope).Connector.CheckHealthAsync(Timeout);

        Assert.Equal(ChannelHealthStatus.Unhealthy, health.Status);
        Assert.Contains("SSCMS answered 401: either it refused the API key (Channels:bureau:ApiKey", health.Detail, StringComparison.Ordinal);
        Assert.Contains("no rights on SSCMS channel 2", health.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealth_ListAnswers503_Degraded()
    {
        await AddFaultAsync(SandboxFault.Fail(503) with { Path = "/api/v1/contents" });

        var health = await CreateSut().Connector.CheckHealthAsync(Timeout);

        Assert.Equal(ChannelHealthStatus.Degraded, health.Status);
        Assert.Contains("503", health.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealth_PingAnswers503_Unhealthy()
    {
        await AddFaultAsync(SandboxFault.Fail(503) with { Path = "/api/ping" });

        var health = await CreateSut().Connector.CheckHealthAsync(Timeout);

        Assert.Equal(ChannelHealthStatus.Unhealthy, health.Status);
        Assert.Contains("503", health.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealth_NothingListening_UnhealthyUnreachable()
    {
        var connector = CreateSut(SsCmsSut.SettingsFor(new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/bureau/"))).Connector;

        var health = await connector.CheckHealthAsync(Timeout);

        Assert.Equal(ChannelHealthStatus.Unhealthy, health.Status);
        Assert.StartsWith("SSCMS unreachable", health.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealth_ChannelUnknownToSsCms_UnhealthyNamingIt()
    {
        var settings = SsCmsSut.SandboxSettings(Sandbox);
        settings["ChannelId"] = "9";

        var health = await CreateSut(settings).Connector.CheckHealthAsync(Timeout);

        Assert.Equal(ChannelHealthStatus.Unhealthy, health.Status);
        Assert.Contains("channel 9", health.Detail, StringComparison.Ordinal);
    }
}
