using Syndicator.Core.Channels;
using Syndicator.Sandbox;
using Syndicator.Testing;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Channels.Jcms.Tests;

public sealed class JcmsHealthTests : JcmsSandboxTests
{
    [Fact]
    public async Task CheckHealth_SiteWithQuery_HealthyCredentialsProvenNothingPublished()
    {
        await FullSiteAsync();

        var health = await CreateFullSut().Connector.CheckHealthAsync(Timeout);

        Assert.Equal(ChannelHealthStatus.Healthy, health.Status);
        Assert.Contains($"query of column {SandboxCredentials.PortalColumnId}; credentials accepted", health.Detail, StringComparison.Ordinal);
        Assert.Empty(await ArticlesAsync());
    }

    [Fact]
    public async Task CheckHealth_SiteAddsOnly_HealthySayingCredentialsAreUnprovenAndNothingSent()
    {
        var health = await CreateSut().Connector.CheckHealthAsync(Timeout);

        Assert.Equal(ChannelHealthStatus.Healthy, health.Status);
        Assert.Contains("the credentials are proven only by a publish", health.Detail, StringComparison.Ordinal);
        Assert.Equal(0, (await StatsAsync()).Creates);
        Assert.Empty(await ReceivedAsync());
    }

    [Fact]
    public async Task CheckHealth_WrongPasswordOnASiteWithQuery_UnhealthyNamingTheSettings()
    {
        await FullSiteAsync();

        var health = await CreateFullSut("wrong").Connector.CheckHealthAsync(Timeout);

        Assert.Equal(ChannelHealthStatus.Unhealthy, health.Status);
        Assert.Contains("用户名或密码错误", health.Detail, StringComparison.Ordinal);
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
        await FullSiteAsync();
        await AddFaultAsync(SandboxFault.Fail(503));

        var health = await CreateFullSut().Connector.CheckHealthAsync(Timeout);

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
