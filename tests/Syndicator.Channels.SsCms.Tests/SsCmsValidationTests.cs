using Syndicator.Core.Catalogue;
using Syndicator.Testing;

namespace Syndicator.Channels.SsCms.Tests;

public sealed class SsCmsValidationTests
{
    private static readonly Uri Base = new("http://cms.example.org/");

    [Fact]
    public void Validate_CompleteSettings_NoProblems()
    {
        using var sut = new SsCmsSut(SsCmsSut.SettingsFor(Base));

        Assert.Empty(sut.Factory.Validate(sut.Definition));
    }

    [Theory]
    [InlineData("BaseUrl", null, "Channels:bureau:BaseUrl is required (an absolute http(s) URL)")]
    [InlineData("BaseUrl", "cms.example.org", "Channels:bureau:BaseUrl must be an absolute http(s) URL; got 'cms.example.org'")]
    [InlineData("SiteUrl", "ftp://cms.example.org/", "Channels:bureau:SiteUrl must be an absolute http(s) URL; got 'ftp://cms.example.org/'")]
    [InlineData("ApiKey", "", "Channels:bureau:ApiKey is required (an SSCMS API key with the Contents scope)")]
    [InlineData("ChannelId", null, "Channels:bureau:ChannelId is required (a positive integer)")]
    [InlineData("ChannelId", "工作动态", "Channels:bureau:ChannelId must be a positive integer; got '工作动态'")]
    [InlineData("SiteId", "0", "Channels:bureau:SiteId must be a positive integer; got '0'")]
    [InlineData("Checked", "yes", "Channels:bureau:Checked must be true or false; got 'yes'")]
    [InlineData("InlineMedia", "no", "Channels:bureau:InlineMedia must be true or false; got 'no'")]
    [InlineData("MaxRequestBytes", "1MB", "Channels:bureau:MaxRequestBytes must be a positive integer; got '1MB'")]
    [InlineData("Version", "latest", "Channels:bureau:Version must be an SSCMS version such as 7.4.0; got 'latest'")]
    [InlineData("Page:BodySelector", "div..x", "Channels:bureau:Page:BodySelector must be a CSS selector of at most 200 characters; got 'div..x'")]
    public void Validate_BadSetting_MessageNamesKeyAndValue(string key, string? value, string expected)
    {
        var settings = SsCmsSut.SettingsFor(Base);
        settings[key] = value;
        using var sut = new SsCmsSut(settings);

        Assert.Equal([expected], sut.Factory.Validate(sut.Definition));
    }

    [Fact]
    public void Validate_CategoryColumnNotAnId_MessageNamesCatalogueKey()
    {
        var catalogue = new CatalogueOptions
        {
            Categories =
            [
                new CategoryOptions { Name = "工作信息" },
                new CategoryOptions { Name = "政策文件", ChannelColumns = { ["bureau"] = "政策" } },
            ],
        };
        using var sut = new SsCmsSut(SsCmsSut.SettingsFor(Base), catalogue);

        var problem = Assert.Single(sut.Factory.Validate(sut.Definition));

        Assert.Equal("Catalogue:Categories:1:ChannelColumns:bureau (category 政策文件) must be a positive integer (an SSCMS channel id); got '政策'", problem);
    }

    [Fact]
    public void CheckItem_InlineMediaOff_RefusesBodyImagesAndAttachmentsNamingTheSetting()
    {
        var settings = SsCmsSut.SettingsFor(Base);
        settings["InlineMedia"] = "false";
        using var sut = new SsCmsSut(settings);
        var item = Some.Item(bodyHtml: "<p><img src=\"fig1.png\"></p>") with { Images = [Some.Image("fig1.png")], Attachments = [Some.Attachment()] };

        var problems = sut.Factory.CheckItem(sut.Definition, item).ToList();

        Assert.Equal(["images", "attachments"], problems.Select(p => p.Key));
        Assert.All(problems, p => Assert.Contains("Channels:bureau:InlineMedia is false", p.Value, StringComparison.Ordinal));
        using var inline = new SsCmsSut(SsCmsSut.SettingsFor(Base));
        Assert.Empty(inline.Factory.CheckItem(inline.Definition, item));
    }

    [Fact]
    public void CheckItem_RequestLargerThanMaxRequestBytes_RefusedNamingTheSetting()
    {
        var settings = SsCmsSut.SettingsFor(Base);
        settings["MaxRequestBytes"] = "100000";
        using var sut = new SsCmsSut(settings);
        var item = Some.Item() with { Cover = Fixtures.Cover() };

        var problem = Assert.Single(sut.Factory.CheckItem(sut.Definition, item));

        Assert.Equal("body", problem.Key);
        Assert.Contains("above Channels:bureau:MaxRequestBytes (100000)", problem.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckItem_TitleOver500Characters_Refused()
    {
        using var sut = new SsCmsSut(SsCmsSut.SettingsFor(Base));

        var problem = Assert.Single(sut.Factory.CheckItem(sut.Definition, Some.Item(title: new string('长', 501))));

        Assert.Equal("title", problem.Key);
    }

    [Fact]
    public void Create_BadSettings_ThrowsWithTheProblems()
    {
        var settings = SsCmsSut.SettingsFor(Base);
        settings["BaseUrl"] = null;
        using var sut = new SsCmsSut(settings);

        var exception = Assert.Throws<InvalidOperationException>(() => sut.Factory.Create(sut.Definition));

        Assert.Contains("Channels:bureau:BaseUrl is required", exception.Message, StringComparison.Ordinal);
    }
}
