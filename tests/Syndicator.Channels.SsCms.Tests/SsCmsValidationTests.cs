using Syndicator.Core.Catalogue;

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
    public void Create_BadSettings_ThrowsWithTheProblems()
    {
        var settings = SsCmsSut.SettingsFor(Base);
        settings["BaseUrl"] = null;
        using var sut = new SsCmsSut(settings);

        var exception = Assert.Throws<InvalidOperationException>(() => sut.Factory.Create(sut.Definition));

        Assert.Contains("Channels:bureau:BaseUrl is required", exception.Message, StringComparison.Ordinal);
    }
}
