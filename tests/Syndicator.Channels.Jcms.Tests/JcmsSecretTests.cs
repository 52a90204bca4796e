using Syndicator.Core.Channels;
using Syndicator.Sandbox;
using Syndicator.Testing;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Channels.Jcms.Tests;

public sealed class JcmsSecretTests : JcmsSandboxTests
{
    [Fact]
    public async Task Calls_Default_CredentialsInTheBodyNeverInTheUrl()
    {
        var connector = CreateSut().Connector;
        var item = NewItem();
        var published = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(connector, item));
        Assert.IsType<ChannelOutcome.Succeeded>(await WithdrawAsync(connector, item, Live(item, published.RemoteId)));
        await connector.CheckHealthAsync(Timeout);

        var received = await ReceivedAsync();

        Assert.Equal(3, received.Count);
        Assert.All(received, r =>
        {
            Assert.Equal("/portal/jcms/interface/receive.jsp", r.GetProperty("target").GetString());
            Assert.Equal("body", r.GetProperty("credentialsIn").GetString());
            Assert.StartsWith("text/xml", r.GetProperty("contentType").GetString(), StringComparison.Ordinal);
        });
        Assert.DoesNotContain(published.Url!.AbsoluteUri, SandboxCredentials.PortalPassword, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_LegacyQueryStringCredentials_InTheUrlWithWarningAndRedactedLogs()
    {
        var settings = JcmsSut.SandboxSettings(Sandbox);
        settings["LegacyQueryStringCredentials"] = "true";
        var sut = CreateSut(settings);
        var connector = sut.Connector;
        await AddFaultAsync(SandboxFault.DropConnection() with { Path = ReceivePath });

        Assert.IsType<ChannelOutcome.Transient>(await PublishAsync(connector, NewItem()));
        var published = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(connector, NewItem()));

        var received = await ReceivedAsync();
        Assert.Equal("query", received[^1].GetProperty("credentialsIn").GetString());
        Assert.Contains("password=", received[^1].GetProperty("target").GetString(), StringComparison.Ordinal);
        Assert.Contains(sut.Logs.Messages, m => m.StartsWith("Warning:", StringComparison.Ordinal) && m.Contains("LegacyQueryStringCredentials is on", StringComparison.Ordinal));
        Assert.Contains(sut.Logs.Messages, m => m.Contains("receive.jsp?userid=***&password=***", StringComparison.Ordinal));
        Assert.All(sut.Logs.Messages, m =>
        {
            Assert.DoesNotContain(SandboxCredentials.PortalPassword, m, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(SandboxCredentials.PortalPassword), m, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(SandboxCredentials.PortalPassword, published.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outcomes_RefusedAndTransient_NeverCarryThePassword()
    {
        const string WrongPassword = "wrong-password-Zq81";
        var refused = CreateSut(WrongPassword);
        var good = CreateSut();
        var authFailed = await PublishAsync(refused.Connector, NewItem());
        await AddFaultAsync(SandboxFault.Fail(503) with { Path = ReceivePath });
        var transient = await PublishAsync(good.Connector, NewItem());
        var health = await refused.Connector.CheckHealthAsync(Timeout);

        Assert.Equal("A02", Assert.IsType<ChannelOutcome.AuthFailed>(authFailed).Code);
        Assert.IsType<ChannelOutcome.Transient>(transient);
        Assert.All(new[] { authFailed.ToString(), transient.ToString(), health.Detail }, t =>
        {
            Assert.DoesNotContain(WrongPassword, t, StringComparison.Ordinal);
            Assert.DoesNotContain(SandboxCredentials.PortalPassword, t, StringComparison.Ordinal);
        });
        Assert.NotEmpty(refused.Logs.Messages);
        Assert.All(refused.Logs.Messages.Concat(good.Logs.Messages), m =>
        {
            Assert.DoesNotContain(WrongPassword, m, StringComparison.Ordinal);
            Assert.DoesNotContain(SandboxCredentials.PortalPassword, m, StringComparison.Ordinal);
        });
    }
}
