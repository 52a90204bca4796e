using Syndicator.Core.Catalogue;
using Syndicator.Core.Tests.Support;

namespace Syndicator.Core.Tests.Catalogue;

public sealed class ChannelCatalogueTests
{
    private static ChannelCatalogue CreateSut(params (string Key, string? Value)[] settings) =>
        TestConfig.Catalogue(TestConfig.From([.. TestConfig.FourChannels, ("Channels:approval:Enabled", "false"), .. settings]));

    [Fact]
    public void Route_CategoryWithItsOwnRoute_ItsEnabledChannels()
    {
        var sut = CreateSut(
            ("Routing:Categories:政策文件:0", "wechat"),
            ("Routing:Categories:政策文件:1", "portal"),
            ("Routing:Default:0", "bureau"));

        Assert.Equal(["wechat", "portal"], sut.Route("政策文件"));
    }

    [Fact]
    public void Route_CategoryWithoutRoute_DefaultList()
    {
        var sut = CreateSut(
            ("Routing:Categories:政策文件:0", "portal"),
            ("Routing:Default:0", "bureau"),
            ("Routing:Default:1", "wechat"));

        Assert.Equal(["bureau", "wechat"], sut.Route("工作信息"));
    }

    [Fact]
    public void Route_DisabledChannelInRoute_Dropped()
    {
        var sut = CreateSut(
            ("Routing:Categories:政策文件:0", "approval"),
            ("Routing:Categories:政策文件:1", "portal"),
            ("Routing:Default:0", "approval"),
            ("Routing:Default:1", "bureau"));

        Assert.Equal(["portal"], sut.Route("政策文件"));
        Assert.Equal(["bureau"], sut.Route("工作信息"));
    }

    [Fact]
    public void Route_NoDefaultConfigured_EveryEnabledChannelInIdOrder()
    {
        var sut = CreateSut(("Routing:Categories:政策文件:0", "portal"));

        Assert.Equal(["bureau", "portal", "wechat"], sut.Route("工作信息"));
    }

    [Fact]
    public void Route_CategoryRoutedOnlyToDisabledChannel_NoChannel()
    {
        var sut = CreateSut(("Routing:Categories:人事信息:0", "approval"));

        Assert.Empty(sut.Route("人事信息"));
    }

    [Fact]
    public void Route_ChannelNamedTwice_Once()
    {
        var sut = CreateSut(("Routing:Default:0", "bureau"), ("Routing:Default:1", "bureau"));

        Assert.Equal(["bureau"], sut.Route("工作信息"));
    }

    [Fact]
    public void EnabledChannels_OneDisabled_LeftOutButStillFound()
    {
        var sut = CreateSut();

        Assert.Equal(["bureau", "portal", "wechat"], sut.EnabledChannels.Select(c => c.Id));
        Assert.Equal(["approval", "bureau", "portal", "wechat"], sut.Channels.Select(c => c.Id));
        Assert.NotNull(sut.Find("approval"));
        Assert.False(sut.IsEnabled("approval"));
        Assert.True(sut.IsEnabled("wechat"));
        Assert.False(sut.IsEnabled("weibo"));
    }

    [Fact]
    public void HasCategory_SeedCatalogue_KnowsSeedCategoriesOnly()
    {
        var sut = CreateSut();

        Assert.True(sut.HasCategory("工作信息"));
        Assert.False(sut.HasCategory("新闻"));
    }
}
