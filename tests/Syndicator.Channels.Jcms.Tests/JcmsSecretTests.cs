using Syndicator.Core.Channels;
using Syndicator.Sandbox;
using Syndicator.Testing;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Channels.Jcms.Tests;

/// <summary>Where the credentials travel (platform-truth §4), and that they never show anywhere else.</summary>
public sealed class JcmsSecretTests : JcmsSandboxTests
{
    [Fact]
    public async Task Calls_Default_ThePublicClientsForm()
    {
        var connector = CreateSut().Connector;

        Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(connector, NewItem()));

        var call = Assert.Single(await ReceivedAsync());
        Assert.Equal(
            $"/portal/jcms/interface/receive.jsp?userid={SandboxCredentials.PortalUserId}&password={SandboxCredentials.PortalPassword}&charset=UTF-8",
            Uri.UnescapeDataString(call.GetProperty("target").GetString()!));
        Assert.Equal("query", call.GetProperty("credentialsIn").GetString());
        Assert.StartsWith("application/x-www-form-urlencoded", call.GetProperty("contentType").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Xml", "xml")]
    [InlineData("Header", "header")]
    public async Task Calls_CredentialsWhereThePortalReadsThem_AcceptedAndNotInTheUrl(string placement, string site)
    {
        await SiteAsync(new { credentials = site });
        var settings = JcmsSut.SandboxSettings(Sandbox);
        settings["Envelope:Credentials"] = placement;

        Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(CreateSut(settings).Connector, NewItem()));

        var call = Assert.Single(await ReceivedAsync());
        Assert.Equal(site, call.GetProperty("credentialsIn").GetString());
        Assert.Equal("/portal/jcms/interface/receive.jsp", call.GetProperty("target").GetString());
    }

    [Fact]
    public async Task Calls_CredentialsWhereThePortalDoesNotReadThem_AuthFailedNothingCreated()
    {
        await SiteAsync(new { credentials = "xml" });

        var authFailed = Assert.IsType<ChannelOutcome.AuthFailed>(await PublishAsync(CreateSut().Connector, NewItem()));

        Assert.Contains("Channels:portal:UserId", authFailed.Reason, StringComparison.Ordinal);
        Assert.Empty(await ArticlesAsync());
    }

    [Fact]
    public async Task Logs_QueryCredentials_WarnedAndEveryUrlRedacted()
    {
        var sut = CreateSut();
        var connector = sut.Connector;
        await AddFaultAsync(SandboxFault.DropConnection() with { Path = ReceivePath });

        Assert.IsType<ChannelOutcome.Transient>(await PublishAsync(connector, NewItem()));
        var published = Assert.IsType<ChannelOutcome.Succeeded>(await PublishAsync(connector, NewItem()));

        Assert.Contains(sut.Logs.Messages, m => m.StartsWith("Warning:", StringComparison.Ordinal) && m.Contains("Envelope:Credentials is Query", StringComparison.Ordinal));
        Assert.Contains(sut.Logs.Messages, m => m.Contains("receive.jsp?userid=***&password=***", StringComparison.Ordinal));
        Assert.All(sut.Logs.Messages, m =>
        {
            Assert.DoesNotContain(SandboxCredentials.PortalPassword, m, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(SandboxCredentials.PortalPassword), m, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(SandboxCredentials.PortalPassword, published.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outcomes_RefusedTransientAndHealth_NeverCarryThePassword()
    {
        const string WrongPassword = "wrong-password-Zq81";
        var refused = CreateSut(WrongPassword);
        var good = CreateSut();
        var authFailed = await PublishAsync(refused.Connector, NewItem());
        await AddFaultAsync(SandboxFault.Fail(503) with { Path = ReceivePath });
        var transient = await PublishAsync(good.Connector, NewItem());
        var health = await refused.Connector.CheckHealthAsync(Timeout);

        Assert.Contains("用户名或密码错误", Assert.IsType<ChannelOutcome.AuthFailed>(authFailed).Reason, StringComparison.Ordinal);
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

    [Theory]
    [InlineData("GET /jcms/interface/receive.jsp?userid=txslj_push&password=Txsl%232026%21receive&charset=UTF-8 failed")]
    [InlineData("Error 500: java.lang.NullPointerException at receive.jsp?password=Txsl#2026!receive")]
    [InlineData("<p>密码 Txsl#2026!receive 错误</p>")]
    public void Redaction_TextsFromOutside_CredentialsMasked(string text)
    {
        var redaction = new JcmsRedaction(SandboxCredentials.PortalPassword, "userid", "password");

        var scrubbed = redaction.Scrub(text);

        Assert.DoesNotContain(SandboxCredentials.PortalPassword, scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(SandboxCredentials.PortalPassword), scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain("Txsl", scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_PortalEchoesTheQueryString_ExcerptRedacted()
    {
        var rules = new JcmsReplyRules(new JcmsReplyOptions());
        var redaction = new JcmsRedaction(SandboxCredentials.PortalPassword, "userid", "password");
        var response = new RestSharp.RestResponse(new RestSharp.RestRequest())
        {
            StatusCode = System.Net.HttpStatusCode.OK,
            ResponseStatus = RestSharp.ResponseStatus.Completed,
            IsSuccessStatusCode = true,
            Content = "<html>请求 /jcms/interface/receive.jsp?userid=txslj_push&password=Txsl%232026%21receive 出错</html>",
        };

        var answer = new JcmsAnswer(response, rules, redaction);

        Assert.Equal(JcmsReading.Unreadable, answer.Reading);
        Assert.Contains("userid=***&password=***", answer.Excerpt, StringComparison.Ordinal);
        Assert.DoesNotContain("Txsl", answer.Excerpt, StringComparison.Ordinal);
    }
}
