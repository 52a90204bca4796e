using Syndicator.Core.Channels;
using Syndicator.Sandbox;
using Syndicator.Testing;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Channels.Jcms.Tests;

public sealed class JcmsHealthTests : JcmsSandboxTests
{
    [Fact]
    public async Task CheckHealth_GoodCredentials_HealthyAndNothingPublished()
    {
        var health = await CreateSut().Connector.CheckHealthAsync(Timeout);

        Assert.Equal(ChannelHealthStatus.Healthy, health.Status);
        Assert.Contains($"column {SandboxCredentials.PortalColumnId} holds 0 articles", health.Detail, StringComparison.Ordinal);
        Assert.Empty(await ArticlesAsync());
    }

    [Fact]
    public async Task CheckHealth_WrongPassword_UnhealthyNamingTheSettings()
    {
        var health = await CreateSut("wrong").Connector.CheckHealthAsync(Timeout);

        Assert.Equal(ChannelHealthStatus.Unhealthy, health.Status);
        Assert.Contains("A02", health.Detail, StringComparison.Ordinal);
        Assert.Contains("Channels:portal:Password", health.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealth_ColumnUnknownToPortal_UnhealthyNamingColumnId()
    {
        var settings = JcmsSut.SandboxSettings(Sandbox);
        settings["ColumnId"] = "42";

        var health = await CreateSut(settings).Connector.CheckHealthAsync(Timeout);

        Assert.Equal(ChannelHealthStatus.Unhealthy, health.Status);
        Assert.Contains("Channels:portal:ColumnId", health.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealth_PortalAnswers503_Degraded()
    {
        await AddFaultAsync(SandboxFault.Fail(503));

        var health = await CreateSut().Connector.CheckHealthAsync(Timeout);

        Assert.Equal(ChannelHealthStatus.Degraded, health.Status);
        Assert.Contains("503", health.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealth_NothingListening_UnhealthyUnreachable()
    {
        var connector = CreateSut(JcmsSut.SettingsFor(new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/portal/"))).Connector;

        var health = await connector.CheckHealthAsync(Timeout);

        Assert.Equal(ChannelHealthStatus.Unhealthy, health.Status);
        Assert.StartsWith("portal unreachable", health.Detail, StringComparison.Ordinal);
    }
}
