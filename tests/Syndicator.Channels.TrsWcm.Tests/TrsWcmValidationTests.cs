using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Channels;
using Syndicator.Testing.Fakes;

namespace Syndicator.Channels.TrsWcm.Tests;

public sealed class TrsWcmValidationTests
{
    private static readonly Uri Base = new("http://wcm.example.org/");

    [Fact]
    public void Validate_CompleteSettings_NoProblems()
    {
        using var sut = new TrsWcmSut(TrsWcmSut.SettingsFor(Base));

        Assert.Empty(sut.Factory.Validate(sut.Definition));
    }

    [Theory]
    [InlineData("BaseUrl", null, "Channels:approval:BaseUrl is required (an absolute http(s) URL)")]
    [InlineData("BaseUrl", "wcm.example.org", "Channels:approval:BaseUrl must be an absolute http(s) URL; got 'wcm.example.org'")]
    [InlineData("UserName", " ", "Channels:approval:UserName is required (the WCM user the connector logs in as)")]
    [InlineData("Password", "", "Channels:approval:Password is required (the password of Channels:approval:UserName)")]
    [InlineData("ChannelId", null, "Channels:approval:ChannelId is required (a positive integer)")]
    [InlineData("ChannelId", "审批公告", "Channels:approval:ChannelId must be a positive integer; got '审批公告'")]
    [InlineData("Mode", "both", "Channels:approval:Mode must be one of document, metaview; got 'both'")]
    [InlineData("ForceKick", "yes", "Channels:approval:ForceKick must be true or false; got 'yes'")]
    [InlineData("Fields:IndexNumber", "索引号", "Channels:approval:Fields:IndexNumber must be a WCM field name (ASCII letters, digits, _; at most 64); got '索引号'")]
    [InlineData("Fields:Colour", "COLOUR", "Channels:approval:Fields:Colour is not a field of ours; known: Title, Body, IndexNumber, Publisher, DocumentNumber, WrittenOn, Topic, Genre, Validity, OpenMode, OpenScope, Keywords")]
    [InlineData("PageUrlRule", "http://wcm.example.org/{channelId}/t.html", "Channels:approval:PageUrlRule must contain {docId} (placeholders: {docId}, {channelId}, {yyyyMM}, {yyyyMMdd}); got 'http://wcm.example.org/{channelId}/t.html'")]
    [InlineData("PageUrlRule", "/site/{docId}.html", "Channels:approval:PageUrlRule must be an absolute http(s) URL using only the placeholders {docId}, {channelId}, {yyyyMM}, {yyyyMMdd}; got '/site/{docId}.html'")]
    [InlineData("ReferenceField", "IS PUSH", "Channels:approval:ReferenceField must be a WCM field name (ASCII letters, digits, _; at most 64); got 'IS PUSH'")]
    [InlineData("Page:BodySelector", "div[", "Channels:approval:Page:BodySelector must be a CSS selector of at most 200 characters; got 'div['")]
    public void Validate_BadSetting_MessageNamesKeyAndValue(string key, string? value, string expected)
    {
        var settings = TrsWcmSut.SettingsFor(Base);
        settings[key] = value;
        using var sut = new TrsWcmSut(settings);

        Assert.Equal([expected], sut.Factory.Validate(sut.Definition));
    }

    [Fact]
    public void Create_BadSettings_ThrowsWithTheProblems()
    {
        var settings = TrsWcmSut.SettingsFor(Base);
        settings["BaseUrl"] = null;
        using var sut = new TrsWcmSut(settings);

        var exception = Assert.Throws<InvalidOperationException>(() => sut.Factory.Create(sut.Definition));

        Assert.Contains("Channels:approval:BaseUrl is required", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTrsWcmChannel_CalledTwice_OneTrsWcmFactory()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Syndicator.Core.Storage.IChannelStateStore>(new InMemoryChannelStateStore());

        services.AddTrsWcmChannel().AddTrsWcmChannel();

        using var provider = services.BuildServiceProvider();
        Assert.Equal("trswcm", Assert.Single(provider.GetServices<IChannelConnectorFactory>()).Connector);
    }
}
