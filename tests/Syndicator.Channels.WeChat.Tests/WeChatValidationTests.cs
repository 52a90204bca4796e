using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.WeChat.Tests;

public sealed class WeChatValidationTests
{
    private const string Secret = "0badc0de0badc0de0badc0de0badc0de";

    [Fact]
    public void Validate_GoodSettings_NoProblems()
    {
        using var sut = CreateSut(s => { });

        Assert.Empty(sut.Factory.Validate(sut.Definition));
    }

    [Theory]
    [InlineData("AppId", "", "Channels:wechat:AppId is required")]
    [InlineData("AppSecret", "", "Channels:wechat:AppSecret is required")]
    [InlineData("ApiBaseUrl", "api.weixin.qq.com", "Channels:wechat:ApiBaseUrl must be an absolute http(s) URL; got 'api.weixin.qq.com'")]
    [InlineData("FallbackApiBaseUrl", "ftp://x", "Channels:wechat:FallbackApiBaseUrl must be an absolute http(s) URL; got 'ftp://x'")]
    [InlineData("PublishPollSchedule:0", "soon", "Channels:wechat:PublishPollSchedule:0 must be a duration (hh:mm:ss) above 0 and at most 06:00:00; got 'soon'")]
    [InlineData("PublishPollSchedule:0", "-00:00:30", "Channels:wechat:PublishPollSchedule:0 must be a duration (hh:mm:ss) above 0 and at most 06:00:00; got '-00:00:30'")]
    [InlineData("DailyLimits:Get", "0", "Channels:wechat:DailyLimits:Get must be a positive integer; got '0'")]
    [InlineData("DailyLimits:Delete", "ten", "Channels:wechat:DailyLimits:Delete must be a positive integer; got 'ten'")]
    [InlineData("ReconcileWait", "later", "Channels:wechat:ReconcileWait must be a duration (hh:mm:ss) above 0 and at most 7.00:00:00; got 'later'")]
    [InlineData("MassSend:ResultCheckInterval", "0", "Channels:wechat:MassSend:ResultCheckInterval must be a duration (hh:mm:ss) above 0 and at most 01:00:00; got '0'")]
    [InlineData("UpdatePolicy", "Replace", "Channels:wechat:UpdatePolicy must be one of DeleteOld, KeepOld; got 'Replace'")]
    [InlineData("DefaultCoverBase64", "not base64!", "Channels:wechat:DefaultCoverBase64 must be base64 of a JPEG or PNG image; got 'not base64!'")]
    [InlineData("DefaultCoverMediaType", "image/gif", "Channels:wechat:DefaultCoverMediaType must be one of image/jpeg, image/png; got 'image/gif'")]
    public void Validate_BadValue_MessageNamesKeyAndValue(string key, string value, string expected)
    {
        using var sut = CreateSut(s => s[key] = value);

        var problem = Assert.Single(sut.Factory.Validate(sut.Definition));

        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => sut.Factory.Create(sut.Definition));
    }

    [Fact]
    public void Validate_AnyProblem_NeverRepeatsTheSecret()
    {
        using var sut = CreateSut(s => s["ApiBaseUrl"] = "nope");

        Assert.All(sut.Factory.Validate(sut.Definition), p => Assert.DoesNotContain(Secret, p, StringComparison.Ordinal));
    }

    [Fact]
    public void AddWeChatChannel_CalledTwice_OneFactory()
    {
        var services = new ServiceCollection().AddWeChatChannel().AddWeChatChannel();

        Assert.Single(services, d => d.ServiceType == typeof(IChannelConnectorFactory));
    }

    [Fact]
    public void Options_Defaults_AsDocumented()
    {
        var options = new WeChatChannelOptions();

        Assert.Equal(new Uri("https://api.weixin.qq.com"), options.ApiBaseUrl);
        Assert.Equal(new Uri("https://api2.weixin.qq.com"), options.FallbackApiBaseUrl);
        Assert.Empty(options.PublishPollSchedule);
        Assert.Equal(
            [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10)], WeChatChannel.DefaultPollSchedule);
        Assert.Equal(TimeSpan.FromHours(2), options.ReconcileWait);
        Assert.Equal(
            (100, 100, 100, 100, 10, 1000, 500, 1000),
            (options.DailyLimits.Submit, options.DailyLimits.Get, options.DailyLimits.GetArticle, options.DailyLimits.BatchGet,
                options.DailyLimits.Delete, options.DailyLimits.DraftAdd, options.DailyLimits.DraftGet, options.DailyLimits.DraftBatchGet));
        Assert.Equal(WeChatUpdatePolicy.DeleteOld, options.UpdatePolicy);
    }

    private static WeChatSut CreateSut(Action<Dictionary<string, string?>> change)
    {
        var settings = WeChatSut.SettingsFor(new Uri("https://api.weixin.qq.com/"), new Uri("https://api2.weixin.qq.com/"), Secret);
        change(settings);
        return new WeChatSut(settings);
    }
}
