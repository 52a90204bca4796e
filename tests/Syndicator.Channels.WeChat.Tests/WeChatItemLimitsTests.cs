using Syndicator.Core.Items;
using Syndicator.Testing;

namespace Syndicator.Channels.WeChat.Tests;

public sealed class WeChatItemLimitsTests
{
    [Fact]
    public void Check_ItemWithinLimits_NoProblem()
    {
        Assert.Empty(WeChatItemLimits.Check("wechat", Some.Item(title: new string('标', 32))));
    }

    [Fact]
    public void Check_TitleOverLimit_NamesTitleAndTheOverrideToUse()
    {
        var problem = Assert.Single(WeChatItemLimits.Check("wechat", Some.Item(title: new string('标', 33))));

        Assert.Equal("title", problem.Key);
        Assert.Contains("limit of 32", problem.Value, StringComparison.Ordinal);
        Assert.Contains("overrides.wechat.title", problem.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ShortOverrideOfALongTitle_NoProblem()
    {
        var item = Some.Item(title: new string('标', 40)) with
        {
            Overrides = new Dictionary<string, ChannelOverride> { ["wechat"] = new("汛期安全工作通知", null) },
        };

        Assert.Empty(WeChatItemLimits.Check("wechat", item));
    }

    [Fact]
    public void Check_OverrideStillTooLong_NamesTheOverride()
    {
        var item = Some.Item() with
        {
            Overrides = new Dictionary<string, ChannelOverride> { ["wechat"] = new(new string('标', 33), new string('摘', 129)) },
        };

        var problems = WeChatItemLimits.Check("wechat", item).Select(p => p.Key).ToList();

        Assert.Equal(["overrides.wechat.title", "overrides.wechat.summary"], problems);
    }
}
