using Syndicator.Core.Events;
using Syndicator.Sandbox;

namespace Syndicator.Channels.Webhook.Tests;

/// <summary>Start-up checks of a webhook channel's settings: each message names the key and never shows the secret.</summary>
public sealed class WebhookSettingsTests
{
    [Fact]
    public void GoodSettings_NoProblems()
    {
        using var sut = new WebhookSut(WebhookSut.SettingsFor(new Uri("https://receiver.example/hook")));

        Assert.Empty(sut.Factory.Validate(sut.Definition));
    }

    [Theory]
    [InlineData(null, "Channels:webhook:Url is required")]
    [InlineData("ftp://receiver.example/hook", "Channels:webhook:Url must be an absolute http(s) URL")]
    [InlineData("/hook", "Channels:webhook:Url must be an absolute http(s) URL")]
    public void BadUrl_NamesTheKey(string? url, string expected)
    {
        var settings = WebhookSut.SettingsFor(new Uri("https://receiver.example/hook"));
        settings["Url"] = url;
        using var sut = new WebhookSut(settings);

        Assert.Contains(sut.Factory.Validate(sut.Definition), m => m.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "Channels:webhook:Secret is required")]
    [InlineData("not-a-whsec-secret", "Channels:webhook:Secret must be whsec_")]
    [InlineData("whsec_c2hvcnQ=", "Channels:webhook:Secret must be whsec_")]
    [InlineData("whsec_!!!not base64!!!", "Channels:webhook:Secret must be whsec_")]
    public void BadSecret_NamesTheKeyNeverTheValue(string secret, string expected)
    {
        var settings = WebhookSut.SettingsFor(new Uri("https://receiver.example/hook"), secret);
        using var sut = new WebhookSut(settings);

        var message = Assert.Single(sut.Factory.Validate(sut.Definition));
        Assert.StartsWith(expected, message, StringComparison.Ordinal);
        Assert.True(secret.Length == 0 || !message.Contains(secret, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("webhook-signature", "v1,forged", "would replace a header the webhook sets itself")]
    [InlineData("Content-Type", "text/plain", "would replace a header the webhook sets itself")]
    [InlineData("X-Api-Key", "a\r\nX-Injected: 1", "must not contain CR, LF or NUL")]
    [InlineData("Bad Name", "x", "is not a valid header name")]
    public void BadHeader_NamesTheHeaderKey(string name, string value, string expected)
    {
        var settings = WebhookSut.SettingsFor(new Uri("https://receiver.example/hook"));
        settings[$"Headers:{name}"] = value;
        using var sut = new WebhookSut(settings);

        var message = Assert.Single(sut.Factory.Validate(sut.Definition));
        Assert.StartsWith($"Channels:webhook:Headers:{name} {expected}", message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckItem_PayloadAboveMaxPayloadBytes_RefusedNamingTheLimit()
    {
        var settings = WebhookSut.SettingsFor(new Uri("https://receiver.example/hook"));
        settings["MaxPayloadBytes"] = "2048";
        using var sut = new WebhookSut(settings);
        var small = Syndicator.Testing.Some.Item(channels: [WebhookSut.Channel]);
        var large = Syndicator.Testing.Some.Item(bodyHtml: "<p>" + new string('文', 2000) + "</p>", channels: [WebhookSut.Channel]);

        Assert.Empty(sut.Factory.CheckItem(sut.Definition, small));
        var problem = Assert.Single(sut.Factory.CheckItem(sut.Definition, large));
        Assert.Equal("body", problem.Key);
        Assert.Contains("Channels:webhook:MaxPayloadBytes (2048)", problem.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void SandboxSecret_IsAWellFormedSecret()
    {
        Assert.NotNull(SigningSecret.Key(SandboxCredentials.WebhookSecret));
    }
}
